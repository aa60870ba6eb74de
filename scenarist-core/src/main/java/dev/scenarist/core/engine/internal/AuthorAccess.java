package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.campaign.internal.BudgetGuard;
import java.util.Objects;

/**
 * A campaign's line to its author: the author, and what every call of every run passes through on the way — the
 * throttle that paces calls, the circuit breaker that pauses runs when failures pile up, and the budget guard. Shared
 * by all the campaign's runs, so they pace, pause and spend together.
 */
public record AuthorAccess(Author author, Throttle throttle, CircuitBreaker breaker, BudgetGuard budget) {
    public AuthorAccess {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(budget, "budget");
    }

    /** With a fresh circuit breaker under the services' circuit options and clock. */
    public static AuthorAccess of(EngineServices services, Author author, Throttle throttle, BudgetGuard budget) {
        return new AuthorAccess(author, throttle, CircuitBreaker.of(services.circuit(), services.clock()), budget);
    }
}
