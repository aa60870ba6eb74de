package dev.scenarist.packs.yaml;

import dev.scenarist.sandbox.BubblewrapSandbox;
import dev.scenarist.sandbox.Sandbox;
import java.nio.file.Path;

/**
 * This test JVM's environment, read here as the application reads its own (once, in its startup) and handed to the
 * code under test, which reads none itself.
 */
public final class ThisMachine {
    /** The JVM's temporary folder: sandbox scratch folders and, as root, the uid locks shared with other JVMs. */
    public static final Path TMP_DIR = Path.of(System.getProperty("java.io.tmpdir"));

    private ThisMachine() {}

    /** The PATH, with the system folders where bwrap lives appended in case it lacks them. */
    public static String searchPath() {
        String path = System.getenv("PATH");
        return (path == null ? "" : path + ":") + "/usr/bin:/usr/sbin";
    }

    /** The confined sandbox as the application would locate it on this machine. */
    public static BubblewrapSandbox sandbox() {
        return Sandbox.bubblewrap(searchPath(), TMP_DIR);
    }
}
