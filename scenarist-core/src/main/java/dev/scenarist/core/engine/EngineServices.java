package dev.scenarist.core.engine;

import dev.scenarist.core.catalog.SimilarityIndex;
import dev.scenarist.core.events.EventBus;
import dev.scenarist.core.model.Ids;
import dev.scenarist.core.store.Store;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * What the engine needs from the outside world, wired once by the application (no static globals): where it keeps
 * things ({@link Storage}: store, data folder, redaction), the event bus, where it gets time and chance
 * ({@link TimeAndChance}: clock, sleeper, ids, randomness), how it rides out failures ({@link Resilience}: retry and
 * circuit options), and the similarity index. The accessors below the components are shortcuts to theirs.
 */
public record EngineServices(Storage storage, EventBus events, TimeAndChance time, Resilience resilience, SimilarityIndex similarity) {
    public EngineServices {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(resilience, "resilience");
        Objects.requireNonNull(similarity, "similarity");
    }

    /** The same services, every text passed through {@code redact} before it is kept. */
    public EngineServices redacting(UnaryOperator<String> redact) {
        return new EngineServices(storage.redacting(redact), events, time, resilience, similarity);
    }

    public Store store() {
        return storage.store();
    }

    public DataLayout layout() {
        return storage.layout();
    }

    public UnaryOperator<String> redact() {
        return storage.redact();
    }

    public Clock clock() {
        return time.clock();
    }

    public Sleeper sleeper() {
        return time.sleeper();
    }

    public Ids ids() {
        return time.ids();
    }

    public Supplier<RandomGenerator> random() {
        return time.random();
    }

    public RetryOptions retry() {
        return resilience.retry();
    }

    public CircuitOptions circuit() {
        return resilience.circuit();
    }
}
