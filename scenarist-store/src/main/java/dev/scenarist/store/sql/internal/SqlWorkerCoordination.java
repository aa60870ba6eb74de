package dev.scenarist.store.sql.internal;

import dev.scenarist.core.store.RunLease;
import dev.scenarist.core.store.WorkerCoordination;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Run leases in the {@code run_leases} table and campaign turns through the {@link Backend}. A claim is one upsert whose
 * condition the database evaluates atomically, so of two workers claiming a free run at the same moment exactly one
 * gets it, on SQLite and PostgreSQL alike.
 */
public final class SqlWorkerCoordination implements WorkerCoordination {
    private final Jdbi jdbi;
    private final Backend backend;
    /** Turns within this process first: a worker's runs settle on several threads, and they need not all hold a connection while waiting. */
    private final ReentrantLock inProcess = new ReentrantLock(true);

    public SqlWorkerCoordination(Jdbi jdbi, Backend backend) {
        this.jdbi = jdbi;
        this.backend = backend;
    }

    @Override
    public boolean claim(String runId, String owner, Instant now, Instant until) {
        if (until.isBefore(now)) throw new IllegalArgumentException("a lease must end after it starts: until " + until + " is before now " + now);
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO run_leases (run_id, owner, expires_at) VALUES (:run_id, :owner, :until)"
                        + " ON CONFLICT (run_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at"
                        + " WHERE run_leases.owner = excluded.owner OR run_leases.expires_at < :now")
                .bind("run_id", runId)
                .bind("owner", owner)
                .bind("until", Timestamps.write(until))
                .bind("now", Timestamps.write(now))
                .execute()) == 1;
    }

    @Override
    public void release(String runId, String owner, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE run_leases SET expires_at = :now WHERE run_id = :run_id AND owner = :owner")
                .bind("run_id", runId).bind("owner", owner).bind("now", Timestamps.write(now)).execute());
    }

    @Override
    public Optional<RunLease> lease(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT run_id, owner, expires_at FROM run_leases WHERE run_id = :run_id")
                .bind("run_id", runId)
                .map((rs, ctx) -> new RunLease(rs.getString("run_id"), rs.getString("owner"), Timestamps.read(rs.getString("expires_at"))))
                .findOne());
    }

    @Override
    public <T> T exclusively(String campaignId, Supplier<T> decision) {
        inProcess.lock();
        try {
            return backend.campaignTurn(jdbi, campaignId, decision);
        } finally {
            inProcess.unlock();
        }
    }
}
