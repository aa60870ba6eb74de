package dev.scenarist.core.campaign.internal;

import dev.scenarist.core.campaign.BudgetStop;
import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.text.DurationFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A campaign's running totals against its caps. Every author call asks {@link #refusal()} first and reports
 * its usage after, so no call starts once a cap is reached. Thread-safe.
 */
public final class BudgetGuard {
    private final CampaignBudget budget;
    private final Clock clock;
    private final Instant sessionStart;
    private final long earlierActiveMillis;
    private final AtomicReference<Usage> spent;

    public BudgetGuard(CampaignBudget budget, Usage alreadySpent, long earlierActiveMillis, Clock clock) {
        this.budget = budget;
        this.clock = clock;
        this.sessionStart = clock.instant();
        this.earlierActiveMillis = earlierActiveMillis;
        this.spent = new AtomicReference<>(alreadySpent);
    }

    public static BudgetGuard unlimited(Clock clock) {
        return new BudgetGuard(CampaignBudget.UNLIMITED, Usage.ZERO, 0, clock);
    }

    public void record(Usage usage) {
        spent.accumulateAndGet(usage, Usage::plus);
    }

    public Usage spent() {
        return spent.get();
    }

    public long activeMillis() {
        return earlierActiveMillis + Duration.between(sessionStart, clock.instant()).toMillis();
    }

    /** Why no further work may start, or empty while within every cap. */
    public Optional<BudgetStop> refusal() {
        return refusal(Optional.empty());
    }

    /**
     * Why a call expected to use {@code estimate} may not start: a cap already reached, or one the call would
     * cross. Refusing before the call is what keeps a campaign inside its budget rather than just past it.
     */
    public Optional<BudgetStop> refusal(Optional<Usage> estimate) {
        Usage u = spent.get();
        if (estimate.isPresent()) {
            Usage e = estimate.get();
            Usage after = u.plus(e);
            if (budget.maxTokens().isPresent() && u.totalTokens() < budget.maxTokens().getAsLong() && after.totalTokens() > budget.maxTokens().getAsLong()) {
                return stop(BudgetStop.Cap.MAX_TOKENS, "budget: max_tokens " + budget.maxTokens().getAsLong() + " would be crossed by the next call (up to "
                        + e.totalTokens() + " tokens; " + u.totalTokens() + " spent)");
            }
            if (budget.maxCostUsd().isPresent() && u.costUsd() < budget.maxCostUsd().getAsDouble() && after.costUsd() > budget.maxCostUsd().getAsDouble()) {
                return stop(BudgetStop.Cap.MAX_COST, String.format(Locale.ROOT,
                        "budget: max_cost $%.2f would be crossed by the next call (up to $%.4f; $%.4f spent)",
                        budget.maxCostUsd().getAsDouble(), e.costUsd(), u.costUsd()));
            }
        }
        if (budget.maxTokens().isPresent() && u.totalTokens() >= budget.maxTokens().getAsLong()) {
            return stop(BudgetStop.Cap.MAX_TOKENS, "budget: max_tokens " + budget.maxTokens().getAsLong() + " reached (" + u.totalTokens() + " spent)");
        }
        if (budget.maxCostUsd().isPresent() && u.costUsd() >= budget.maxCostUsd().getAsDouble()) {
            return stop(BudgetStop.Cap.MAX_COST, String.format(Locale.ROOT, "budget: max_cost $%.2f reached ($%.4f spent)",
                    budget.maxCostUsd().getAsDouble(), u.costUsd()));
        }
        if (budget.maxWall().isPresent() && activeMillis() >= budget.maxWall().get().toMillis()) {
            return stop(BudgetStop.Cap.MAX_WALL, "budget: max_wall " + DurationFormat.compact(budget.maxWall().get()) + " reached ("
                    + DurationFormat.seconds(Duration.ofMillis(activeMillis())) + " active)");
        }
        return Optional.empty();
    }

    /** The time left before the wall cap, if there is one: what a wait (backoff, circuit pause) may use at most. */
    public Optional<Duration> wallLeft() {
        return budget.maxWall().map(w -> {
            Duration left = w.minusMillis(activeMillis());
            return left.isNegative() ? Duration.ZERO : left;
        });
    }

    private static Optional<BudgetStop> stop(BudgetStop.Cap cap, String message) {
        return Optional.of(new BudgetStop(cap, message));
    }
}
