package dev.scenarist.app.preflight;

import dev.scenarist.app.wiring.Settings;
import dev.scenarist.sandbox.BubblewrapSandbox;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxHost;
import java.nio.file.Path;

/**
 * The machine as the application sees it, from its {@link Settings}: where commands are looked up (the {@code PATH}
 * the sandbox and the preflight both use, so they agree on what is installed), whether we run as root (then the
 * sandbox also needs {@code setpriv} to drop privileges, and the fix commands need no {@code sudo}), the temporary
 * folder the sandbox works in and the JDK running Scenarist.
 */
public record Machine(String path, boolean root, Path tmpDir, Path javaHome) {
    public Machine {
        path = path == null ? "" : path;
    }

    /** Where programs are looked up when PATH is unset: the C library's default search path (as execvp does). */
    public static final String DEFAULT_PATH = "/bin:/usr/bin";

    /** The machine of this process as {@code settings} describe it. */
    public static Machine of(Settings settings) {
        String path = settings.env().get("PATH");
        return new Machine(path == null ? DEFAULT_PATH : path, runningAsRoot(), settings.tmpDir(), settings.javaHome());
    }

    /**
     * The confined sandbox of this machine: bwrap from {@link #path()}, scratch folders in {@link #tmpDir()} and, when
     * {@link #root()}, each command as a leased unprivileged uid. This is the one place that asks whether we run as
     * root; the sandbox takes the answer.
     */
    public BubblewrapSandbox sandbox() {
        return Sandbox.bubblewrap(new SandboxHost(path, tmpDir, root));
    }

    /** The command that installs a Debian/Ubuntu package here: as root as is, otherwise through sudo. */
    public String aptInstall(String packages) {
        return (root ? "" : "sudo ") + "apt-get install " + packages;
    }

    private static boolean runningAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            // not a Unix JDK: the sandbox does not run there anyway
            return false;
        }
    }
}
