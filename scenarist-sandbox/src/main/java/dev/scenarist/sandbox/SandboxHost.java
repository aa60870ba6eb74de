package dev.scenarist.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The host as the application found it when it started — it reads the environment once — handed to
 * {@link Sandbox#bubblewrap(SandboxHost)}, so the sandbox probes nothing of the process itself and a test can choose
 * every value.
 *
 * @param searchPath where {@code bwrap} is looked up: the application's {@code PATH}, which its preflight checks too
 * @param tmpDir     the host's temporary folder (the application's {@code java.io.tmpdir}): scratch folders and, as
 *                   root, the uid locks shared by every Scenarist process on the machine
 * @param root       whether this JVM runs as root: then each command runs as a leased unprivileged uid, since root keeps
 *                   its capabilities in the sandbox and the kernel does not enforce the process limit for uid 0
 */
public record SandboxHost(String searchPath, Path tmpDir, boolean root) {
    public SandboxHost {
        searchPath = searchPath == null ? "" : searchPath;
        Objects.requireNonNull(tmpDir, "tmpDir");
    }
}
