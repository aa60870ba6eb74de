package dev.scenarist.packs.services.internal.analytics;

import dev.scenarist.core.pack.CampaignEvidence;
import dev.scenarist.core.pack.CampaignEvidence.AttemptFacts;
import dev.scenarist.core.pack.CampaignEvidence.CheckScore;
import dev.scenarist.core.pack.CampaignEvidence.Outcome;
import dev.scenarist.core.pack.CampaignEvidence.RunFacts;
import dev.scenarist.core.pack.PackFigure;
import dev.scenarist.core.model.RunState;
import dev.scenarist.packs.services.format.ErrorClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The services pack's own campaign figures, Vrooli's success metrics measured on what the store holds:
 * success rate per business category, first-attempt validation pass rate (target &gt; 70 %), error classes over
 * attempts, the refinement score per round and its gain, and the generation time per accepted scenario (target
 * &lt; 30 min with a real model).
 *
 * @param refineStage    the refinement stage's name
 * @param scorer         the name of the check whose score ranks the plans
 * @param buildStages    the stages whose findings are counted by error class (implementation and validation)
 * @param validateStage  the stage that runs the dry-run
 * @param implementStage the stage that writes the files
 */
public record ServiceFigures(String refineStage, String scorer, List<String> buildStages, String implementStage, String validateStage) {
    /** Vrooli's targets, shown beside the measured values. */
    static final double FIRST_ATTEMPT_TARGET = 0.70;

    public List<PackFigure> of(CampaignEvidence e) {
        List<PackFigure> out = new ArrayList<>();
        out.add(successByCategory(e.runs()));
        out.add(firstAttemptValidation(e.attempts()));
        out.add(errorClassesOverAttempts(e.attempts()));
        out.add(refinementScores(e.attempts(), e.scores()));
        out.add(generationTime(e.runs(), e.attempts()));
        return out;
    }

    private static PackFigure successByCategory(List<RunFacts> runs) {
        Map<String, int[]> byCategory = new TreeMap<>();
        for (RunFacts r : runs) {
            if (r.state() != RunState.ACCEPTED && r.state() != RunState.REJECTED) continue; // only judged runs count
            int[] n = byCategory.computeIfAbsent(String.valueOf(r.parameters().getOrDefault("category", "?")), k -> new int[2]);
            n[1]++;
            if (r.state() == RunState.ACCEPTED) n[0]++;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        byCategory.forEach((category, n) -> {
            value.put(category, Map.of("accepted", n[0], "judged", n[1], "rate", rate(n[0], n[1])));
            parts.add(category + " " + n[0] + "/" + n[1]);
        });
        return new PackFigure("success_by_category", "success per category", parts.isEmpty() ? "no judged runs" : String.join(", ", parts), value);
    }

    /**
     * Of the runs whose dry-run ran, those whose first implementation passed the static checks and then the dry-run
     * with no repair: what Vrooli calls the validation pass rate on first attempt.
     */
    private PackFigure firstAttemptValidation(List<AttemptFacts> attempts) {
        Map<String, Boolean> implementFirst = new LinkedHashMap<>();
        Map<String, Boolean> validateFirst = new LinkedHashMap<>();
        for (AttemptFacts a : attempts) {
            if (a.ref().stageAttempt() != 1 || a.outcome() == Outcome.NOT_JUDGED) continue;
            if (a.ref().stage().equals(implementStage)) implementFirst.put(a.ref().runId(), a.outcome() == Outcome.PASSED);
            if (a.ref().stage().equals(validateStage)) validateFirst.put(a.ref().runId(), a.outcome() == Outcome.PASSED);
        }
        int passed = 0;
        for (var v : validateFirst.entrySet()) if (v.getValue() && implementFirst.getOrDefault(v.getKey(), false)) passed++;
        int of = validateFirst.size();
        String text = of == 0 ? "no dry-run yet" : String.format(Locale.ROOT, "%d/%d (%.0f%%), target > %.0f%%", passed, of, 100.0 * passed / of,
                100 * FIRST_ATTEMPT_TARGET);
        return new PackFigure("first_attempt_validation_pass_rate", "first-attempt validation pass", text,
                Map.of("passed", passed, "of", of, "rate", rate(passed, of), "target", FIRST_ATTEMPT_TARGET));
    }

    private PackFigure errorClassesOverAttempts(List<AttemptFacts> attempts) {
        Map<Integer, Map<String, Integer>> byAttempt = new TreeMap<>();
        for (AttemptFacts a : attempts) {
            if (!buildStages.contains(a.ref().stage()) || a.ref().stageAttempt() < 1) continue;
            Map<String, Integer> counts = byAttempt.computeIfAbsent(a.ref().stageAttempt(), k -> new TreeMap<>());
            for (var f : a.findings()) {
                if (f.severity() != dev.scenarist.core.model.Severity.ERROR) continue;
                ErrorClass.ofCode(f.code()).ifPresent(c -> counts.merge(c.label(), 1, Integer::sum));
            }
        }
        Map<String, Object> value = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        byAttempt.forEach((attempt, counts) -> {
            value.put(String.valueOf(attempt), counts);
            parts.add("attempt " + attempt + ": " + (counts.isEmpty() ? "none" : counts.entrySet().stream()
                    .map(c -> c.getKey() + " " + c.getValue()).reduce((x, y) -> x + ", " + y).orElse("")));
        });
        return new PackFigure("error_classes_by_attempt", "errors by class over attempts", parts.isEmpty() ? "no attempts" : String.join("; ", parts), value);
    }

    /** Round 0 is the plan as planning left it (the refine stage's first attempt); round k the k-th rewrite. */
    private PackFigure refinementScores(List<AttemptFacts> attempts, List<CheckScore> scores) {
        Map<String, AttemptFacts> bySeq = new LinkedHashMap<>();
        for (AttemptFacts a : attempts) if (a.ref().stage().equals(refineStage)) bySeq.put(a.ref().runId() + "#" + a.ref().seq(), a);
        Map<Integer, double[]> perRound = new TreeMap<>();
        for (CheckScore c : scores) {
            if (!c.check().equals(scorer) || c.score().isEmpty()) continue;
            AttemptFacts a = bySeq.get(c.runId() + "#" + c.attemptSeq());
            if (a == null) continue;
            double[] sum = perRound.computeIfAbsent(a.ref().stageAttempt(), k -> new double[2]); // the refine stage numbers its rounds from 0
            sum[0] += c.score().getAsDouble();
            sum[1]++;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        Double previous = null;
        for (var e : perRound.entrySet()) {
            double mean = e.getValue()[0] / e.getValue()[1];
            Map<String, Object> round = new LinkedHashMap<>();
            round.put("mean_score", mean);
            round.put("plans", (int) e.getValue()[1]);
            if (previous != null) round.put("gain", mean - previous);
            value.put(String.valueOf(e.getKey()), round);
            parts.add(String.format(Locale.ROOT, "round %d %.2f%s", e.getKey(), mean,
                    previous == null ? "" : String.format(Locale.ROOT, " (%+.2f)", mean - previous)));
            previous = mean;
        }
        return new PackFigure("refinement_score_by_round", "plan score per round", parts.isEmpty() ? "no scored round" : String.join(" → ", parts), value);
    }

    /** From each accepted run's first attempt to its last: the time spent generating it, queueing excluded. */
    private static PackFigure generationTime(List<RunFacts> runs, List<AttemptFacts> attempts) {
        Map<String, Instant[]> span = new LinkedHashMap<>();
        for (AttemptFacts a : attempts) {
            Instant[] s = span.computeIfAbsent(a.ref().runId(), k -> new Instant[] {a.startedAt(), a.finishedAt()});
            if (a.startedAt() != null && (s[0] == null || a.startedAt().isBefore(s[0]))) s[0] = a.startedAt();
            if (a.finishedAt() != null && (s[1] == null || a.finishedAt().isAfter(s[1]))) s[1] = a.finishedAt();
        }
        double total = 0;
        int n = 0;
        for (RunFacts r : runs) {
            Instant[] s = span.get(r.runId());
            if (r.state() != RunState.ACCEPTED || s == null || s[0] == null || s[1] == null) continue;
            total += Duration.between(s[0], s[1]).toMillis() / 1000.0;
            n++;
        }
        double mean = n == 0 ? 0 : total / n;
        String text = n == 0 ? "no accepted scenario" : String.format(Locale.ROOT, "%.1f s per accepted scenario (Vrooli's target with a real model: < 30 min)", mean);
        return new PackFigure("generation_seconds_per_accepted", "generation time", text, Map.of("mean_seconds", mean, "accepted", n));
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
