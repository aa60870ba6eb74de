package dev.scenarist.core.store.memory;

import dev.scenarist.core.store.ReviewDecision;
import dev.scenarist.core.store.ReviewStore;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.store.AcceptGuard;
import dev.scenarist.core.store.AcceptOutcome;
import dev.scenarist.core.store.AcceptRequest;
import dev.scenarist.core.store.AttemptCommit;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.AuthorCallRecord;
import dev.scenarist.core.store.AnalyticsStore;
import dev.scenarist.core.store.AttemptTally;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.FindingRow;
import dev.scenarist.core.store.LessonRecord;
import dev.scenarist.core.store.LessonStore;
import dev.scenarist.core.store.RunTally;
import dev.scenarist.core.store.CampaignStore;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.CatalogSlice;
import dev.scenarist.core.store.CatalogStore;
import dev.scenarist.core.store.CheckRecord;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.RunStore;
import dev.scenarist.core.store.StaleRunException;
import dev.scenarist.core.store.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store in memory: for tests and benchmarks. One lock makes every operation a transaction.
 *
 * <p>Over 400 lines because every port (campaigns, runs, catalog, analytics, lessons, reviews) must share that one lock
 * and the same lists; each port is a small inner class.
 */
public final class InMemoryStore implements Store {
    private final Object lock = new Object();

    private void replaceRun(RunRecord run) {
        RunRecord old = runs.get(run.id());
        if (old == null || old.version() != run.version() - 1) throw new StaleRunException(run.id(), run.version() - 1);
        runs.put(run.id(), run);
    }

    private final Map<String, CampaignRecord> campaigns = new LinkedHashMap<>();
    private final Map<String, RunRecord> runs = new LinkedHashMap<>();
    private final List<AttemptRecord> attempts = new ArrayList<>();
    private final List<AuthorCallRecord> calls = new ArrayList<>();
    private final List<CheckRecord> checks = new ArrayList<>();
    private final Map<String, CatalogEntry> catalog = new LinkedHashMap<>();
    /** Each entry's catalog position: 1, 2, 3… in acceptance order (entries are never removed). */
    private final Map<String, Long> positions = new HashMap<>();

    private final CampaignStore campaignStore = new Campaigns();
    private final RunStore runStore = new Runs();
    private final CatalogStore catalogStore = new Catalog();
    private final AnalyticsStore analyticsStore = new Analytics();
    private final LessonStore lessonStore = new Lessons();
    private final Map<String, ReviewDecision> decisions = new LinkedHashMap<>();
    private final ReviewStore reviewStore = new Reviews();
    private final Map<String, List<LessonRecord>> lessons = new java.util.TreeMap<>();

    @Override
    public CampaignStore campaigns() {
        return campaignStore;
    }

    @Override
    public RunStore runs() {
        return runStore;
    }

    @Override
    public CatalogStore catalog() {
        return catalogStore;
    }

    @Override
    public AnalyticsStore analytics() {
        return analyticsStore;
    }

    @Override
    public LessonStore lessons() {
        return lessonStore;
    }

    @Override
    public ReviewStore reviews() {
        return reviewStore;
    }

    @Override
    public String describe() {
        return "memory";
    }

    private final Map<String, dev.scenarist.core.store.RunLease> leases = new HashMap<>();
    private final dev.scenarist.core.store.WorkerCoordination coordination = new Coordination();

    @Override
    public dev.scenarist.core.store.WorkerCoordination coordination() {
        return coordination;
    }

    /** Leases and campaign turns under the store's one lock (re-entrant: a decision may use the other ports). */
    private final class Coordination implements dev.scenarist.core.store.WorkerCoordination {
        @Override
        public boolean claim(String runId, String owner, java.time.Instant now, java.time.Instant until) {
            synchronized (lock) {
                var held = leases.get(runId);
                if (held != null && !held.owner().equals(owner) && held.heldAt(now)) return false;
                leases.put(runId, new dev.scenarist.core.store.RunLease(runId, owner, until));
                return true;
            }
        }

        @Override
        public void release(String runId, String owner, java.time.Instant now) {
            synchronized (lock) {
                var held = leases.get(runId);
                if (held != null && held.owner().equals(owner)) leases.put(runId, new dev.scenarist.core.store.RunLease(runId, owner, now));
            }
        }

        @Override
        public Optional<dev.scenarist.core.store.RunLease> lease(String runId) {
            synchronized (lock) {
                return Optional.ofNullable(leases.get(runId));
            }
        }

        @Override
        public <T> T exclusively(String campaignId, java.util.function.Supplier<T> decision) {
            synchronized (lock) {
                return decision.get();
            }
        }
    }

    @Override
    public void close() {}

    private final class Campaigns implements CampaignStore {

    @Override
    public void create(CampaignRecord c) {
        synchronized (lock) {
            if (campaigns.putIfAbsent(c.id(), c) != null) throw new IllegalStateException("campaign " + c.id() + " exists");
        }
    }

    @Override
    public Optional<CampaignRecord> find(String id) {
        synchronized (lock) {
            return Optional.ofNullable(campaigns.get(id));
        }
    }

    @Override
    public List<CampaignRecord> list() {
        synchronized (lock) {
            return campaigns.values().stream()
                    .sorted(Comparator.comparing(CampaignRecord::createdAt).thenComparing(CampaignRecord::id).reversed())
                    .toList();
        }
    }

    @Override
    public void update(CampaignRecord c) {
        synchronized (lock) {
            CampaignRecord stored = campaigns.get(c.id());
            if (stored == null) throw new IllegalStateException("no campaign " + c.id());
            // cancelled is final (see CampaignStore#update)
            campaigns.put(c.id(), stored.status() == dev.scenarist.core.store.CampaignStatus.CANCELLED
                    ? c.withStatus(stored.status(), stored.stopReason(), c.updatedAt(), c.activeMillis()) : c);
        }
    }

    }

    private final class Runs implements RunStore {

    @Override
    public void create(RunRecord run) {
        synchronized (lock) {
            if (runs.putIfAbsent(run.id(), run) != null) throw new IllegalStateException("run " + run.id() + " exists");
        }
    }

    @Override
    public Optional<RunRecord> find(String id) {
        synchronized (lock) {
            return Optional.ofNullable(runs.get(id));
        }
    }

    @Override
    public List<RunRecord> byCampaign(String campaignId) {
        synchronized (lock) {
            return runs.values().stream().filter(r -> r.campaignId().equals(campaignId))
                    .sorted(Comparator.comparingInt(RunRecord::ordinal)).toList();
        }
    }

    @Override
    public List<RunRecord> recent(int limit) {
        synchronized (lock) {
            return runs.values().stream()
                    .sorted(Comparator.comparing(RunRecord::createdAt).thenComparing(RunRecord::id).reversed())
                    .limit(limit).toList();
        }
    }

    @Override
    public void update(RunRecord run) {
        synchronized (lock) {
            replaceRun(run);
        }
    }


    @Override
    public void commitAttempt(AttemptCommit c) {
        synchronized (lock) {
            boolean seen = attempts.stream().anyMatch(a -> a.runId().equals(c.run().id()) && a.seq() == c.attempt().seq());
            if (seen) throw new IllegalStateException("run " + c.run().id() + " already has attempt " + c.attempt().seq());
            replaceRun(c.run());
            attempts.add(c.attempt());
            calls.addAll(c.calls());
            checks.addAll(c.checks());
        }
    }

    @Override
    public List<AttemptRecord> attempts(String runId) {
        synchronized (lock) {
            return attempts.stream().filter(a -> a.runId().equals(runId)).sorted(Comparator.comparingInt(AttemptRecord::seq)).toList();
        }
    }

    @Override
    public List<AttemptRecord> attemptsOfCampaign(String campaignId) {
        synchronized (lock) {
            return attempts.stream().filter(a -> campaignId.equals(runs.get(a.runId()).campaignId())).toList();
        }
    }

    @Override
    public List<AuthorCallRecord> authorCalls(String runId) {
        synchronized (lock) {
            return calls.stream().filter(a -> a.runId().equals(runId)).toList();
        }
    }

    @Override
    public List<CheckRecord> checks(String runId) {
        synchronized (lock) {
            return checks.stream().filter(a -> a.runId().equals(runId)).toList();
        }
    }

    }

    private final class Catalog implements CatalogStore {

    /**
     * The store's one lock is the pack's acceptance lock here. The run's version is checked before the guard's
     * {@code beforeCommit} and applied after it, so a failing hook leaves nothing changed, as a rollback would.
     */
    @Override
    public AcceptOutcome accept(AcceptRequest request, AcceptGuard guard) {
        CatalogEntry entry = request.entry();
        RunRecord acceptedRun = request.acceptedRun();
        synchronized (lock) {
            if (catalog.containsKey(entry.scenarioId()) || catalog.values().stream().anyMatch(e -> e.runId().equals(entry.runId()))) {
                throw new IllegalStateException("scenario " + entry.scenarioId() + " or run " + entry.runId() + " is already in the catalog");
            }
            for (CatalogEntry e : catalog.values()) {
                if (e.pack().equals(entry.pack()) && e.contentHash().equals(entry.contentHash())) {
                    return new AcceptOutcome.DuplicateContent(e.scenarioId());
                }
            }
            var near = guard.judge(since(entry.pack(), request.seenUpTo()));
            if (near.isPresent()) return near.get();
            long accepted = runs.values().stream()
                    .filter(r -> r.campaignId().equals(entry.campaignId()) && r.state() == RunState.ACCEPTED).count();
            if (accepted >= request.campaignTarget()) return new AcceptOutcome.CampaignFull((int) accepted);
            RunRecord old = runs.get(acceptedRun.id());
            if (old == null || old.version() != acceptedRun.version() - 1) {
                throw new StaleRunException(acceptedRun.id(), acceptedRun.version() - 1);
            }
            guard.beforeCommit();
            replaceRun(acceptedRun);
            catalog.put(entry.scenarioId(), entry);
            positions.put(entry.scenarioId(), (long) catalog.size());
            return new AcceptOutcome.Accepted(entry);
        }
    }

    @Override
    public CatalogSlice since(String pack, long after) {
        synchronized (lock) {
            long upTo = Math.max(after, catalog.size());
            List<CatalogEntry> newer = catalog.values().stream()
                    .filter(e -> e.pack().equals(pack) && positions.get(e.scenarioId()) > after).toList();
            return new CatalogSlice(pack, after, upTo, newer);
        }
    }

    @Override
    public Optional<CatalogEntry> find(String scenarioId) {
        synchronized (lock) {
            return Optional.ofNullable(catalog.get(scenarioId));
        }
    }

    @Override
    public List<CatalogEntry> byPack(String pack) {
        synchronized (lock) {
            return catalog.values().stream().filter(e -> e.pack().equals(pack)).toList();
        }
    }

    @Override
    public List<CatalogEntry> byCampaign(String campaignId) {
        synchronized (lock) {
            return catalog.values().stream().filter(e -> e.campaignId().equals(campaignId)).toList();
        }
    }

    @Override
    public void updateStage(String scenarioId, String stage, String location) {
        synchronized (lock) {
            CatalogEntry e = catalog.get(scenarioId);
            if (e == null) throw new IllegalStateException("no scenario " + scenarioId);
            catalog.put(scenarioId, new CatalogEntry(e.scenarioId(), e.pack(), e.campaignId(), e.runId(), e.title(),
                    e.contentHash(), e.uniquenessText(), location, stage, e.acceptedAt()));
        }
    }
    }

    /** The same groupings the SQL store computes with GROUP BY, over the lists above. */
    private final class Analytics implements AnalyticsStore {
        @Override
        public List<RunTally> runTallies(java.util.Collection<String> campaignIds) {
            var ids = java.util.Set.copyOf(campaignIds);
            record Key(String campaign, RunState state, Optional<dev.scenarist.core.model.RejectReason> reason) {}
            Map<Key, Long> counts = new LinkedHashMap<>();
            synchronized (lock) {
                for (RunRecord r : runs.values()) {
                    if (ids.contains(r.campaignId())) counts.merge(new Key(r.campaignId(), r.state(), r.rejectReason()), 1L, Long::sum);
                }
            }
            return counts.entrySet().stream()
                    .map(e -> new RunTally(e.getKey().campaign(), e.getKey().state(), e.getKey().reason(), e.getValue())).toList();
        }

        @Override
        public List<AttemptTally> attemptTallies(java.util.Collection<String> campaignIds) {
            var ids = java.util.Set.copyOf(campaignIds);
            record Key(String campaign, String stage, int stageAttempt, AttemptVerdict verdict) {}
            Map<Key, AttemptTally> sums = new LinkedHashMap<>();
            synchronized (lock) {
                for (AttemptRecord a : attempts) {
                    String campaign = runs.get(a.runId()).campaignId();
                    if (!ids.contains(campaign)) continue;
                    sums.merge(new Key(campaign, a.stage(), a.stageAttempt(), a.verdict()),
                            new AttemptTally(campaign, a.stage(), a.stageAttempt(), a.verdict(), 1, a.usage()),
                            (x, y) -> new AttemptTally(x.campaignId(), x.stage(), x.stageAttempt(), x.verdict(),
                                    x.attempts() + y.attempts(), x.usage().plus(y.usage())));
                }
            }
            return List.copyOf(sums.values());
        }

        @Override
        public void forEachFailure(java.util.Collection<String> campaignIds, java.util.function.Consumer<FindingRow> sink) {
            var ids = java.util.Set.copyOf(campaignIds);
            List<FindingRow> rows = new ArrayList<>();
            synchronized (lock) {
                for (AttemptRecord a : attempts) {
                    String campaign = runs.get(a.runId()).campaignId();
                    if (!ids.contains(campaign) || a.verdict() != AttemptVerdict.FAILED) continue;
                    var at = a.finishedAt() != null ? a.finishedAt() : a.startedAt();
                    boolean byChecks = false;
                    for (CheckRecord c : checks) {
                        if (c.runId().equals(a.runId()) && c.attemptSeq() == a.seq() && !c.findings().isEmpty()) {
                            rows.add(new FindingRow(campaign, a.runId(), a.stage(), c.check(), at, c.findings()));
                            byChecks = true;
                        }
                    }
                    if (!byChecks && !a.findings().isEmpty()) {
                        rows.add(new FindingRow(campaign, a.runId(), a.stage(), FindingRow.GUARDRAIL, at, a.findings()));
                    }
                }
            }
            rows.forEach(sink); // outside the lock: the sink may take its time
        }
    }

    private final class Lessons implements LessonStore {
        @Override
        public List<LessonRecord> byPack(String pack) {
            synchronized (lock) {
                return lessons.getOrDefault(pack, List.of()).stream().sorted(Comparator.comparingInt(LessonRecord::position)).toList();
            }
        }

        @Override
        public List<String> packs() {
            synchronized (lock) {
                return lessons.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
            }
        }

        @Override
        public void replace(String pack, List<LessonRecord> list) {
            dev.scenarist.core.store.LessonRules.requireValid(pack, list);
            synchronized (lock) {
                lessons.put(pack, List.copyOf(list));
            }
        }
    }

    private final class Reviews implements ReviewStore {
        @Override
        public Optional<ReviewDecision> decide(ReviewDecision decision) {
            synchronized (lock) {
                ReviewDecision first = decisions.putIfAbsent(decision.scenarioId(), decision);
                return Optional.ofNullable(first);
            }
        }

        @Override
        public Optional<ReviewDecision> find(String scenarioId) {
            synchronized (lock) {
                return Optional.ofNullable(decisions.get(scenarioId));
            }
        }

        @Override
        public List<CatalogEntry> awaiting(int limit) {
            if (limit < 0) throw new IllegalArgumentException("limit must be zero or more, got " + limit);
            synchronized (lock) {
                return catalog.values().stream()
                        .filter(e -> CatalogEntry.STAGING.equals(e.stage()) && !decisions.containsKey(e.scenarioId()))
                        .limit(limit).toList();
            }
        }
    }
}
