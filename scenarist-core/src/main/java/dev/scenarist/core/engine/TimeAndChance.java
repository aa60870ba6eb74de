package dev.scenarist.core.engine;

import dev.scenarist.core.model.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Where the engine gets time, waiting, ids and randomness (backoff jitter): what a test or benchmark replaces to make
 * runs reproducible, and nothing else in the engine reads a clock or draws a random number.
 */
public record TimeAndChance(Clock clock, Sleeper sleeper, Ids ids, Supplier<RandomGenerator> random) {
    public TimeAndChance {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(random, "random");
    }

    /** The system's UTC clock, real sleeps, fresh ids and unseeded randomness: what the application runs with. */
    public static TimeAndChance real() {
        return new TimeAndChance(Clock.systemUTC(), Sleeper.REAL, new Ids(), SplittableRandom::new);
    }
}
