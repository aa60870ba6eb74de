package dev.scenarist.core.engine;

import java.util.Objects;

/**
 * How the engine rides out infrastructure failures: retries with backoff per call, and the circuit breaker that pauses
 * a campaign's runs when failures pile up.
 */
public record Resilience(RetryOptions retry, CircuitOptions circuit) {
    public static final Resilience DEFAULTS = new Resilience(RetryOptions.DEFAULTS, CircuitOptions.DEFAULTS);

    public Resilience {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(circuit, "circuit");
    }
}
