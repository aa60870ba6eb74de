package dev.scenarist.core.engine;

import dev.scenarist.core.catalog.SimilarityIndex;
import dev.scenarist.core.events.EventBus;
import dev.scenarist.core.model.Ids;
import dev.scenarist.core.store.Store;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the engine needs from the outside world, wired once by the application (no static globals):
 * store, data folder, event bus, clock, sleeper, retry and circuit options, similarity index, id and randomness sources,
 * and the redaction every text passes through before it is stored (trajectories, errors, run details).
 */
public record EngineServices(Store store, DataLayout layout, EventBus events, Clock clock, Sleeper sleeper,
                             RetryOptions retry, CircuitOptions circuit, SimilarityIndex similarity, Ids ids,
                             Supplier<RandomGenerator> random, java.util.function.UnaryOperator<String> redact) {
    public EngineServices {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(similarity, "similarity");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(redact, "redact");
    }

    /** Without secrets to redact (tests, benchmarks, offline authors). */
    public EngineServices(Store store, DataLayout layout, EventBus events, Clock clock, Sleeper sleeper, RetryOptions retry,
                          CircuitOptions circuit, SimilarityIndex similarity, Ids ids, Supplier<RandomGenerator> random) {
        this(store, layout, events, clock, sleeper, retry, circuit, similarity, ids, random, java.util.function.UnaryOperator.identity());
    }
}
