package dev.scenarist.store.sql.internal;

import java.util.concurrent.locks.Lock;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleCallbackDecorator;

/**
 * Lets one store operation at a time of this process into the database, for SQLite. Runs execute on virtual threads;
 * with 16 runs in flight on one SQLite file, operations stalled for SQLite's 30 s busy timeout and failed with
 * SQLITE_BUSY or "connection is not available" (6 of 21 engine-benchmark runs of 1 000 runs at concurrency 16 on a
 * 2-core machine). The likely cause: a virtual thread waiting for SQLite's lock does so in native code, which pins its
 * carrier, so the thread holding the lock may find no carrier to commit on. Waiting on this lock instead parks the
 * virtual thread and frees its carrier; with it the failure was not seen again. SQLite has one writer anyway, so
 * little concurrency is given up; other processes are still ordered by SQLite's own lock. The lock is re-entrant: an
 * operation may call another on the same thread.
 */
public final class InProcessOrder implements HandleCallbackDecorator {
    private final Lock lock;
    private final HandleCallbackDecorator inner;

    public InProcessOrder(Lock lock, HandleCallbackDecorator inner) {
        this.lock = lock;
        this.inner = inner;
    }

    @Override
    public <R, X extends Exception> HandleCallback<R, X> decorate(HandleCallback<R, X> callback) {
        HandleCallback<R, X> decorated = inner.decorate(callback);
        return handle -> {
            lock.lock();
            try {
                return decorated.withHandle(handle);
            } finally {
                lock.unlock();
            }
        };
    }
}
