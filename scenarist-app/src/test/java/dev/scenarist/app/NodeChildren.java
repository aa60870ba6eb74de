package dev.scenarist.app;

import java.nio.file.Path;
import java.util.List;

/** The node processes (MuJoCo sidecars) this test JVM started that are still alive: what a command must not leave behind. */
final class NodeChildren {
    private NodeChildren() {}

    static List<Long> pids() {
        return ProcessHandle.current().children()
                .filter(h -> h.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("node")).orElse(false))
                .map(ProcessHandle::pid).toList();
    }
}
