package dev.scenarist.core.campaign.internal;

import dev.scenarist.core.campaign.BudgetStop;

/**
 * Thrown through a check when a call it needs (a judge asking the critic) is refused by the campaign's budget.
 * Unchecked on purpose: a check that turns every {@code AuthorException} into "could not judge" must not turn a
 * budget stop into an infrastructure error that the engine would retry.
 */
public final class BudgetExhaustedException extends RuntimeException {
    private final BudgetStop stop;

    public BudgetExhaustedException(BudgetStop stop) {
        super(stop.message());
        this.stop = stop;
    }

    public BudgetStop stop() {
        return stop;
    }
}
