package dev.scenarist.core.store;

import java.util.List;

/** Everything one attempt changes in the store, committed in one transaction together with the run's new version. */
public record AttemptCommit(AttemptRecord attempt, List<AuthorCallRecord> calls, List<CheckRecord> checks, RunRecord run) {
    public AttemptCommit {
        calls = List.copyOf(calls);
        checks = List.copyOf(checks);
        if (!attempt.runId().equals(run.id())) throw new IllegalArgumentException("attempt and run differ");
    }
}
