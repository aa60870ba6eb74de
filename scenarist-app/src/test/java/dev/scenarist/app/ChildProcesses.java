package dev.scenarist.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The processes this test JVM started that are still alive, by kind: what a command must not leave behind — MuJoCo's
 * node sidecars, and bubblewrap sandboxes (the mechanisms pack's long-lived template compile server among them).
 */
final class ChildProcesses {
    private ChildProcesses() {}

    /** MuJoCo sidecars. */
    static List<Long> node() {
        return named("node");
    }

    /** Sandboxed processes (bubblewrap at their root). */
    static List<Long> sandboxed() {
        return named("bwrap");
    }

    private static List<Long> named(String prefix) {
        return ProcessHandle.current().children()
                .filter(h -> h.info().command().map(c -> Path.of(c).getFileName().toString().startsWith(prefix)).orElse(false))
                .map(ProcessHandle::pid).toList();
    }
}
