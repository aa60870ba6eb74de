package dev.scenarist.sandbox;

/**
 * Runs an external command, such as a check over generated code, with a time limit, a memory limit, an explicit
 * environment (never the parent's: API keys must not leak into generated code) and bounded output.
 *
 * <p>{@link #bubblewrap(SandboxHost)} is the one to use for anything a model wrote: it confines the command in Linux
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

    /**
     * A long-lived process of this sandbox answering requests one at a time ({@link SandboxedServer}), for work whose
     * start-up dominates (a compiler that must warm up): {@code launch} gives its command, its workspace — the spool,
     * the only folder it may write — its read-only paths and limits, and as timeout the limit of each request. Started
     * on the first request, restarted after a death or an overrun, recycled after {@code requestsPerProcess} answers.
     *
     * @throws UnsupportedOperationException when this sandbox cannot keep a process (only the confined one can)
     */
    default SandboxedServer server(SandboxRequest launch, int requestsPerProcess) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot keep a server running; use Sandbox.bubblewrap");
    }

    /** Whether commands run confined; false only for {@link #unconfined()}. */
    boolean confined();

    /**
     * The confined sandbox, looking for {@code bwrap} only on the host's search path (the application's PATH),
     * keeping its scratch folders in the host's {@code tmpDir} (the application's {@code java.io.tmpdir}) and, when the
     * host says Scenarist runs as root, running each command as a leased unprivileged uid; checked on first run.
     * The host comes from the application, which reads the environment once, so a test can choose it.
     */
    static BubblewrapSandbox bubblewrap(SandboxHost host) {
        return BubblewrapSandbox.locate(host);
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
