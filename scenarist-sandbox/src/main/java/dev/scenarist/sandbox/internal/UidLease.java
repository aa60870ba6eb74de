package dev.scenarist.sandbox.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;

/** One uid held from a {@link UidPool} for one sandboxed run; closing it releases the uid. */
public final class UidLease implements AutoCloseable {
    private static final long SWEEP_MILLIS = 5_000;

    private final int uid;
    private final FileChannel lock;
    private final Runnable released;

    /** @param released told once the lock is given up, so the pool may open the lock file again */
    UidLease(int uid, FileChannel lock, Runnable released) {
        this.uid = uid;
        this.lock = lock;
        this.released = released;
    }

    public int uid() {
        return uid;
    }

    /** The group id: the same number, a group nobody else is in. */
    public int gid() {
        return uid;
    }

    /** Processes running as this uid anywhere on the host: what {@code RLIMIT_NPROC} counts (threads aside). */
    public int runningProcesses() {
        return ProcStatus.pidsOfRealUid(uid).size();
    }

    /**
     * Kills every process of this uid until none is left. Repeats because a fork bomb may still be forking while
     * the first ones die.
     *
     * @throws IllegalStateException when processes survive for 5 s (they would count against the next run's limit)
     */
    public void killAll() throws InterruptedException {
        long deadline = System.nanoTime() + SWEEP_MILLIS * 1_000_000;
        while (true) {
            List<Long> pids = ProcStatus.pidsOfRealUid(uid);
            if (pids.isEmpty()) return;
            for (long pid : pids) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processes " + pids + " of sandbox uid " + uid + " survived SIGKILL for "
                        + SWEEP_MILLIS + " ms; they are probably stuck in the kernel (D state): check `ps -o pid,stat,cmd -u " + uid + "`");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.close();
        } finally {
            released.run();
        }
    }

    @Override
    public String toString() {
        return "uid " + uid;
    }
}
