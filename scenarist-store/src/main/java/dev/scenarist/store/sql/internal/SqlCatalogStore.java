package dev.scenarist.store.sql.internal;

import dev.scenarist.core.model.RunState;
import dev.scenarist.core.store.AcceptGuard;
import dev.scenarist.core.store.AcceptOutcome;
import dev.scenarist.core.store.AcceptRequest;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.CatalogSlice;
import dev.scenarist.core.store.CatalogStore;
import dev.scenarist.core.store.RunRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class SqlCatalogStore implements CatalogStore {
    static final String COLUMNS = "scenario_id, pack, campaign_id, run_id, title, content_hash,"
            + " uniqueness_text, location, stage, accepted_at";

    static final RowMapper<CatalogEntry> MAPPER = StoredRows.of("catalog", (rs, ctx) -> new CatalogEntry(
            rs.getString("scenario_id"),
            rs.getString("pack"),
            rs.getString("campaign_id"),
            rs.getString("run_id"),
            rs.getString("title"),
            rs.getString("content_hash"),
            rs.getString("uniqueness_text"),
            rs.getString("location"),
            rs.getString("stage"),
            Timestamps.read(rs.getString("accepted_at"))));

    private final Jdbi jdbi;
    private final Backend backend;

    public SqlCatalogStore(Jdbi jdbi, Backend backend) {
        this.jdbi = jdbi;
        this.backend = backend;
    }

    /**
     * The checks read, then the writes depend on what they read; {@link Backend#serializeAccepts} keeps a concurrent
     * accept, from this process or another, from changing those answers before this transaction commits. The rules
     * are checked in the order the port documents: duplicate content, the guard's near-duplicate, a full campaign,
     * then the run's version.
     */
    @Override
    public AcceptOutcome accept(AcceptRequest request, AcceptGuard guard) {
        CatalogEntry entry = request.entry();
        return jdbi.inTransaction(h -> {
            backend.serializeAccepts(h, entry.pack(), entry.campaignId());
            Optional<String> existing = h.createQuery("SELECT scenario_id FROM catalog"
                            + " WHERE pack = :pack AND content_hash = :content_hash")
                    .bind("pack", entry.pack()).bind("content_hash", entry.contentHash())
                    .mapTo(String.class).findOne();
            if (existing.isPresent()) return new AcceptOutcome.DuplicateContent(existing.get());
            Optional<AcceptOutcome.NearDuplicate> near = guard.judge(since(h, entry.pack(), request.seenUpTo()));
            if (near.isPresent()) return near.get();
            int accepted = h.createQuery("SELECT COUNT(*) FROM runs WHERE campaign_id = :campaign_id AND state = :state")
                    .bind("campaign_id", entry.campaignId()).bind("state", RunState.ACCEPTED.label())
                    .mapTo(Integer.class).one();
            if (accepted >= request.campaignTarget()) return new AcceptOutcome.CampaignFull(accepted);
            RunRows.updateNextVersion(h, request.acceptedRun());
            insert(h, entry);
            guard.beforeCommit();
            return new AcceptOutcome.Accepted(entry);
        });
    }

    /**
     * Outside an accept this may miss an entry whose transaction is still open, but never skip one for good: a pack's
     * entries are inserted one transaction at a time under its acceptance lock, each numbered above all before it, so
     * an open one is always past the end of what is returned here.
     */
    @Override
    public CatalogSlice since(String pack, long after) {
        return jdbi.withHandle(h -> since(h, pack, after));
    }

    private static CatalogSlice since(Handle h, String pack, long after) {
        if (after == AcceptRequest.NOTHING_TO_SHOW) return new CatalogSlice(pack, after, after, List.of());
        List<Map.Entry<Long, CatalogEntry>> rows = h.createQuery("SELECT row_no, " + COLUMNS + " FROM catalog"
                        + " WHERE pack = :pack AND row_no > :after ORDER BY row_no")
                .bind("pack", pack).bind("after", after)
                .map((rs, ctx) -> Map.entry(rs.getLong("row_no"), MAPPER.map(rs, ctx))).list();
        long upTo = rows.isEmpty() ? after : rows.getLast().getKey();
        return new CatalogSlice(pack, after, upTo, rows.stream().map(Map.Entry::getValue).toList());
    }

    @Override
    public Optional<CatalogEntry> find(String scenarioId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM catalog WHERE scenario_id = :id")
                .bind("id", scenarioId).map(MAPPER).findOne());
    }

    @Override
    public List<CatalogEntry> byPack(String pack) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM catalog WHERE pack = :pack"
                + " ORDER BY row_no").bind("pack", pack).map(MAPPER).list());
    }

    @Override
    public List<CatalogEntry> byCampaign(String campaignId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM catalog"
                + " WHERE campaign_id = :campaign_id ORDER BY row_no").bind("campaign_id", campaignId).map(MAPPER).list());
    }

    @Override
    public void updateStage(String scenarioId, String stage, String location) {
        int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE catalog SET stage = :stage, location = :location"
                        + " WHERE scenario_id = :id")
                .bind("stage", stage).bind("location", location).bind("id", scenarioId).execute());
        if (updated != 1) {
            throw new IllegalStateException("no scenario " + scenarioId + " in the catalog; accept it before moving it");
        }
    }

    private static void insert(Handle h, CatalogEntry e) {
        h.createUpdate("INSERT INTO catalog (" + COLUMNS + ") VALUES (:scenario_id, :pack, :campaign_id, :run_id, :title,"
                        + " :content_hash, :uniqueness_text, :location, :stage, :accepted_at)")
                .bind("scenario_id", e.scenarioId())
                .bind("pack", e.pack())
                .bind("campaign_id", e.campaignId())
                .bind("run_id", e.runId())
                .bind("title", e.title())
                .bind("content_hash", e.contentHash())
                .bind("uniqueness_text", e.uniquenessText())
                .bind("location", e.location())
                .bind("stage", e.stage())
                .bind("accepted_at", Timestamps.write(e.acceptedAt()))
                .execute();
    }
}
