package dev.scenarist.sandbox;

import java.nio.file.Path;

/**
 * Runs an external command, such as a check over generated code, with a time limit, a memory limit, an explicit
 * environment (never the parent's: API keys must not leak into generated code) and bounded output.
 *
 * <p>{@link #bubblewrap(String, Path)} is the one to use for anything a model wrote: it confines the command in Linux
 * namespaces (read-only system, writes only in the workspace, no network) and <em>refuses</em> to run when it
 * cannot confine. {@link #unconfined()} is for trusted commands only.
 */
public interface Sandbox {

    /**
     * Runs the request to completion or until its timeout, killing the whole process tree on timeout.
     *
     * @throws SandboxUnavailableException when the command cannot be started confined (bwrap missing, no user
     *                                     namespaces, a bind path that does not exist): an infrastructure failure
     */
    SandboxResult run(SandboxRequest request) throws SandboxUnavailableException, InterruptedException;

    /** Whether commands run confined; false only for {@link #unconfined()}. */
    boolean confined();

    /**
     * The confined sandbox, looking for {@code bwrap} only on {@code searchPath} (the application's PATH) and
     * keeping its scratch folders in {@code tmpDir} (the application's {@code java.io.tmpdir}); checked on first run.
     * Both come from the application, which reads the environment once, so a test can choose them.
     */
    static BubblewrapSandbox bubblewrap(String searchPath, Path tmpDir) {
        return BubblewrapSandbox.locate(searchPath, tmpDir);
    }

    /**
     * Runs commands directly on the host, for trusted commands only (never generated code). It still clears the
     * environment, applies the timeout (killing the process tree), bounds the output and, when {@code prlimit} is
     * present, the memory and CPU limits; it does not restrict files or network.
     */
    static Sandbox unconfined() {
        return new UnconfinedSandbox();
    }
}
