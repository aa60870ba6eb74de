package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.campaign.internal.BudgetExhaustedException;
import dev.scenarist.core.campaign.internal.BudgetGuard;
import dev.scenarist.core.campaign.BudgetStop;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.store.CheckRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one loop that runs checks, for a stage's gate and for {@code validate} alike: cheapest tier first (by name within
 * a tier), each check that could not judge retried like any infrastructure failure — after the engine's backoff, at most
 * {@link RetryOptions#maxRetries()} times in one pass — unless its error is permanent (the machine lacks a component, see
 * {@link CheckResult#unavailable}) or its critic failed for good (waiting builds no critic and mends no key). A check
 * stopped by the campaign's budget is a budget stop (never retried), never a bad scenario.
 *
 * <p>How far a pass goes is its {@link Scope}: a stage's gate stops at the first check that could not judge (the
 * outcome is unjudged whatever the others say) and after the first tier in which a check failed (no point simulating a
 * file that does not parse); a validation goes past errors, and past failed tiers when it lists every check.
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

    /** How far a pass goes past a check that could not judge, and past a tier in which a check failed. */
    record Scope(boolean pastErrors, boolean pastFailedTiers) {
        /** A stage's gate: the first check that could not judge ends the pass, and so does a failed tier. */
        static final Scope GATE = new Scope(false, false);
    }

    /** A check's last result, after its retries; empty when it was not run (an earlier tier failed). */
    record Judged(Check check, Optional<CheckResult> result) {}

    /** Every check in the order it ran, then those not run (in tier order), and what they say together. */
    record Pass(List<Judged> checks, Outcome outcome) {}

    /**
     * What the critic met during a pass, told by the critic itself: a check may swallow its critic's error and report
     * only "could not judge", and this is how the loop still knows that the budget refused the call, or that the author
     * cannot be reached at all.
     */
    static final class CriticLog {
        private final AtomicReference<BudgetStop> refused = new AtomicReference<>();
        private final AtomicBoolean failedForGood = new AtomicBoolean();

        void refused(BudgetStop stop) {
            refused.compareAndSet(null, stop);
        }

        void failed(AuthorException e) {
            if (!e.retryable()) failedForGood.set(true);
        }
    }

    /**
     * What one pass over a stage's checks shares: the records of the checks judged so far, the randomness of its retry
     * delays, and its retry count — one stage's checks get as many retries together as the engine gives one failure.
     */
    private static final class PassLedger {
        final List<CheckRecord> records = new ArrayList<>();
        final java.util.random.RandomGenerator random;
        int retries;

        PassLedger(java.util.random.RandomGenerator random) {
            this.random = random;
        }
    }

    private final EngineServices services;
    private final BudgetGuard budget;

    CheckRunner(EngineServices services, BudgetGuard budget) {
        this.services = services;
        this.budget = budget;
    }

    Pass run(List<Check> checks, CheckContext ctx, int attemptSeq, CriticLog critic, Scope scope) throws InterruptedException {
        var byTier = new TreeMap<Integer, List<Check>>();
        for (Check c : checks) byTier.computeIfAbsent(c.tier(), t -> new ArrayList<>()).add(c);
        List<Judged> judged = new ArrayList<>();
        var ledger = new PassLedger(services.random().get());
        List<CheckRecord> records = ledger.records;
        List<Finding> findings = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        Optional<Unjudged.Errored> firstError = Optional.empty();
        Optional<Outcome.Failed> firstFailure = Optional.empty();
        int tiersRun = 0;
        for (var tier : byTier.entrySet()) {
            List<Check> sorted = tier.getValue().stream().sorted(Comparator.comparing(Check::name)).toList();
            if (firstFailure.isPresent() && !scope.pastFailedTiers()) {
                sorted.forEach(c -> judged.add(new Judged(c, Optional.empty())));
                continue;
            }
            tiersRun++;
            boolean tierFailed = false;
            for (Check c : sorted) {
                CheckResult r;
                try {
                    r = judge(c, ctx, attemptSeq, critic, ledger);
                } catch (BudgetExhaustedException e) {
                    return new Pass(judged, new Outcome.NotJudged(records, new Unjudged.BudgetStopped(e.stop())));
                }
                judged.add(new Judged(c, Optional.of(r)));
                r.scoreIfAny().ifPresent(scores::add);
                switch (r) {
                    case CheckResult.Errored e -> {
                        // a check that errored while the budget refused its critic (or the budget is spent) is a budget stop
                        Optional<BudgetStop> stop = Optional.ofNullable(critic.refused.get()).or(budget::refusal);
                        if (stop.isPresent()) return new Pass(judged, new Outcome.NotJudged(records, new Unjudged.BudgetStopped(stop.get())));
                        if (firstError.isEmpty()) firstError = Optional.of(new Unjudged.Errored(e.message(), e.permanent()));
                        if (!scope.pastErrors()) return new Pass(judged, new Outcome.NotJudged(records, firstError.get()));
                    }
                    case CheckResult.Failed f -> {
                        tierFailed = true;
                        findings.addAll(f.findings());
                    }
                    case CheckResult.Passed p -> findings.addAll(p.notes());
                }
            }
            if (tierFailed && firstFailure.isEmpty()) {
                firstFailure = Optional.of(new Outcome.Failed(records, findings, tier.getKey(), tiersRun == byTier.size(), OptionalDouble.empty()));
            }
        }
        Outcome outcome;
        if (firstError.isPresent()) outcome = new Outcome.NotJudged(records, firstError.get());
        else if (firstFailure.isPresent()) {
            var f = firstFailure.get();
            outcome = new Outcome.Failed(List.copyOf(records), List.copyOf(findings), f.failedTier(), f.reachedLastTier(), mean(scores));
        } else outcome = new Outcome.Passed(records, findings, mean(scores));
        return new Pass(judged, outcome);
    }

    /**
     * Runs one check until it judges, or is not worth another try; records its last result. Throws
     * {@link BudgetExhaustedException} when the budget refused a call the check let through.
     */
    private CheckResult judge(Check c, CheckContext ctx, int attemptSeq, CriticLog critic, PassLedger ledger) throws InterruptedException {
        while (true) {
            long t0 = System.nanoTime();
            CheckResult r;
            try {
                r = c.run(ctx);
            } catch (BudgetExhaustedException e) {
                throw e;
            } catch (RuntimeException e) {
                r = CheckResult.errored("check '" + c.name() + "' crashed: " + e);
            } catch (LinkageError e) {
                // a class of the check is missing from this installation: no retry will find it
                r = new CheckResult.Errored("check '" + c.name() + "' cannot run in this installation: " + e, true);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            services.events().publish(new ScenaristEvent.CheckFinished(ctx.run().campaignId(), ctx.run().runId(), ctx.stage(), c.name(), r.status(), ms));
            boolean last = !(r instanceof CheckResult.Errored e) || e.permanent() || critic.failedForGood.get()
                    || critic.refused.get() != null || budget.refusal().isPresent() || ledger.retries >= services.retry().maxRetries();
            if (last) {
                ledger.records.add(new CheckRecord(ctx.run().runId(), attemptSeq, c.name(), c.tier(), r.status(), r.findings(), r.scoreIfAny(), ms));
                return r;
            }
            ledger.retries++;
            var delay = services.retry().delayBefore(ledger.retries, ledger.random.nextDouble());
            services.events().publish(new ScenaristEvent.InfraRetry(ctx.run().campaignId(), ctx.run().runId(), ctx.stage(), ledger.retries,
                    delay.toMillis(), ((CheckResult.Errored) r).message()));
            Duration left = budget.wallLeft().orElse(delay);
            services.sleeper().sleep(left.compareTo(delay) < 0 ? left : delay);
        }
    }

    private static OptionalDouble mean(List<Double> xs) {
        return xs.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(xs.stream().mapToDouble(d -> d).average().orElse(0));
    }
}
