package dev.scenarist.sandbox.internal;

import dev.scenarist.sandbox.LimitBreach;
import dev.scenarist.sandbox.SandboxLimit;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Watches a running sandbox for the limits the kernel does not enforce by itself: files and bytes in the writable
 * areas (the workspace and the private {@code /tmp}, which is disk and not memory), and — when the run has its own
 * uid — the number of its processes, so a fork bomb ends at once instead of spinning until the timeout.
 */
public final class Watchdog implements ProcessRunner.Monitor {
    private final List<Path> writable;
    private final long maxFiles;
    private final long maxBytes;
    private final Optional<UidLease> lease;
    private final int maxProcesses;

    public Watchdog(List<Path> writable, long maxFiles, long maxBytes, Optional<UidLease> lease, int maxProcesses) {
        this.writable = List.copyOf(writable);
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
        this.lease = lease;
        this.maxProcesses = maxProcesses;
    }

    @Override
    public Optional<LimitBreach> check() {
        if (lease.isPresent()) {
            int running = lease.get().runningProcesses();
            // the kernel refuses the fork that would pass the limit, so reaching it is as far as a bomb gets
            if (running >= maxProcesses) return Optional.of(new LimitBreach(SandboxLimit.PROCESSES, maxProcesses, running));
        }
        return judge(FileTally.of(writable, maxFiles, maxBytes));
    }

    /** The exact tally once the command is gone (nothing changes any more, so no early stop is needed). */
    public FileTally finalTally() {
        return FileTally.of(writable);
    }

    /** Which workspace limit, if any, a tally breaks. */
    public Optional<LimitBreach> judge(FileTally t) {
        if (t.files() > maxFiles) return Optional.of(new LimitBreach(SandboxLimit.WORKSPACE_FILES, maxFiles, t.files()));
        if (t.bytes() > maxBytes) return Optional.of(new LimitBreach(SandboxLimit.WORKSPACE_BYTES, maxBytes, t.bytes()));
        return Optional.empty();
    }
}
