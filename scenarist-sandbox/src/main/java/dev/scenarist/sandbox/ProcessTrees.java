package dev.scenarist.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Killing a process together with everything it started: a sandboxed command, the Claude Code CLI, the MuJoCo
 * sidecar. {@link Process#destroyForcibly()} alone kills only the root and leaves its children running.
 */
public final class ProcessTrees {
    /** Late children (forked while we were killing) get this many more looks before we give up on them. */
    private static final int ROUNDS = 3;

    private ProcessTrees() {}

    /**
     * Kills the process and every descendant, without waiting for them to exit. The descendants are listed before
     * the root dies: once it is gone they are re-parented and no longer found through it. Each round then lists the
     * descendants of everything already seen, for children forked between the listing and the kill.
     */
    public static void kill(Process process) {
        Set<ProcessHandle> seen = new LinkedHashSet<>(process.descendants().toList());
        process.destroyForcibly();
        for (int round = 0; round < ROUNDS; round++) {
            List<ProcessHandle> batch = new ArrayList<>(seen);
            for (ProcessHandle h : batch) seen.addAll(h.descendants().toList());
            seen.forEach(ProcessHandle::destroyForcibly);
            if (seen.stream().noneMatch(ProcessHandle::isAlive)) break;
        }
    }
}
