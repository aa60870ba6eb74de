package dev.scenarist.core.campaign;

import dev.scenarist.core.model.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    /** Why no further author call may start, or empty while within every cap. */
    public Optional<String> refusal() {
        return refusal(Optional.empty());
    }

    /**
     * Why a call expected to use {@code estimate} may not start: a cap already reached, or one the call would
     * cross. Refusing before the call is what keeps a campaign inside its budget rather than just past it.
     */
    public Optional<String> refusal(Optional<Usage> estimate) {
        Usage u = spent.get();
        if (estimate.isPresent()) {
            Usage e = estimate.get();
            Usage after = u.plus(e);
            if (budget.maxTokens().isPresent() && u.totalTokens() < budget.maxTokens().getAsLong() && after.totalTokens() > budget.maxTokens().getAsLong()) {
                return Optional.of("token budget: the next call may use up to " + e.totalTokens() + " tokens, " + u.totalTokens() + " of "
                        + budget.maxTokens().getAsLong() + " are spent");
            }
            if (budget.maxCostUsd().isPresent() && u.costUsd() < budget.maxCostUsd().getAsDouble() && after.costUsd() > budget.maxCostUsd().getAsDouble()) {
                return Optional.of(String.format(java.util.Locale.ROOT, "cost budget: the next call may cost up to $%.4f, $%.4f of $%.2f are spent",
                        e.costUsd(), u.costUsd(), budget.maxCostUsd().getAsDouble()));
            }
        }
        if (budget.maxTokens().isPresent() && u.totalTokens() >= budget.maxTokens().getAsLong()) {
            return Optional.of("token budget reached (" + u.totalTokens() + " of " + budget.maxTokens().getAsLong() + " tokens)");
        }
        if (budget.maxCostUsd().isPresent() && u.costUsd() >= budget.maxCostUsd().getAsDouble()) {
            return Optional.of(String.format(java.util.Locale.ROOT, "cost budget reached ($%.4f of $%.2f)", u.costUsd(), budget.maxCostUsd().getAsDouble()));
        }
        if (budget.maxWall().isPresent() && activeMillis() >= budget.maxWall().get().toMillis()) {
            return Optional.of("wall-time budget reached (" + Duration.ofMillis(activeMillis()).toSeconds() + " s of "
                    + budget.maxWall().get().toSeconds() + " s)");
        }
        return Optional.empty();
    }
}
