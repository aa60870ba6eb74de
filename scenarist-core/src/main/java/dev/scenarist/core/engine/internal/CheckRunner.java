package dev.scenarist.core.engine.internal;

import dev.scenarist.core.campaign.internal.BudgetExhaustedException;
import dev.scenarist.core.campaign.BudgetStop;
import dev.scenarist.core.events.EventBus;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.store.CheckRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Runs a stage's checks cheapest tier first and stops after the first tier in which any check failed:
 * there is no point simulating a file that does not parse. A check that errors (could not judge) makes the
 * whole outcome unjudged: the caller treats an errored check as infrastructure — retried when the error is transient,
 * never when it is permanent (the machine lacks a component, see {@link CheckResult#unavailable}) — and a check stopped
 * by the campaign's budget as a budget stop (never retried), never as a bad scenario.
 */
final class CheckRunner {
    /** What a stage's checks said: closed over its three kinds, each carrying only what it has. */
    sealed interface Outcome {
        /** The record of every check that ran, in order. */
        List<CheckRecord> records();

        /**
         * Every tier passed.
         *
         * @param findings non-error notes the checks left
         * @param score    mean of the scores the checks reported, if any did
         */
        record Passed(List<CheckRecord> records, List<Finding> findings, OptionalDouble score) implements Outcome {}

        /**
         * A tier failed; later tiers did not run.
         *
         * @param failedTier      the tier that failed
         * @param reachedLastTier whether the failed tier was the last one (false: later validation was not reached)
         * @param score           mean of the scores the checks reported, if any did
         */
        record Failed(List<CheckRecord> records, List<Finding> findings, int failedTier, boolean reachedLastTier,
                      OptionalDouble score) implements Outcome {}

        /** A check gave no verdict: see {@link Unjudged}. */
        record NotJudged(List<CheckRecord> records, Unjudged why) implements Outcome {}
    }

    /** Why the checks gave no verdict. */
    sealed interface Unjudged {
        /**
         * A check could not run (crashed process, critic unreachable): infrastructure, worth a retry unless
         * {@code permanent} (a component missing on this machine: waiting will not install it).
         */
        record Errored(String message, boolean permanent) implements Unjudged {}

        /** A check needed a call the campaign's budget refused: the run stops, nothing is retried. */
        record BudgetStopped(BudgetStop stop) implements Unjudged {}
    }

    private final EventBus events;

    CheckRunner(EventBus events) {
        this.events = events;
    }

    Outcome run(List<Check> checks, CheckContext ctx, int attemptSeq) throws InterruptedException {
        var byTier = new TreeMap<Integer, List<Check>>();
        for (Check c : checks) byTier.computeIfAbsent(c.tier(), t -> new ArrayList<>()).add(c);
        List<CheckRecord> records = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        int tiersRun = 0;
        for (var tier : byTier.entrySet()) {
            tiersRun++;
            boolean tierFailed = false;
            for (Check c : tier.getValue().stream().sorted(Comparator.comparing(Check::name)).toList()) {
                long t0 = System.nanoTime();
                CheckResult r;
                try {
                    r = c.run(ctx);
                } catch (BudgetExhaustedException e) {
                    return new Outcome.NotJudged(records, new Unjudged.BudgetStopped(e.stop()));
                } catch (RuntimeException e) {
                    r = CheckResult.errored("check '" + c.name() + "' crashed: " + e);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                r.scoreIfAny().ifPresent(scores::add);
                records.add(new CheckRecord(ctx.run().runId(), attemptSeq, c.name(), c.tier(), r.status(), r.findings(),
                        r.scoreIfAny(), ms));
                events.publish(new ScenaristEvent.CheckFinished(ctx.run().campaignId(), ctx.run().runId(), ctx.stage(), c.name(), r.status(), ms));
                switch (r) {
                    case CheckResult.Errored e -> {
                        return new Outcome.NotJudged(records, new Unjudged.Errored(e.message(), e.permanent()));
                    }
                    case CheckResult.Failed f -> {
                        tierFailed = true;
                        findings.addAll(f.findings());
                    }
                    case CheckResult.Passed p -> findings.addAll(p.notes());
                }
            }
            if (tierFailed) {
                return new Outcome.Failed(records, findings, tier.getKey(), tiersRun == byTier.size(), mean(scores));
            }
        }
        return new Outcome.Passed(records, findings, mean(scores));
    }

    private static OptionalDouble mean(List<Double> xs) {
        return xs.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(xs.stream().mapToDouble(d -> d).average().orElse(0));
    }
}
