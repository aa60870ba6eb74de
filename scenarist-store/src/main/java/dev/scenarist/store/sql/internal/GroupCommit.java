package dev.scenarist.store.sql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Group commit: the writes of concurrent callers share one transaction, so one durable commit (one fsync of SQLite's
 * WAL, one round trip and flush on PostgreSQL) serves every caller that arrived while the previous commit ran, instead
 * of each queueing for a commit of its own. With 16 runs in flight the per-attempt commits were serialized behind one
 * fsync each; batched, the disk's sync latency is paid once per batch.
 *
 * <p>What each caller sees is unchanged: {@link #commit} returns only after the transaction holding its own work has
 * committed (durably, as the database is configured), and throws if its work was not committed. Each piece of work runs
 * in its own savepoint, so one that fails (a stale run version, a constraint) is rolled back alone and its failure goes
 * to its caller only; the others still commit. When the transaction itself fails (the commit, the connection), nothing
 * of the batch was stored and every caller of the batch gets that failure.
 *
 * <p>Who commits: the first caller to find no commit under way leads — it takes everything queued (its own work
 * included), commits it, then hands the lead to the oldest caller still waiting, if any, and returns. So no caller
 * commits more than one batch of other callers' work, and there is no background thread to start or stop.
 */
public final class GroupCommit {
    /** Enough to amortize a sync, small enough that a batch's transaction stays short for readers and other processes. */
    static final int MAX_BATCH = 256;

    private final Jdbi jdbi;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Pending> queue = new ArrayList<>();
    private boolean leading;

    public GroupCommit(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Runs {@code work} in a transaction shared with other callers' and returns once that transaction committed.
     * Throws the failure of {@code work} itself, or of the shared transaction; in both cases nothing of {@code work}
     * was stored. Not interruptible: once queued, the outcome is waited for, so the caller always knows it.
     */
    public void commit(Consumer<Handle> work) {
        Pending me = new Pending(work);
        boolean lead;
        lock.lock();
        try {
            queue.add(me);
            lead = !leading;
            if (lead) leading = true;
        } finally {
            lock.unlock();
        }
        // a follower wakes up either done (its batch committed or failed) or told to lead the next batch
        if (lead || me.wake.join() == Role.LEAD) leadOneBatch();
        if (me.failure != null) throw me.failure;
    }

    /** Callers waiting for a batch to take their work (for tests that need several callers in one batch). */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void leadOneBatch() {
        List<Pending> batch;
        lock.lock();
        try {
            int n = Math.min(queue.size(), MAX_BATCH);
            batch = new ArrayList<>(queue.subList(0, n));
            queue.subList(0, n).clear();
        } finally {
            lock.unlock();
        }
        try {
            run(batch);
        } finally {
            handOver();
            // the leader's own entry is in the batch too: waking it is harmless, it is not waiting
            for (Pending p : batch) p.wake.complete(Role.DONE);
        }
    }

    private void run(List<Pending> batch) {
        try {
            jdbi.useTransaction(h -> {
                for (int i = 0; i < batch.size(); i++) runInSavepoint(h, "member_" + i, batch.get(i));
            });
        } catch (RuntimeException | Error e) {
            // the transaction did not commit: nothing of the batch is stored, whatever the savepoints said. An Error
            // (out of memory) must not let a waiting caller return as if its work were stored, so it fails them too.
            RuntimeException failure = e instanceof RuntimeException r ? r
                    : new IllegalStateException("the shared commit failed: " + e, e);
            for (Pending p : batch) p.failure = failure;
        }
    }

    private static void runInSavepoint(Handle h, String name, Pending p) {
        h.savepoint(name);
        try {
            p.work.accept(h);
            h.releaseSavepoint(name);
        } catch (RuntimeException e) {
            // only this member's writes are undone; a failure to roll back fails the whole transaction (thrown on)
            // (the savepoint itself stays until the commit: Jdbi forgets it on rollback and refuses to release it)
            h.rollbackToSavepoint(name);
            p.failure = e;
        }
    }

    /** Gives the lead to the oldest waiting caller, or ends leading when none waits. */
    private void handOver() {
        lock.lock();
        try {
            if (queue.isEmpty()) {
                leading = false;
            } else {
                queue.getFirst().wake.complete(Role.LEAD);
            }
        } finally {
            lock.unlock();
        }
    }

    private enum Role { LEAD, DONE }

    private static final class Pending {
        final Consumer<Handle> work;
        final CompletableFuture<Role> wake = new CompletableFuture<>();
        /** Set by the leader before {@link #wake} completes, read by the caller after: the future orders the two. */
        RuntimeException failure;

        Pending(Consumer<Handle> work) {
            this.work = work;
        }
    }
}
