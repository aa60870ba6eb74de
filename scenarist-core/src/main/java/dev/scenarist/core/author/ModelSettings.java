package dev.scenarist.core.author;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a stage asks of the model: which one, how hot, how long. Empty values mean "the author's default".
 */
public record ModelSettings(Optional<String> model, OptionalDouble temperature, OptionalInt maxTokens, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final ModelSettings DEFAULTS =
            new ModelSettings(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), DEFAULT_TIMEOUT);

    public ModelSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(timeout, "timeout");
        if (temperature.isPresent() && (temperature.getAsDouble() < 0 || temperature.getAsDouble() > 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, got " + temperature.getAsDouble());
        }
        if (maxTokens.isPresent() && maxTokens.getAsInt() <= 0) {
            throw new IllegalArgumentException("max tokens must be positive, got " + maxTokens.getAsInt());
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    public String describe() {
        return model.orElse("default") + temperature.stream().mapToObj(t -> " t=" + t).findFirst().orElse("");
    }
}
