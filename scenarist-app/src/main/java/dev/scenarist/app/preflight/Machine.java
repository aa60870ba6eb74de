package dev.scenarist.app.preflight;

import java.util.Map;

/**
 * The machine as the application sees it, read once from its environment: where commands are looked up (the
 * {@code PATH} the sandbox and the preflight both use, so they agree on what is installed) and whether we run as
 * root (then the sandbox also needs {@code setpriv} to drop privileges, and the fix commands need no {@code sudo}).
 */
public record Machine(String path, boolean root) {
    public Machine {
        path = path == null ? "" : path;
    }

    /** Where programs are looked up when PATH is unset: the C library's default search path (as execvp does). */
    public static final String DEFAULT_PATH = "/bin:/usr/bin";

    /** The machine of this process, with {@code PATH} taken from {@code env} (the application's view of the environment). */
    public static Machine of(Map<String, String> env) {
        String path = env.get("PATH");
        return new Machine(path == null ? DEFAULT_PATH : path, runningAsRoot());
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
