package dev.scenarist.sandbox;

import dev.scenarist.sandbox.internal.Ownership;
import dev.scenarist.sandbox.internal.ScratchDir;
import dev.scenarist.sandbox.internal.ServerProcess;
import dev.scenarist.sandbox.internal.UidLease;
import dev.scenarist.sandbox.internal.Watchdog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One confined process kept running by a {@link SandboxedServer}: the process and what {@link BubblewrapSandbox} set
 * up for it (its uid lease as root, its scratch {@code /tmp}, the watchdog), all given back by {@link #stop}. Its
 * workspace is never handed to its uid as a whole: only the job folder of the request it is answering.
 */
final class Resident {
    private final ServerProcess process;
    private final Optional<UidLease> lease;
    private final ScratchDir scratch;
    private final Optional<Ownership> workOwner;
    private final Watchdog watchdog;

    Resident(ServerProcess process, Placement placement, Watchdog watchdog) {
        this.process = process;
        this.lease = placement.lease();
        this.scratch = placement.scratch();
        this.workOwner = placement.workOwner();
        this.watchdog = watchdog;
    }

    /** Where a resident lives: its workspace, the uid it runs as (as root), its {@code /tmp}, the workspace's owner. */
    record Placement(Path work, Optional<UidLease> lease, ScratchDir scratch, Optional<Ownership> workOwner) {}

    ServerProcess process() {
        return process;
    }

    Watchdog watchdog() {
        return watchdog;
    }

    /** The uid it runs as, when Scenarist runs as root. */
    OptionalInt uid() {
        return lease.map(l -> OptionalInt.of(l.uid())).orElse(OptionalInt.empty());
    }

    /** The workspace's owner, to whom a job folder lent to the server's uid goes back. */
    Optional<Ownership> workOwner() {
        return workOwner;
    }

    /**
     * Ends it — gently (stdin closed, {@code grace} to exit) or at once when {@code grace} is zero — kills anything
     * left under its uid, and gives back what was set up for it.
     */
    void stop(Duration grace) throws InterruptedException, SandboxUnavailableException {
        if (grace.isZero()) process.kill();
        else process.stop(grace);
        List<String> problems = new ArrayList<>();
        try {
            if (lease.isPresent()) lease.get().killAll();
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
        }
        try {
            scratch.close();
        } catch (IOException e) {
            problems.add("cannot delete the sandbox's /tmp " + scratch.path() + ": " + e);
        }
        try {
            if (lease.isPresent()) lease.get().close();
        } catch (IOException e) {
            problems.add("cannot release " + lease.get() + ": " + e);
        }
        if (!problems.isEmpty()) throw new SandboxUnavailableException(String.join("; ", problems));
    }
}
