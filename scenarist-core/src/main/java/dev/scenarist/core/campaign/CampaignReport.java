package dev.scenarist.core.campaign;

import dev.scenarist.core.model.Usage;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The summary of a campaign, computed from the store (so it is the same after a crash and resume):
 * accepted, rejected by reason, attempts and first-attempt pass rate per stage, tokens, cost, wall time, and the
 * error of the latest run that ended failed_infra (what a person fixes before resuming), and the figures the pack adds of
 * its own ({@link dev.scenarist.core.pack.PackAnalytics}).
 */
public record CampaignReport(String campaignId, String pack, String status, String stopReason, int requested, int accepted,
                             int runs, Map<String, Integer> rejectedByReason, int failedInfra, int cancelled, int unfinished,
                             int attempts, List<StageStats> stages, int infraRetries, Usage usage, double wallSeconds,
                             List<Scenario> scenarios, Optional<String> lastInfraError,
                             List<dev.scenarist.core.pack.PackFigure> packFigures) {
    public CampaignReport {
        packFigures = List.copyOf(packFigures);
    }


    public record StageStats(String stage, int attempts, int firstAttempts, int firstAttemptPasses, int infraErrors) {
        public double firstAttemptPassRate() {
            return firstAttempts == 0 ? 0 : (double) firstAttemptPasses / firstAttempts;
        }
    }

    public record Scenario(String id, String path, String title) {}

    public int rejected() {
        return rejectedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The summary with the pack's stage order and its own figures. */
    public static CampaignReport of(CampaignRecord c, dev.scenarist.core.pack.Pack pack, Store store) {
        CampaignReport r = of(c, pack.pipeline().names(), store);
        if (pack.capability(dev.scenarist.core.pack.PackAnalytics.class).isEmpty()) return r;
        return r.withPackFigures(dev.scenarist.core.pack.Capabilities.figures(pack, evidence(c.id(), store)));
    }

    /** The campaign's runs, attempts and scores as the pack API sees them. */
    private static dev.scenarist.core.pack.CampaignEvidence evidence(String campaignId, Store store) {
        List<dev.scenarist.core.pack.CampaignEvidence.RunFacts> runs = new java.util.ArrayList<>();
        List<dev.scenarist.core.pack.CampaignEvidence.CheckScore> scores = new java.util.ArrayList<>();
        for (RunRecord run : store.runs().byCampaign(campaignId)) {
            runs.add(new dev.scenarist.core.pack.CampaignEvidence.RunFacts(run.id(), run.parameters(), run.state()));
            for (var check : store.runs().checks(run.id())) {
                scores.add(new dev.scenarist.core.pack.CampaignEvidence.CheckScore(run.id(), check.attemptSeq(), check.check(), check.score()));
            }
        }
        List<dev.scenarist.core.pack.CampaignEvidence.AttemptFacts> attempts = new java.util.ArrayList<>();
        for (AttemptRecord a : store.runs().attemptsOfCampaign(campaignId)) {
            var outcome = switch (a.verdict()) {
                case PASSED -> dev.scenarist.core.pack.CampaignEvidence.Outcome.PASSED;
                case FAILED -> dev.scenarist.core.pack.CampaignEvidence.Outcome.FAILED;
                default -> dev.scenarist.core.pack.CampaignEvidence.Outcome.NOT_JUDGED;
            };
            attempts.add(new dev.scenarist.core.pack.CampaignEvidence.AttemptFacts(new dev.scenarist.core.pack.CampaignEvidence.AttemptRef(
                    a.runId(), a.seq(), a.stage(), a.stageAttempt()), outcome, a.findings(), a.startedAt(), a.finishedAt()));
        }
        return new dev.scenarist.core.pack.CampaignEvidence(runs, attempts, scores);
    }

    public CampaignReport withPackFigures(List<dev.scenarist.core.pack.PackFigure> figures) {
        return new CampaignReport(campaignId, pack, status, stopReason, requested, accepted, runs, rejectedByReason, failedInfra, cancelled,
                unfinished, attempts, stages, infraRetries, usage, wallSeconds, scenarios, lastInfraError, figures);
    }

    /** The summary with the engine's figures only, stages in {@code stageOrder} first. */
    public static CampaignReport of(CampaignRecord c, List<String> stageOrder, Store store) {
        List<RunRecord> runs = store.runs().byCampaign(c.id());
        List<AttemptRecord> attempts = store.runs().attemptsOfCampaign(c.id());
        Map<String, Integer> rejected = new TreeMap<>();
        int accepted = 0, infra = 0, cancelled = 0, unfinished = 0;
        Usage usage = Usage.ZERO;
        Optional<RunRecord> lastInfra = Optional.empty();
        for (RunRecord r : runs) {
            usage = usage.plus(r.progress().usage());
            switch (r.state()) {
                case ACCEPTED -> accepted++;
                case REJECTED -> rejected.merge(r.rejectReason().orElseThrow().label(), 1, Integer::sum);
                case FAILED_INFRA -> {
                    infra++;
                    if (lastInfra.isEmpty() || r.updatedAt().isAfter(lastInfra.get().updatedAt())) lastInfra = Optional.of(r);
                }
                case CANCELLED -> cancelled++;
                case QUEUED, RUNNING, PAUSED -> unfinished++;
            }
        }
        Map<String, int[]> perStage = new LinkedHashMap<>();
        for (String s : stageOrder) perStage.put(s, new int[4]);
        for (AttemptRecord a : attempts) {
            int[] s = perStage.computeIfAbsent(a.stage(), k -> new int[4]);
            s[0]++;
            if (a.verdict() == AttemptVerdict.INFRA_ERROR) s[3]++;
            else if (a.verdict() == AttemptVerdict.BUDGET_STOPPED) continue;
            else if (a.stageAttempt() == 1) {
                s[1]++;
                if (a.verdict() == AttemptVerdict.PASSED) s[2]++;
            }
        }
        List<StageStats> stages = perStage.entrySet().stream()
                .map(e -> new StageStats(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList();
        int retries = 0;
        for (RunRecord r : runs) {
            retries += (int) store.runs().authorCalls(r.id()).stream().filter(x -> x.outcome() == dev.scenarist.core.store.CallOutcome.TRANSIENT).count();
        }
        List<Scenario> scenarios = store.catalog().byCampaign(c.id()).stream()
                .map((CatalogEntry e) -> new Scenario(e.scenarioId(), e.location(), e.title())).toList();
        return new CampaignReport(c.id(), c.pack(), c.status().label(), c.stopReason(), c.requested(), accepted, runs.size(),
                rejected, infra, cancelled, unfinished, attempts.size(), stages, retries, usage, c.activeMillis() / 1000.0, scenarios,
                lastInfra.map(RunRecord::detail), List.of());
    }
}
