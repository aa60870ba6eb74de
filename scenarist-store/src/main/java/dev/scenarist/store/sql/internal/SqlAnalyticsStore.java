package dev.scenarist.store.sql.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.store.AnalyticsStore;
import dev.scenarist.core.store.AttemptTally;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.FindingRow;
import dev.scenarist.core.store.RunTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Analytics reads as grouped SQL: the database counts and sums, so a request over a 10 000-run campaign moves a few
 * dozen rows, not every run. Only the failure patterns read row by row (findings are JSON text, and the two databases
 * unnest JSON differently), and those rows are the failed checks only, streamed to the caller.
 */
public final class SqlAnalyticsStore implements AnalyticsStore {
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {};
    /** Campaign ids per statement: far below SQLite's limit on bound parameters, and plans stay small. */
    private static final int IDS_PER_QUERY = 500;
    private static final String NO_FINDINGS = "[]";

    private final Jdbi jdbi;

    public SqlAnalyticsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<RunTally> runTallies(Collection<String> campaignIds) {
        List<RunTally> out = new ArrayList<>();
        for (List<String> ids : chunks(campaignIds)) {
            out.addAll(jdbi.withHandle(h -> h.createQuery("SELECT campaign_id, state, reject_reason, COUNT(*) AS n FROM runs"
                            + " WHERE campaign_id IN (<ids>) GROUP BY campaign_id, state, reject_reason")
                    .bindList("ids", ids)
                    .map(StoredRows.of("runs", (rs, ctx) -> new RunTally(rs.getString("campaign_id"), RunState.parse(rs.getString("state")),
                            Optional.ofNullable(rs.getString("reject_reason")).map(RejectReason::parse), rs.getLong("n"))))
                    .list()));
        }
        return out;
    }

    @Override
    public List<AttemptTally> attemptTallies(Collection<String> campaignIds) {
        List<AttemptTally> out = new ArrayList<>();
        for (List<String> ids : chunks(campaignIds)) {
            out.addAll(jdbi.withHandle(h -> h.createQuery("SELECT r.campaign_id, a.stage, a.stage_attempt, a.verdict, COUNT(*) AS n,"
                            + " SUM(a.input_tokens) AS input_tokens, SUM(a.output_tokens) AS output_tokens,"
                            + " SUM(a.cache_read_tokens) AS cache_read_tokens, SUM(a.cache_write_tokens) AS cache_write_tokens,"
                            + " SUM(a.cost_usd) AS cost_usd"
                            + " FROM attempts a JOIN runs r ON r.id = a.run_id WHERE r.campaign_id IN (<ids>)"
                            + " GROUP BY r.campaign_id, a.stage, a.stage_attempt, a.verdict")
                    .bindList("ids", ids)
                    .map(StoredRows.of("attempts", (rs, ctx) -> new AttemptTally(rs.getString("campaign_id"), rs.getString("stage"),
                            rs.getInt("stage_attempt"), AttemptVerdict.parse(rs.getString("verdict")), rs.getLong("n"),
                            new Usage(rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getLong("cache_read_tokens"),
                                    rs.getLong("cache_write_tokens"), rs.getDouble("cost_usd")))))
                    .list()));
        }
        return out;
    }

    @Override
    public void forEachFailure(Collection<String> campaignIds, Consumer<FindingRow> sink) {
        String failed = AttemptVerdict.FAILED.label();
        for (List<String> ids : chunks(campaignIds)) {
            jdbi.useHandle(h -> h.createQuery(
                            // the findings of each check of a failed attempt that reported any ...
                            "SELECT r.campaign_id, a.run_id, a.seq, a.stage, a.started_at, a.finished_at, c.check_name, c.findings"
                            + " FROM check_results c JOIN attempts a ON a.run_id = c.run_id AND a.seq = c.attempt_seq"
                            + " JOIN runs r ON r.id = a.run_id"
                            + " WHERE r.campaign_id IN (<ids>) AND a.verdict = :failed AND c.findings <> :none"
                            + " UNION ALL"
                            // ... and a failed attempt's own findings when no check reported any (the guardrail's)
                            + " SELECT r.campaign_id, a.run_id, a.seq, a.stage, a.started_at, a.finished_at, '" + FindingRow.GUARDRAIL + "', a.findings"
                            + " FROM attempts a JOIN runs r ON r.id = a.run_id"
                            + " WHERE r.campaign_id IN (<ids>) AND a.verdict = :failed AND a.findings <> :none"
                            + " AND NOT EXISTS (SELECT 1 FROM check_results c WHERE c.run_id = a.run_id AND c.attempt_seq = a.seq"
                            + " AND c.findings <> :none)")
                    .bindList("ids", ids)
                    .bind("failed", failed)
                    .bind("none", NO_FINDINGS)
                    .setFetchSize(1000)
                    .map(StoredRows.of("attempts", (rs, ctx) -> {
                        Instant end = Timestamps.read(rs.getString("finished_at"));
                        return new FindingRow(rs.getString(1), rs.getString(2), rs.getString(4), rs.getString(7),
                                end != null ? end : Timestamps.read(rs.getString(5)), Json.read(rs.getString(8), FINDINGS));
                    }))
                    .useStream(rows -> rows.forEach(sink)));
        }
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IDS_PER_QUERY) out.add(all.subList(i, Math.min(all.size(), i + IDS_PER_QUERY)));
        return out;
    }
}
