package dev.scenarist.store.sql.internal;

import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.ReviewDecision;
import dev.scenarist.core.store.ReviewStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Review decisions in {@code review_decisions}; the queue is a join of the catalog with them. */
public final class SqlReviewStore implements ReviewStore {
    private static final RowMapper<ReviewDecision> MAPPER = StoredRows.of("review_decisions", (rs, ctx) -> new ReviewDecision(
            rs.getString("scenario_id"),
            ReviewDecision.Verdict.parse(rs.getString("verdict")),
            rs.getString("reason"),
            rs.getString("decided_by"),
            Timestamps.read(rs.getString("decided_at"))));

    /** The catalog's columns, qualified by its alias in the queue's join. */
    private static final String CATALOG_COLUMNS = Arrays.stream(SqlCatalogStore.COLUMNS.split(","))
            .map(c -> "c." + c.strip()).collect(Collectors.joining(", "));

    private final Jdbi jdbi;

    public SqlReviewStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One statement both databases run atomically: the primary key decides which of two racing decisions is kept. */
    @Override
    public Optional<ReviewDecision> decide(ReviewDecision d) {
        return jdbi.inTransaction(h -> {
            int inserted = h.createUpdate("INSERT INTO review_decisions (scenario_id, verdict, reason, decided_by, decided_at)"
                            + " VALUES (:scenario_id, :verdict, :reason, :decided_by, :decided_at) ON CONFLICT (scenario_id) DO NOTHING")
                    .bind("scenario_id", d.scenarioId())
                    .bind("verdict", d.verdict().label())
                    .bind("reason", d.reason())
                    .bind("decided_by", d.who())
                    .bind("decided_at", Timestamps.write(d.decidedAt()))
                    .execute();
            if (inserted == 1) return Optional.<ReviewDecision>empty();
            return h.createQuery("SELECT * FROM review_decisions WHERE scenario_id = :id").bind("id", d.scenarioId()).map(MAPPER).findOne();
        });
    }

    @Override
    public Optional<ReviewDecision> find(String scenarioId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM review_decisions WHERE scenario_id = :id")
                .bind("id", scenarioId).map(MAPPER).findOne());
    }

    @Override
    public List<CatalogEntry> awaiting(int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must be zero or more, got " + limit);
        return jdbi.withHandle(h -> h.createQuery("SELECT " + CATALOG_COLUMNS + " FROM catalog c"
                        + " LEFT JOIN review_decisions d ON d.scenario_id = c.scenario_id"
                        + " WHERE d.scenario_id IS NULL AND c.stage = :staging ORDER BY c.row_no LIMIT :limit")
                .bind("staging", CatalogEntry.STAGING).bind("limit", limit).map(SqlCatalogStore.MAPPER).list());
    }
}
