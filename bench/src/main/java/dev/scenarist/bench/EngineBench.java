package dev.scenarist.bench;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.campaign.CampaignReport;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.campaign.AuthorProvider;
import dev.scenarist.core.campaign.Campaigns;
import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.catalog.ShingleSimilarityIndex;
import dev.scenarist.core.engine.DataLayout;
import dev.scenarist.core.engine.EngineServices;
import dev.scenarist.core.engine.Resilience;
import dev.scenarist.core.engine.Storage;
import dev.scenarist.core.engine.TimeAndChance;
import dev.scenarist.core.engine.RetryOptions;
import dev.scenarist.core.engine.Sleeper;
import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.events.InProcessEventBus;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Ids;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.Usage;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.DuplicateThreshold;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.ScenarioSummary;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.store.Store;
import dev.scenarist.core.store.memory.InMemoryStore;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.store.sql.SqlStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Engine overhead: the same four-stage pipeline as the LangGraph.js anchor (description, apps, events, validation;
 * each an author step plus a check; the events check rejects the first attempt), an instant author returning ~2 KB,
 * {@code --runs} runs as one campaign, sequential or {@code --concurrency} in flight. Everything a real run does is
 * included: prompt rendering, guardrail, workspace writes, fsynced steps.jsonl, snapshots, the durable store commit
 * per attempt, acceptance with manifest and catalog.
 *
 * <pre>java -jar bench/target/scenarist-bench.jar --runs 1000 --concurrency 16 --store sqlite --dir /tmp/b</pre>
 */
public final class EngineBench {
    private static final String PARA = "Scenario: a retail customer opens the mobile app, browses the catalogue, adds items to the cart, "
            + "applies a coupon, checks out with a stored card and receives an order confirmation e-mail. ";
    private static final String BLOB = PARA.repeat(2048 / PARA.length() + 1).substring(0, 2048);
    private static final String[] STAGES = {"description", "apps", "events", "validation"};

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>(Map.of("runs", "1000", "concurrency", "1", "store", "sqlite", "dir", "bench-data"));
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        int runs = Integer.parseInt(a.get("runs"));
        int concurrency = Integer.parseInt(a.get("concurrency"));
        Path dir = Path.of(a.get("dir")).toAbsolutePath();
        // a fresh folder: deleting a large old one here would make the disk discard blocks during the measurement
        if (Files.exists(dir) && Workspace.list(dir).size() > 0) {
            throw new IllegalArgumentException(dir + " is not empty; give a new folder (delete old ones when no benchmark is running)");
        }
        Files.createDirectories(dir);
        Store store = a.get("store").equals("memory") ? new InMemoryStore() : SqlStore.sqlite(dir.resolve("scenarist.db"));
        var services = new EngineServices(new Storage(store, new DataLayout(dir)), new InProcessEventBus(),
                new TimeAndChance(Clock.systemUTC(), Sleeper.REAL, new Ids(), () -> new SplittableRandom(1)), Resilience.DEFAULTS, new ShingleSimilarityIndex());
        Pack pack = new BenchPack();
        // through the front door, as the CLI goes: the facade's own work (a pack lookup, no machine check) is part of the overhead
        var author = new InstantAuthor();
        var campaigns = new Campaigns(services, name -> pack, Campaigns.MachineCheck.NONE, (s, p, settings) -> new AuthorProvider.Ready(author, Throttle.NONE));
        var spec = new CampaignSpec(pack.name(), runs, "instant", 0, concurrency,
                new CampaignBudget(java.util.OptionalInt.of(runs), java.util.OptionalLong.empty(), java.util.OptionalDouble.empty(),
                        java.util.Optional.empty()), StageSettings.NONE, Map.of());
        var campaign = campaigns.create(spec, pack);
        long t0 = System.nanoTime();
        CampaignReport report = campaigns.run(campaign.id(), pack, author, Throttle.NONE);
        double wall = (System.nanoTime() - t0) / 1e9;
        store.close();
        if (report.accepted() != runs) throw new IllegalStateException("expected " + runs + " accepted, got " + report.accepted());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("store", a.get("store"));
        out.put("runs", runs);
        out.put("concurrency", concurrency);
        out.put("attempts", report.attempts());
        out.put("wall_seconds", wall);
        out.put("runs_per_second", runs / wall);
        out.put("micros_per_attempt", wall * 1e6 / report.attempts());
        // LangGraph's anchor counts 10 node executions per run (author + check per attempt); ours does the same work in 5 attempts
        out.put("micros_per_step_equivalent", wall * 1e6 / (runs * 10.0));
        // the anchor reports its child's peak RSS (/usr/bin/time -v); the kernel keeps ours as VmHWM
        peakRssKb().ifPresent(kb -> out.put("peak_rss_kb", kb));
        System.out.println(Json.write(out));
    }

    /** This process's peak resident set, from Linux's /proc/self/status; empty elsewhere. */
    private static java.util.OptionalLong peakRssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst();
        } catch (java.io.IOException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** Replies instantly with ~2 KB; the events stage's first reply lacks the marker its check requires. */
    static final class InstantAuthor implements Author {
        @Override
        public String id() {
            return "instant";
        }

        @Override
        public AuthorReply reply(AuthorRequest r) {
            boolean broken = r.stage().equals("events") && r.attempt() == 1;
            String body = "run " + r.seed() + "\n" + BLOB + (broken ? "" : "\nOK") + "\n";
            return new AuthorReply("<file path=\"" + r.stage() + ".txt\">\n" + body + "</file>", Usage.tokens(10, 500), "instant", Duration.ZERO);
        }
    }

    static final class BenchPack implements Pack, DuplicateThreshold {
        private final Pipeline pipeline;

        BenchPack() {
            Check ok = new Check() {
                @Override
                public String name() {
                    return "marker";
                }

                @Override
                public int tier() {
                    return TIER_PARSE;
                }

                @Override
                public CheckResult run(CheckContext c) {
                    String f = c.stage() + ".txt";
                    return c.workspace().read(f).orElse("").contains("\nOK\n") ? CheckResult.passed()
                            : CheckResult.failed(Finding.error("MARKER", f + " lacks the OK marker", f, "end it with OK"));
                }
            };
            pipeline = new Pipeline(java.util.Arrays.stream(STAGES).map(s -> (Stage) new Stage.AuthorStage(s, "Write the " + s + ".",
                    StagePolicy.editing(s + ".txt"), List.of(OutputFile.required(s + ".txt", FileFormat.TEXT, "")), List.of(ok))).toList());
        }

        @Override
        public String name() {
            return "bench";
        }

        @Override
        public String description() {
            return "engine overhead benchmark";
        }

        @Override
        public String definitionHash() {
            return "bench-1";
        }

        @Override
        public String context() {
            return "Benchmark.";
        }

        @Override
        public Pipeline pipeline() {
            return pipeline;
        }

        @Override
        public Author offlineAuthor() {
            return new InstantAuthor();
        }

        @Override
        public Map<String, Object> parameters(long seed) {
            return Map.of("case", seed);
        }

        @Override
        public String uniquenessText(Workspace ws) {
            return ws.read("description.txt").orElse("").lines().findFirst().orElse("");
        }

        @Override
        public double duplicateThreshold() {
            return 1.0;
        }

        @Override
        public ScenarioSummary summarize(Workspace ws) {
            return new ScenarioSummary("bench", "");
        }
    }
}
