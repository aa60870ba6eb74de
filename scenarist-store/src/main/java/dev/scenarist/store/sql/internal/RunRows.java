package dev.scenarist.store.sql.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.store.RunProgress;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.StaleRunException;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The {@code runs} table: shared by {@link SqlRunStore} and {@link SqlCatalogStore}, because accepting a scenario
 * stores its run under the same version rule as any other run update.
 */
final class RunRows {
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};

    static final String COLUMNS = "id, campaign_id, pack, ordinal, seed, parameters, state, reject_reason, detail,"
            + " progress, created_at, updated_at, version";

    static final RowMapper<RunRecord> MAPPER = StoredRows.of("runs", (rs, ctx) -> new RunRecord(
            rs.getString("id"),
            rs.getString("campaign_id"),
            rs.getString("pack"),
            rs.getInt("ordinal"),
            rs.getLong("seed"),
            Json.read(rs.getString("parameters"), PARAMETERS),
            RunState.parse(rs.getString("state")),
            Optional.ofNullable(rs.getString("reject_reason")).map(RejectReason::parse),
            rs.getString("detail"),
            Json.read(rs.getString("progress"), RunProgress.class),
            Timestamps.read(rs.getString("created_at")),
            Timestamps.read(rs.getString("updated_at")),
            rs.getLong("version")));

    private RunRows() {}

    /** @return false when a run with this id already exists (nothing is written then) */
    static boolean insert(Handle h, RunRecord run) {
        return bindAll(h.createUpdate("INSERT INTO runs (" + COLUMNS + ") VALUES (:id, :campaign_id, :pack, :ordinal,"
                + " :seed, :parameters, :state, :reject_reason, :detail, :progress, :created_at, :updated_at, :version)"
                + " ON CONFLICT (id) DO NOTHING"), run).execute() == 1;
    }

    /**
     * Stores {@code run} over version {@code run.version() - 1}. The version test is in the WHERE clause, so the
     * database decides atomically: of two writers holding the same version, the second updates no row.
     *
     * @throws StaleRunException when the stored run is at another version or does not exist
     */
    static void updateNextVersion(Handle h, RunRecord run) {
        int updated = bindAll(h.createUpdate("UPDATE runs SET campaign_id = :campaign_id, pack = :pack,"
                + " ordinal = :ordinal, seed = :seed, parameters = :parameters, state = :state,"
                + " reject_reason = :reject_reason, detail = :detail, progress = :progress, created_at = :created_at,"
                + " updated_at = :updated_at, version = :version WHERE id = :id AND version = :previous_version"), run)
                .bind("previous_version", run.version() - 1)
                .execute();
        if (updated != 1) throw new StaleRunException(run.id(), run.version() - 1);
    }

    private static <S extends SqlStatement<S>> S bindAll(S statement, RunRecord run) {
        return statement
                .bind("id", run.id())
                .bind("campaign_id", run.campaignId())
                .bind("pack", run.pack())
                .bind("ordinal", run.ordinal())
                .bind("seed", run.seed())
                .bind("parameters", Json.write(run.parameters()))
                .bind("state", run.state().label())
                .bind("reject_reason", run.rejectReason().map(RejectReason::label).orElse(null))
                .bind("detail", run.detail())
                .bind("progress", Json.write(run.progress()))
                .bind("created_at", Timestamps.write(run.createdAt()))
                .bind("updated_at", Timestamps.write(run.updatedAt()))
                .bind("version", run.version());
    }
}
