package dev.scenarist.core.testing;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.campaign.CampaignReport;
import dev.scenarist.core.campaign.internal.CampaignRunner;
import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.catalog.ShingleSimilarityIndex;
import dev.scenarist.core.engine.DataLayout;
import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.engine.Resilience;
import dev.scenarist.core.engine.Storage;
import dev.scenarist.core.engine.TimeAndChance;
import dev.scenarist.core.engine.RetryOptions;
import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.events.InProcessEventBus;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.model.Ids;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.store.Store;
import dev.scenarist.core.store.memory.InMemoryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wires the engine for tests: in-memory store (or a given one), recorded sleeps, captured events. */
public final class EngineHarness {
    public final Store store;
    public final EngineServices services;
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    public final List<ScenaristEvent> events = new CopyOnWriteArrayList<>();
    public final CampaignRunner runner;
    /** Time only moves when the engine sleeps (backoff, circuit pauses) or a test advances it. */
    public final ManualClock clock = new ManualClock();

    public EngineHarness(Path dataDir) {
        this(dataDir, new InMemoryStore(), RetryOptions.DEFAULTS);
    }

    public EngineHarness(Path dataDir, Store store, RetryOptions retry) {
        this(dataDir, store, retry, dev.scenarist.core.engine.CircuitOptions.DEFAULTS);
    }

    public EngineHarness(Path dataDir, Store store, RetryOptions retry, dev.scenarist.core.engine.CircuitOptions circuit) {
        this(dataDir, store, retry, circuit, new ShingleSimilarityIndex());
    }

    /** A harness whose engine keeps {@code index} up to date with the catalog (e.g. a {@code UniquenessIndex}). */
    public EngineHarness(Path dataDir, dev.scenarist.core.catalog.SimilarityIndex index) {
        this(dataDir, new InMemoryStore(), RetryOptions.DEFAULTS, dev.scenarist.core.engine.CircuitOptions.DEFAULTS, index);
    }

    public EngineHarness(Path dataDir, Store store, RetryOptions retry, dev.scenarist.core.engine.CircuitOptions circuit,
                         dev.scenarist.core.catalog.SimilarityIndex index) {
        this.store = store;
        var bus = new InProcessEventBus();
        bus.subscribe(events::add);
        this.services = new EngineServices(new Storage(store, new DataLayout(dataDir)), bus, new TimeAndChance(clock, d -> {
                    sleeps.add(d);
                    clock.advance(d);
                }, new Ids(), () -> new SplittableRandom(7)), new Resilience(retry, circuit), index);
        this.runner = new CampaignRunner(services);
    }

    public static CampaignSpec spec(Pack pack, int count) {
        return new CampaignSpec(pack.name(), count, "scripted", 0, 1, CampaignBudget.UNLIMITED, StageSettings.NONE, Map.of());
    }

    public CampaignReport generate(CampaignSpec spec, Pack pack, Author author) throws InterruptedException {
        var c = runner.create(spec, pack);
        return runner.run(c.id(), pack, author);
    }
}
