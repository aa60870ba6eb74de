package dev.scenarist.bench;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.campaign.AuthorProvider;
import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.campaign.CampaignReport;
import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.catalog.ShingleSimilarityIndex;
import dev.scenarist.core.engine.DataLayout;
import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.engine.Resilience;
import dev.scenarist.core.engine.Sleeper;
import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.engine.Storage;
import dev.scenarist.core.engine.TimeAndChance;
import dev.scenarist.core.events.InProcessEventBus;
import dev.scenarist.core.model.Ids;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.store.Store;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.store.sql.SqlStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency-bound scale: {@link EngineBench}'s four-stage pipeline against a model that takes {@code --latency-ms} to
 * answer (a sleep on the run's virtual thread, as a slow provider would keep it waiting), {@code --concurrency} runs in
 * flight. The ideal is every run always waiting on its model: {@code concurrency / latency} model calls per second.
 * Reports the calls per second achieved, their ratio to the ideal, the most calls ever outstanding at once, and the
 * process's peak heap and resident memory.
 *
 * <pre>java -Xmx2g -jar bench/target/scenarist-bench.jar dev.scenarist.bench.InFlightBench --runs 6000 --concurrency 2000 --latency-ms 1000 --dir /tmp/f</pre>
 */
public final class InFlightBench {
    private InFlightBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>(Map.of("runs", "6000", "concurrency", "2000", "latency-ms", "1000", "store", "sqlite", "dir", "inflight-data"));
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        int runs = Integer.parseInt(a.get("runs"));
        int concurrency = Integer.parseInt(a.get("concurrency"));
        Duration latency = Duration.ofMillis(Long.parseLong(a.get("latency-ms")));
        Path dir = Path.of(a.get("dir")).toAbsolutePath();
        if (Files.exists(dir) && Workspace.list(dir).size() > 0) {
            throw new IllegalArgumentException(dir + " is not empty; give a new folder");
        }
        Files.createDirectories(dir);
        Store store = SqlStore.sqlite(dir.resolve("scenarist.db"));
        var services = new EngineServices(new Storage(store, new DataLayout(dir)), new InProcessEventBus(),
                new TimeAndChance(Clock.systemUTC(), Sleeper.REAL, new Ids(), () -> new SplittableRandom(1)), Resilience.DEFAULTS, new ShingleSimilarityIndex());
        Pack pack = new EngineBench.BenchPack();
        var author = new SlowAuthor(latency);
        var campaigns = new Campaigns(services, name -> pack, Campaigns.MachineCheck.NONE, (s, p, settings) -> new AuthorProvider.Ready(author, Throttle.NONE));
        var spec = new CampaignSpec(pack.name(), runs, "slow", 0, concurrency,
                new CampaignBudget(OptionalInt.of(runs), OptionalLong.empty(), OptionalDouble.empty(), Optional.empty()), StageSettings.NONE, Map.of());
        var campaign = campaigns.create(spec, pack);
        long t0 = System.nanoTime();
        CampaignReport report = campaigns.run(campaign.id(), pack, author, Throttle.NONE);
        double wall = (System.nanoTime() - t0) / 1e9;
        store.close();
        if (report.accepted() != runs) throw new IllegalStateException("expected " + runs + " accepted, got " + report.accepted());
        double calls = author.calls.get();
        double ideal = concurrency / (latency.toNanos() / 1e9);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", runs);
        out.put("concurrency", concurrency);
        out.put("latency_ms", latency.toMillis());
        out.put("model_calls", (long) calls);
        out.put("wall_seconds", wall);
        out.put("calls_per_second", calls / wall);
        out.put("ideal_calls_per_second", ideal);
        out.put("ratio_to_ideal", calls / wall / ideal);
        out.put("most_in_flight", author.mostInFlight.get());
        out.put("peak_heap_mb", ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1 << 20));
        out.put("peak_rss_mb", peakRssMb());
        System.out.println(Json.write(out));
    }

    /** VmHWM of this process, in MiB (Linux); -1 where /proc is not there. */
    private static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }

    /** {@link EngineBench.InstantAuthor}'s replies, each after {@code latency}; counts calls and the most at once. */
    static final class SlowAuthor implements Author {
        private final Duration latency;
        private final Author replies = new EngineBench.InstantAuthor();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();

        SlowAuthor(Duration latency) {
            this.latency = latency;
        }

        @Override
        public String id() {
            return "slow";
        }

        @Override
        public AuthorReply reply(AuthorRequest r) throws dev.scenarist.core.author.AuthorException, InterruptedException {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(latency);
            } finally {
                inFlight.decrementAndGet();
            }
            calls.incrementAndGet();
            AuthorReply reply = replies.reply(r);
            return new AuthorReply(reply.text(), Usage.tokens(10, 500), "slow", latency);
        }
    }
}
