package dev.scenarist.store.sql.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.scenarist.core.model.CheckStatus;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.store.AttemptCommit;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.AuthorCallRecord;
import dev.scenarist.core.store.CallOutcome;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.RunStore;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

public final class SqlRunStore implements RunStore {
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {};

    private static final String ATTEMPT_COLUMNS = "run_id, seq, stage, stage_attempt, verdict, findings, "
            + UsageColumns.NAMES + ", model, prompt_hash, started_at, finished_at";
    private static final String CALL_COLUMNS = "run_id, attempt_seq, call_index, purpose, author, model, "
            + UsageColumns.NAMES + ", latency_ms, outcome, error, called_at";
    private static final String CHECK_COLUMNS =
            "run_id, attempt_seq, check_name, tier, status, findings, score, duration_ms";

    private static final RowMapper<AttemptRecord> ATTEMPT = StoredRows.of("attempts", (rs, ctx) -> new AttemptRecord(
            rs.getString("run_id"),
            rs.getInt("seq"),
            rs.getString("stage"),
            rs.getInt("stage_attempt"),
            AttemptVerdict.parse(rs.getString("verdict")),
            Json.read(rs.getString("findings"), FINDINGS),
            UsageColumns.read(rs),
            rs.getString("model"),
            rs.getString("prompt_hash"),
            Timestamps.read(rs.getString("started_at")),
            Timestamps.read(rs.getString("finished_at"))));

    private static final RowMapper<AuthorCallRecord> CALL = StoredRows.of("author_calls", (rs, ctx) -> new AuthorCallRecord(
            rs.getString("run_id"),
            rs.getInt("attempt_seq"),
            rs.getInt("call_index"),
            rs.getString("purpose"),
            rs.getString("author"),
            rs.getString("model"),
            UsageColumns.read(rs),
            rs.getLong("latency_ms"),
            CallOutcome.parse(rs.getString("outcome")),
            rs.getString("error"),
            Timestamps.read(rs.getString("called_at"))));

    private static final RowMapper<CheckRecord> CHECK = StoredRows.of("checks", (rs, ctx) -> new CheckRecord(
            rs.getString("run_id"),
            rs.getInt("attempt_seq"),
            rs.getString("check_name"),
            rs.getInt("tier"),
            CheckStatus.parse(rs.getString("status")),
            Json.read(rs.getString("findings"), FINDINGS),
            scoreColumn(rs.getDouble("score")),
            rs.getLong("duration_ms")));

    /** The {@code score} column is NOT NULL: a check that reported no score is stored as -1 and read back as none. */
    private static final double NO_SCORE = -1;

    private static OptionalDouble scoreColumn(double stored) {
        return stored < 0 ? OptionalDouble.empty() : OptionalDouble.of(stored);
    }

    private final Jdbi jdbi;
    /** Run updates and attempt commits of concurrent runs share transactions: one durable commit serves many. */
    private final GroupCommit writes;

    public SqlRunStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.writes = new GroupCommit(jdbi);
    }

    @Override
    public void create(RunRecord run) {
        writes.commit(h -> {
            if (!RunRows.insert(h, run)) throw new IllegalStateException("run " + run.id() + " exists; run ids must be unique");
        });
    }

    @Override
    public Optional<RunRecord> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + RunRows.COLUMNS + " FROM runs WHERE id = :id")
                .bind("id", id).map(RunRows.MAPPER).findOne());
    }

    @Override
    public List<RunRecord> byCampaign(String campaignId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + RunRows.COLUMNS + " FROM runs"
                        + " WHERE campaign_id = :campaign_id ORDER BY ordinal, id")
                .bind("campaign_id", campaignId).map(RunRows.MAPPER).list());
    }

    @Override
    public java.util.Map<dev.scenarist.core.model.RunState, Integer> stateCounts(String campaignId) {
        java.util.Map<dev.scenarist.core.model.RunState, Integer> counts = new java.util.EnumMap<>(dev.scenarist.core.model.RunState.class);
        jdbi.useHandle(h -> h.createQuery("SELECT state, COUNT(*) AS n FROM runs WHERE campaign_id = :campaign_id GROUP BY state")
                .bind("campaign_id", campaignId)
                .map((rs, ctx) -> java.util.Map.entry(dev.scenarist.core.model.RunState.parse(rs.getString("state")), rs.getInt("n")))
                .forEach(e -> counts.merge(e.getKey(), e.getValue(), Integer::sum)));
        return counts;
    }

    @Override
    public List<RunRecord> recent(int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must be 0 or more, got " + limit);
        return jdbi.withHandle(h -> h.createQuery("SELECT " + RunRows.COLUMNS + " FROM runs"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map(RunRows.MAPPER).list());
    }

    @Override
    public void update(RunRecord run) {
        writes.commit(h -> RunRows.updateNextVersion(h, run));
    }

    /**
     * The run goes first: a stale version aborts this commit before any attempt row is written. Shares its transaction
     * with concurrent callers' commits ({@link GroupCommit}) and returns once that transaction is durable.
     */
    @Override
    public void commitAttempt(AttemptCommit commit) {
        try {
            writes.commit(h -> {
                RunRows.updateNextVersion(h, commit.run());
                insertAttempt(h, commit.attempt());
                for (AuthorCallRecord call : commit.calls()) insertCall(h, call);
                for (CheckRecord check : commit.checks()) insertCheck(h, check);
            });
        } catch (UnableToExecuteStatementException e) {
            // rolled back; say why if it is the one constraint a caller can break with a well-versioned run
            AttemptRecord a = commit.attempt();
            if (attempts(a.runId()).stream().anyMatch(existing -> existing.seq() == a.seq())) {
                throw new IllegalStateException("attempt " + a.seq() + " of run " + a.runId() + " is already recorded;"
                        + " number the next attempt progress.attemptSeq + 1 (nothing of this commit was stored)", e);
            }
            throw e;
        }
    }

    @Override
    public List<AttemptRecord> attempts(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ATTEMPT_COLUMNS + " FROM attempts"
                + " WHERE run_id = :run_id ORDER BY seq, row_no").bind("run_id", runId).map(ATTEMPT).list());
    }

    @Override
    public List<AttemptRecord> attemptsOfCampaign(String campaignId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + qualified("a", ATTEMPT_COLUMNS) + " FROM attempts a"
                        + " JOIN runs r ON r.id = a.run_id WHERE r.campaign_id = :campaign_id ORDER BY a.row_no")
                .bind("campaign_id", campaignId).map(ATTEMPT).list());
    }

    @Override
    public List<AuthorCallRecord> authorCalls(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + CALL_COLUMNS + " FROM author_calls"
                + " WHERE run_id = :run_id ORDER BY row_no").bind("run_id", runId).map(CALL).list());
    }

    @Override
    public List<CheckRecord> checks(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + CHECK_COLUMNS + " FROM check_results"
                + " WHERE run_id = :run_id ORDER BY row_no").bind("run_id", runId).map(CHECK).list());
    }

    private static void insertAttempt(Handle h, AttemptRecord a) {
        UsageColumns.bind(h.createUpdate("INSERT INTO attempts (" + ATTEMPT_COLUMNS + ") VALUES (:run_id, :seq,"
                        + " :stage, :stage_attempt, :verdict, :findings, " + UsageColumns.PARAMETERS + ", :model,"
                        + " :prompt_hash, :started_at, :finished_at)"), a.usage())
                .bind("run_id", a.runId())
                .bind("seq", a.seq())
                .bind("stage", a.stage())
                .bind("stage_attempt", a.stageAttempt())
                .bind("verdict", a.verdict().label())
                .bind("findings", Json.write(a.findings()))
                .bind("model", a.model())
                .bind("prompt_hash", a.promptHash())
                .bind("started_at", Timestamps.write(a.startedAt()))
                .bind("finished_at", Timestamps.write(a.finishedAt()))
                .execute();
    }

    private static void insertCall(Handle h, AuthorCallRecord c) {
        UsageColumns.bind(h.createUpdate("INSERT INTO author_calls (" + CALL_COLUMNS + ") VALUES (:run_id,"
                        + " :attempt_seq, :call_index, :purpose, :author, :model, " + UsageColumns.PARAMETERS + ","
                        + " :latency_ms, :outcome, :error, :called_at)"), c.usage())
                .bind("run_id", c.runId())
                .bind("attempt_seq", c.attemptSeq())
                .bind("call_index", c.callIndex())
                .bind("purpose", c.purpose())
                .bind("author", c.author())
                .bind("model", c.model())
                .bind("latency_ms", c.latencyMillis())
                .bind("outcome", c.outcome().label())
                .bind("error", c.error())
                .bind("called_at", Timestamps.write(c.at()))
                .execute();
    }

    private static void insertCheck(Handle h, CheckRecord c) {
        h.createUpdate("INSERT INTO check_results (" + CHECK_COLUMNS + ") VALUES (:run_id, :attempt_seq, :check_name,"
                        + " :tier, :status, :findings, :score, :duration_ms)")
                .bind("run_id", c.runId())
                .bind("attempt_seq", c.attemptSeq())
                .bind("check_name", c.check())
                .bind("tier", c.tier())
                .bind("status", c.status().label())
                .bind("findings", Json.write(c.findings()))
                .bind("score", c.score().orElse(NO_SCORE))
                .bind("duration_ms", c.durationMillis())
                .execute();
    }

    /** {@code "x, y"} → {@code "a.x, a.y"}: the join with runs makes bare names like {@code id} ambiguous. */
    private static String qualified(String alias, String columns) {
        return alias + "." + columns.replace(", ", ", " + alias + ".");
    }
}
