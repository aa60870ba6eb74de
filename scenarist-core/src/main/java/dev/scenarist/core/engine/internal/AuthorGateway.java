package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.engine.RetryOptions;
import dev.scenarist.core.engine.Sleeper;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.core.campaign.internal.BudgetGuard;
import dev.scenarist.core.events.EventBus;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.store.AuthorCallRecord;
import dev.scenarist.core.store.CallOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Every author call of a run goes through here: budget first, then the call, then retries of transient
 * failures with backoff and jitter under {@link RetryOptions} — infrastructure trouble never reaches the
 * stage's content attempts. Each call, failed or not, is recorded for the attempt's commit.
 */
final class AuthorGateway {
    /** The outcome of a call with its retries. */
    sealed interface Outcome {
        record Replied(AuthorReply reply) implements Outcome {}

        /** No reply: the run cannot go on with this attempt. */
        sealed interface Failure extends Outcome {}

        /** Transient failures exhausted the retries, or a permanent failure happened. */
        record InfraFailed(AuthorException error) implements Failure {}

        /** The campaign's budget refused the call before it was made: not an infrastructure failure, never retried. */
        record BudgetRefused(dev.scenarist.core.campaign.BudgetStop stop) implements Failure {}
    }

    /** How one call went, as recorded: the model that replied (empty if none), what it cost, how long, how it ended. */
    record CallResult(String model, Usage usage, long millis, CallOutcome outcome, String error) {}

    /** The calls made during one attempt, in order. */
    static final class CallLog {
        private final String runId;
        private final int attemptSeq;
        private final List<AuthorCallRecord> calls = new ArrayList<>();
        private final List<java.util.Map<String, Object>> waits = new ArrayList<>();
        private Usage usage = Usage.ZERO;
        private String lastModel = "";

        CallLog(String runId, int attemptSeq) {
            this.runId = runId;
            this.attemptSeq = attemptSeq;
        }

        synchronized void add(String purpose, String author, Instant at, CallResult r) {
            calls.add(new AuthorCallRecord(runId, attemptSeq, calls.size() + 1, purpose, author, r.model(), r.usage(), r.millis(),
                    r.outcome(), r.error(), at));
            usage = usage.plus(r.usage());
            if (!r.model().isEmpty()) lastModel = r.model();
        }

        /** A pause before a call (rate limit, circuit open, backoff), recorded in the trajectory. */
        synchronized void waited(String reason, Duration d) {
            if (!d.isZero()) waits.add(java.util.Map.of("reason", reason, "millis", d.toMillis()));
        }

        synchronized List<java.util.Map<String, Object>> waits() {
            return List.copyOf(waits);
        }

        synchronized List<AuthorCallRecord> calls() {
            return List.copyOf(calls);
        }

        synchronized Usage usage() {
            return usage;
        }

        synchronized String model() {
            return lastModel;
        }
    }

    private final Author author;
    private final RetryOptions retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Clock clock;
    private final BudgetGuard budget;
    private final EventBus events;
    private final Throttle throttle;
    private final CircuitBreaker breaker;
    private final java.util.function.UnaryOperator<String> redact;

    /** The retry options, sleeper, clock, events and redaction come from {@code services}; one random source per gateway. */
    AuthorGateway(EngineServices services, Author author, Throttle throttle, CircuitBreaker breaker, BudgetGuard budget) {
        this.redact = services.redact();
        this.author = author;
        this.throttle = throttle;
        this.breaker = breaker;
        this.retry = services.retry();
        this.sleeper = services.sleeper();
        this.random = services.random().get();
        this.clock = services.clock();
        this.budget = budget;
        this.events = services.events();
    }

    String authorId() {
        return author.id();
    }

    Outcome call(AuthorRequest request, String purpose, CallLog log, String campaignId, String runId) throws InterruptedException {
        var estimate = author.estimate(request);
        for (int retryNo = 0; ; retryNo++) {
            var refusal = budget.refusal(estimate);
            if (refusal.isPresent()) return new Outcome.BudgetRefused(refusal.get());
            for (var pause = breaker.waitBeforeCall(); pause.isPresent(); pause = breaker.waitBeforeCall()) {
                log.waited("circuit open", pause.get());
                sleepWithinBudget(pause.get());
                refusal = budget.refusal(estimate);
                if (refusal.isPresent()) return new Outcome.BudgetRefused(refusal.get());
            }
            log.waited("rate limit", throttle.acquire(request, estimate));
            Instant start = clock.instant();
            long t0 = System.nanoTime();
            try {
                AuthorReply reply = author.reply(request);
                breaker.onSuccess();
                budget.record(reply.usage());
                long millis = reply.latency().isZero() ? (System.nanoTime() - t0) / 1_000_000 : reply.latency().toMillis();
                log.add(purpose, author.id(), start, new CallResult(reply.model(), reply.usage(), millis, CallOutcome.OK, ""));
                return new Outcome.Replied(reply);
            } catch (AuthorException e) {
                long millis = (System.nanoTime() - t0) / 1_000_000;
                String message = redact.apply(String.valueOf(e.getMessage()));
                log.add(purpose, author.id(), start,
                        new CallResult("", Usage.ZERO, millis, e.retryable() ? CallOutcome.TRANSIENT : CallOutcome.PERMANENT, message));
                if (e.retryable()) {
                    breaker.onTransientFailure().ifPresent(pause -> events.publish(new ScenaristEvent.CircuitChanged(campaignId, true,
                            pause.toMillis(), "author calls paused after repeated failures; last: " + message)));
                }
                if (!e.retryable() || retryNo >= retry.maxRetries()) return new Outcome.InfraFailed(e);
                Duration delay = retry.delayBefore(retryNo + 1, random.nextDouble());
                if (e instanceof TransientAuthorException t && t.retryAfter().isPresent()) {
                    Duration hinted = t.retryAfter().get();
                    if (hinted.compareTo(delay) > 0) delay = hinted.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : hinted;
                }
                events.publish(new ScenaristEvent.InfraRetry(campaignId, runId, request.stage(), retryNo + 1, delay.toMillis(), message));
                log.waited("backoff", delay);
                sleepWithinBudget(delay);
            }
        }
    }

    /** A wait never outlasts the wall cap: the budget check after it then stops the call instead of a late retry. */
    private void sleepWithinBudget(Duration wait) throws InterruptedException {
        Duration left = budget.wallLeft().orElse(wait);
        sleeper.sleep(left.compareTo(wait) < 0 ? left : wait);
    }
}
