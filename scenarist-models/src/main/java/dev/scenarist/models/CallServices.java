package dev.scenarist.models;

import dev.scenarist.core.engine.RetryOptions;
import dev.scenarist.core.engine.TimeAndChance;
import java.util.Objects;

/**
 * What a model called outside the pipeline engine (a {@link ToolChat}) needs besides its model and provider — the same
 * parts the engine's author calls use: the price table, the provider's shared throttle, the redactor, time (clock,
 * sleeper, jitter) and the retry options for transient failures.
 */
public record CallServices(PriceTable prices, ProviderThrottle throttle, Redactor redactor, TimeAndChance time, RetryOptions retry) {
    public CallServices {
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(retry, "retry");
    }

    /** Real time and the engine's default retries ({@link RetryOptions#DEFAULTS}: 5 retries from 1 s, doubling, up to 60 s). */
    public static CallServices real(PriceTable prices, ProviderThrottle throttle, Redactor redactor) {
        return new CallServices(prices, throttle, redactor, TimeAndChance.real(), RetryOptions.DEFAULTS);
    }
}
