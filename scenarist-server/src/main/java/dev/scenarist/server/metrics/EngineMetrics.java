package dev.scenarist.server.metrics;

import dev.scenarist.core.events.EventBus;
import dev.scenarist.core.events.ScenaristEvent;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.CampaignStatus;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.Store;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The operations metrics served at {@code /metrics} (Prometheus text), fed by the engine's event bus as things happen:
 * attempts by stage and verdict, infrastructure retries, tokens and cost, runs finished by state, and check latency as
 * a histogram. How many campaigns and runs are in each state is counted from the store — once an event said something
 * changed (or every {@link #STALE_AFTER}, for campaigns other processes run), never on every scrape.
 *
 * <p>Counters count what this process saw since it started (Prometheus' {@code rate()} and {@code increase()} expect
 * that); the state gauges are the store's truth.
 */
public final class EngineMetrics implements AutoCloseable {
    /** Counts from the store are read again after this long even when no event arrived (runs of other processes). */
    static final Duration STALE_AFTER = Duration.ofSeconds(15);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Store store;
    private final Clock clock;
    private final AutoCloseable subscription;
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private final Map<CampaignStatus, Long> campaigns = new EnumMap<>(CampaignStatus.class);
    private final Map<RunState, Long> runs = new EnumMap<>(RunState.class);
    private volatile Instant countedAt = Instant.EPOCH;

    public EngineMetrics(EventBus events, Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (CampaignStatus s : CampaignStatus.values()) {
            campaigns.put(s, 0L);
            Gauge.builder("scenarist_campaigns", () -> count(campaigns, s)).description("Campaigns in the store, by status")
                    .tag("status", s.label()).register(registry);
        }
        for (RunState s : RunState.values()) {
            runs.put(s, 0L);
            Gauge.builder("scenarist_runs", () -> count(runs, s)).description("Runs in the store, by state").tag("state", s.label()).register(registry);
        }
        this.subscription = events.subscribe(this::on);
    }

    /** The registry, for tests and for meters other parts of the server add. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition, with the state counts brought up to date first if anything changed. */
    public String scrape() {
        refreshCounts();
        return registry.scrape();
    }

    private void on(ScenaristEvent e) {
        switch (e) {
            case ScenaristEvent.AttemptFinished a -> {
                Counter.builder("scenarist_attempts").description("Attempts committed, by stage and verdict")
                        .tag("stage", a.stage()).tag("verdict", a.verdict().label()).register(registry).increment();
                tokens("input", a.usage().inputTokens());
                tokens("output", a.usage().outputTokens());
                tokens("cache_read", a.usage().cacheReadTokens());
                tokens("cache_write", a.usage().cacheWriteTokens());
                if (a.usage().costUsd() > 0) {
                    Counter.builder("scenarist_cost_usd").description("Dollars spent on model calls").register(registry).increment(a.usage().costUsd());
                }
                changed.set(true);
            }
            case ScenaristEvent.InfraRetry r -> Counter.builder("scenarist_infra_retries").description("Infrastructure failures retried, by stage")
                    .tag("stage", r.stage()).register(registry).increment();
            case ScenaristEvent.CheckFinished c -> Timer.builder("scenarist_check_duration")
                    .description("How long checks took, by check and status").tag("check", c.check())
                    .tag("status", c.status().name().toLowerCase(Locale.ROOT)).publishPercentileHistogram()
                    .register(registry).record(c.millis(), TimeUnit.MILLISECONDS);
            case ScenaristEvent.RunFinished f -> {
                Counter.builder("scenarist_runs_finished").description("Runs that settled in this process, by state")
                        .tag("state", f.state().label()).register(registry).increment();
                changed.set(true);
            }
            case ScenaristEvent.RunStarted s -> changed.set(true);
            case ScenaristEvent.CampaignStarted s -> changed.set(true);
            case ScenaristEvent.CampaignFinished f -> changed.set(true);
            case ScenaristEvent.StageStarted s -> { }
            case ScenaristEvent.CircuitChanged c -> { }
        }
    }

    private void tokens(String kind, long n) {
        if (n > 0) Counter.builder("scenarist_tokens").description("Tokens of model calls, by kind").tag("kind", kind).register(registry).increment(n);
    }

    private synchronized void refreshCounts() {
        Instant now = clock.instant();
        if (!changed.getAndSet(false) && Duration.between(countedAt, now).compareTo(STALE_AFTER) < 0) return;
        Map<CampaignStatus, Long> c = new EnumMap<>(CampaignStatus.class);
        Map<RunState, Long> r = new EnumMap<>(RunState.class);
        for (CampaignRecord campaign : store.campaigns().list()) {
            c.merge(campaign.status(), 1L, Long::sum);
            for (RunRecord run : store.runs().byCampaign(campaign.id())) r.merge(run.state(), 1L, Long::sum);
        }
        for (CampaignStatus s : CampaignStatus.values()) campaigns.put(s, c.getOrDefault(s, 0L));
        for (RunState s : RunState.values()) runs.put(s, r.getOrDefault(s, 0L));
        countedAt = now;
    }

    private synchronized <K> double count(Map<K, Long> counts, K key) {
        return counts.getOrDefault(key, 0L);
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // an in-process subscription: closing cannot fail in a way worth reporting
        }
        registry.close();
    }
}
