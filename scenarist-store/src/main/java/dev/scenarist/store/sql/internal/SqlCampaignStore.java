package dev.scenarist.store.sql.internal;

import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.CampaignStatus;
import dev.scenarist.core.store.CampaignStore;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

public final class SqlCampaignStore implements CampaignStore {
    private static final String COLUMNS =
            "id, pack, requested, status, stop_reason, fingerprint, spec, created_at, updated_at, active_millis";

    private static final RowMapper<CampaignRecord> MAPPER = StoredRows.of("campaigns", (rs, ctx) -> new CampaignRecord(
            rs.getString("id"),
            rs.getString("pack"),
            rs.getInt("requested"),
            CampaignStatus.parse(rs.getString("status")),
            rs.getString("stop_reason"),
            rs.getString("fingerprint"),
            rs.getString("spec"),
            Timestamps.read(rs.getString("created_at")),
            Timestamps.read(rs.getString("updated_at")),
            rs.getLong("active_millis")));

    private final Jdbi jdbi;

    public SqlCampaignStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void create(CampaignRecord campaign) {
        int inserted = jdbi.withHandle(h -> bind(h.createUpdate("INSERT INTO campaigns (" + COLUMNS + ") VALUES (:id,"
                + " :pack, :requested, :status, :stop_reason, :fingerprint, :spec, :created_at, :updated_at,"
                + " :active_millis) ON CONFLICT (id) DO NOTHING"), campaign).execute());
        if (inserted != 1) {
            throw new IllegalStateException("campaign " + campaign.id() + " exists; campaign ids must be unique");
        }
    }

    @Override
    public Optional<CampaignRecord> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM campaigns WHERE id = :id")
                .bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public List<CampaignRecord> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM campaigns"
                + " ORDER BY created_at DESC, id DESC").map(MAPPER).list());
    }

    @Override
    public void update(CampaignRecord campaign) {
        int updated = jdbi.withHandle(h -> bind(h.createUpdate("UPDATE campaigns SET pack = :pack,"
                // cancelled is final (see CampaignStore#update): one statement, so no cancel stored meanwhile is lost
                + " requested = :requested,"
                + " stop_reason = CASE WHEN status = :cancelled THEN stop_reason ELSE :stop_reason END,"
                + " status = CASE WHEN status = :cancelled THEN status ELSE :status END, fingerprint = :fingerprint,"
                + " spec = :spec, created_at = :created_at, updated_at = :updated_at, active_millis = :active_millis"
                + " WHERE id = :id"), campaign).bind("cancelled", CampaignStatus.CANCELLED.label()).execute());
        if (updated != 1) {
            throw new IllegalStateException("no campaign " + campaign.id() + " to update; create it first");
        }
    }

    private static Update bind(Update update, CampaignRecord c) {
        return update
                .bind("id", c.id())
                .bind("pack", c.pack())
                .bind("requested", c.requested())
                .bind("status", c.status().label())
                .bind("stop_reason", c.stopReason())
                .bind("fingerprint", c.fingerprint())
                .bind("spec", c.specJson())
                .bind("created_at", Timestamps.write(c.createdAt()))
                .bind("updated_at", Timestamps.write(c.updatedAt()))
                .bind("active_millis", c.activeMillis());
    }
}
