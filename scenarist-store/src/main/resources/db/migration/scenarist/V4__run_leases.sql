-- Leases of runs held by worker processes (scenarist worker, issue 15): which worker executes a run now, and until
-- when unless it renews the lease. A worker that dies stops renewing, its lease runs out and another worker may take
-- the run over (from its last committed attempt). The row outlives the run's execution: it names who held it last.
-- Placeholders as in V1; expires_at is fixed-width UTC text, so comparing the text compares the instants.

CREATE TABLE run_leases (
    run_id     ${text} PRIMARY KEY,
    owner      ${text} NOT NULL,
    expires_at ${text} NOT NULL
);
