package dev.scenarist.sandbox.testing;

import dev.scenarist.sandbox.BubblewrapSandbox;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxHost;
import java.nio.file.Path;

/**
 * This test JVM's environment, read here as the application reads its own (once, in its startup) and handed to the
 * code under test, which reads none itself. Shared, through this module's test jar, with the tests of every module
 * that runs commands in the sandbox.
 */
public final class ThisMachine {
    /** The JVM's temporary folder: sandbox scratch folders and, as root, the uid locks shared with other JVMs. */
    public static final Path TMP_DIR = Path.of(System.getProperty("java.io.tmpdir"));
    /** Whether this JVM runs as root, asked as the application asks it (its preflight's {@code Machine}). */
    public static final boolean ROOT = runningAsRoot();

    private ThisMachine() {}

    /** The PATH, with the system folders where bwrap lives appended in case it lacks them. */
    public static String searchPath() {
        String path = System.getenv("PATH");
        return (path == null ? "" : path + ":") + "/usr/bin:/usr/sbin";
    }

    /** This machine as the application would describe it to the sandbox. */
    public static SandboxHost host() {
        return new SandboxHost(searchPath(), TMP_DIR, ROOT);
    }

    /** The confined sandbox as the application would locate it on this machine. */
    public static BubblewrapSandbox sandbox() {
        return Sandbox.bubblewrap(host());
    }

    private static boolean runningAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
