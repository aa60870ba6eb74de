package dev.scenarist.store.sql;

import dev.scenarist.core.model.RunState;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.store.AttemptCommit;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.RunProgress;
import dev.scenarist.core.store.RunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Run in a child JVM by {@link SqliteStoreTest}: commits {@code count} attempts of run {@code r1} to the database
 * file, says so, and dies the way kill -9 kills (no close, no shutdown hooks, no checkpoint of the WAL).
 */
public final class CrashingWriter {
    private CrashingWriter() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        SqlStore store = SqlStore.sqlite(file);
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        RunRecord run = RunRecord.queued("r1", "c1", "boxes", 1, 7, Map.of(), now);
        store.runs().create(run);
        run = run.moveTo(RunState.RUNNING, Optional.empty(), "", now);
        store.runs().update(run);
        for (int seq = 1; seq <= count; seq++) {
            AttemptRecord attempt = new AttemptRecord("r1", seq, "geometry", seq, AttemptVerdict.FAILED, List.of(),
                    Usage.tokens(10, 20), "m", "p", now, now);
            run = run.withProgress(new RunProgress(0, seq, seq, List.of(), new TreeMap<>(), Map.of(), 0,
                    Usage.ZERO, java.util.OptionalDouble.empty()), now);
            store.runs().commitAttempt(new AttemptCommit(attempt, List.of(), List.of(), run));
        }
        System.out.println("committed " + count);
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
