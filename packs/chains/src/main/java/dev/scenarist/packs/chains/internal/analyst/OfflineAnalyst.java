package dev.scenarist.packs.chains.internal.analyst;

import dev.scenarist.packs.chains.Status;
import dev.scenarist.packs.chains.internal.check.CheckResult;
import dev.scenarist.packs.chains.internal.run.ScenarioRun;
import dev.scenarist.packs.chains.internal.run.StepRun;
import dev.scenarist.packs.chains.pool.ChainStep;
import dev.scenarist.packs.chains.pool.CheckKind;
import dev.scenarist.packs.chains.pool.Expectation;
import dev.scenarist.packs.chains.pool.Priority;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deterministic rubric scorer: no model, so everything is testable offline. The formula:
 * <pre>
 *   score = round(100 × Σ weight of passed checks / Σ weight of all checks), over every step run of every wording
 *   weights: carryover 3, answer 2, state 2, presentation 1 (the implicit "reply present" check is an answer)
 *   a blocked or needs_exact_capability step run counts all its checks as failed
 * </pre>
 * Defects: each failed check (at its priority: carryover P0, answer/state P1, presentation P2, unless the pool says
 * otherwise); a step blocked by the target (transport, HTTP error, malformed reply) P0; a step blocked by an
 * unresolvable placeholder or lacking a capability P1. {@code requires_user_decision} (missing required observation)
 * when a check failed in every wording that answered the step and its field was never there at all.
 */
public final class OfflineAnalyst implements Analyst {
    public static final String FORMULA = "score = round(100 × Σ weight(passed checks) / Σ weight(all checks)) over every step run of every"
            + " wording; weights carryover 3, answer 2, state 2, presentation 1; a blocked or needs_exact_capability step counts all its"
            + " checks as failed; accepted = score ≥ gate and no open P0";
    private static final int REPLY_WEIGHT = CheckKind.ANSWER.weight;

    @Override
    public String id() {
        return "offline";
    }

    @Override
    public Verdict judge(List<ScenarioRun> runs, int gate) {
        List<Defect> defects = new ArrayList<>();
        Map<String, Integer> perScenario = new LinkedHashMap<>();
        long passedAll = 0;
        long totalAll = 0;
        Optional<UserDecision> decision = Optional.empty();
        for (ScenarioRun run : runs) {
            long passed = 0;
            long total = 0;
            if (run.passes().isEmpty()) {
                // crashed before any step: all of its checks failed
                total = run.scenario().steps().stream().mapToLong(OfflineAnalyst::weight).sum();
                defects.add(new Defect(Priority.P0, new Defect.Location(run.scenario().id(), "", ""), "scenario could not run", run.reason(), ""));
            }
            for (StepRun s : run.steps().toList()) {
                ChainStep step = run.scenario().steps().get(s.ref().index() - 1);
                Status st = s.verdict().status();
                if (st == Status.BLOCKED || st == Status.NEEDS_EXACT_CAPABILITY) {
                    total += weight(step);
                    blockedDefect(run, s).ifPresent(defects::add);
                    continue;
                }
                for (CheckResult c : s.verdict().checks()) {
                    total += c.kind().weight;
                    if (c.passed()) passed += c.kind().weight;
                    else defects.add(checkDefect(run, s, c));
                }
            }
            perScenario.put(run.scenario().id(), score(passed, total));
            passedAll += passed;
            totalAll += total;
            if (decision.isEmpty()) decision = missingObservation(run);
        }
        int score = score(passedAll, totalAll);
        long p0 = defects.stream().filter(d -> d.priority() == Priority.P0).count();
        String summary = "score " + score + "/100 (gate " + gate + "), " + defects.size() + " defect(s), " + p0 + " P0; " + FORMULA;
        return new Verdict(id(), new Verdict.Scores(score, gate, perScenario), defects, decision, summary);
    }

    private static int score(long passed, long total) {
        return total == 0 ? 0 : (int) Math.round(100.0 * passed / total);
    }

    static long weight(ChainStep step) {
        return REPLY_WEIGHT + step.expectations().stream().mapToLong(e -> e.kind().weight).sum();
    }

    private static Defect checkDefect(ScenarioRun run, StepRun s, CheckResult c) {
        String path = c.check().split("\\s+")[0];
        String wording = s.ref().wording().key();
        String title = switch (c.kind()) {
            case CARRYOVER -> "context lost on " + wording + " follow-up: " + path;
            case ANSWER -> "wrong or missing answer (" + wording + " wording): " + path;
            case STATE -> "session state wrong (" + wording + " wording): " + path;
            case PRESENTATION -> "reply wording (" + wording + "): " + c.check();
        };
        return new Defect(c.priority(), new Defect.Location(run.scenario().id(), s.ref().stepId(), wording), title,
                "asked \"" + s.asked().question().orElse(s.asked().template()) + "\": " + c.resolved() + " — " + c.detail(), c.check());
    }

    private static Optional<Defect> blockedDefect(ScenarioRun run, StepRun s) {
        var at = new Defect.Location(run.scenario().id(), s.ref().stepId(), s.ref().wording().key());
        return switch (s.verdict().cause()) {
            case TRANSPORT, HTTP, MALFORMED -> Optional.of(new Defect(Priority.P0, at, "target failed (" + s.verdict().cause().name().toLowerCase()
                    + ")", s.verdict().reason(), ""));
            case PLACEHOLDER -> Optional.of(new Defect(Priority.P1, at, "chain broken on " + s.ref().wording().key()
                    + " wording: an earlier answer lacks what this question needs", s.verdict().reason(), ""));
            case CAPABILITY -> Optional.of(new Defect(Priority.P1, at, "needs exact capability", s.verdict().reason(), ""));
            default -> Optional.empty();
        };
    }

    /** A check that failed, unobserved, in every wording that answered its step: the assistant never exposes that field. */
    private static Optional<UserDecision> missingObservation(ScenarioRun run) {
        Map<String, Boolean> neverSeen = new LinkedHashMap<>();
        for (StepRun s : run.steps().toList()) {
            for (CheckResult c : s.verdict().checks()) {
                if (c.check().contains(" " + Expectation.Operator.MISSING.symbol)) continue;
                String key = s.ref().stepId() + " " + c.check();
                boolean unseen = !c.passed() && !c.observed() && !c.detail().startsWith("not judged");
                neverSeen.merge(key, unseen, Boolean::logicalAnd);
            }
        }
        return neverSeen.entrySet().stream().filter(Map.Entry::getValue).findFirst().map(e -> new UserDecision(UserDecision.Kind.MISSING_REQUIRED_OBSERVATION,
                "scenario " + run.scenario().id() + ", " + e.getKey() + ": the assistant never returns this field in any wording; "
                        + "decide whether the product must expose it or the check is wrong, rather than guessing"));
    }
}
