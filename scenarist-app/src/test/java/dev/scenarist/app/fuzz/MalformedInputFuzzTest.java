package dev.scenarist.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.app.Main;
import dev.scenarist.core.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * More than a thousand malformed inputs, generated from a fixed seed, through the real command line: campaign
 * configuration files, pack definitions, command-line arguments, damaged data directories and MJCF scenes. Every
 * one must end with a documented exit code (never 3), without a stack trace or the parser's own words, within its
 * time limit, and without leaving temporary files behind. Each family prints its counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedInputFuzzTest {
    private static final long SEED = Long.getLong("scenarist.fuzz.seed", 20261207L);
    /** A command that takes longer than this is a hang (the slowest legitimate case here runs one short campaign). */
    private static final Duration HANG = Duration.ofSeconds(90);

    @TempDir
    static Path tmp;

    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-case");
        t.setDaemon(true); // a hung case must not keep the test JVM alive
        return t;
    });
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Tally> tallies = new TreeMap<>();
    private Path generated; // a data directory with a finished two-scenario campaign, made once
    private String campaignId;
    private List<String> runIds;
    private List<String> scenarioIds;

    @BeforeAll
    void makeARealDataDirectory() {
        generated = tmp.resolve("generated");
        CliOutcome g = cli(generated, List.of("--json", "generate", "--pack", "sql-quiz", "--count", "2", "--seed", "3"));
        Assumptions.assumeTrue(g.code() == 0, "the offline sql-quiz campaign the data-directory family damages did not run: " + g.err());
        Map<?, ?> doc = Json.read(g.out(), Map.class);
        campaignId = (String) doc.get("campaign_id");
        scenarioIds = ((List<?>) doc.get("scenarios")).stream().map(s -> (String) ((Map<?, ?>) s).get("id")).toList();
        Map<?, ?> runs = Json.read(cli(generated, List.of("--json", "runs", "--campaign", campaignId)).out(), Map.class);
        runIds = ((List<?>) runs.get("runs")).stream().map(r -> (String) ((Map<?, ?>) r).get("run_id")).toList();
    }

    @AfterAll
    void report() {
        pool.shutdownNow();
        int total = tallies.values().stream().mapToInt(Tally::cases).sum();
        System.out.println("fuzz: seed " + SEED + ", " + total + " malformed inputs");
        tallies.forEach((family, t) -> System.out.println("fuzz: " + family + ": " + t));
        System.out.println("fuzz: " + violations.size() + " violations (exit 3, stack traces, leaks, hangs, half-written)");
    }

    @Test
    @Order(1)
    void campaignConfigFiles() throws IOException {
        String base = """
                author: offline
                concurrency: 2
                seed: 42
                budget:
                  max_runs: 1
                  max_tokens: 200000
                  max_cost_usd: 5.0
                  max_wall: 30m
                models:
                  default: {temperature: 0.2, max_tokens: 4000, timeout: 2m}
                  stages:
                    describe: {temperature: 0.9}
                providers:
                  openai: {base_url: "http://127.0.0.1:9/v1", requests_per_minute: 60}
                prices:
                  "openai:gpt-4.1": {input: 2.0, output: 8.0}
                """;
        Mutations m = new Mutations(SEED);
        for (int i = 0; i < 260; i++) {
            Path dir = Files.createDirectories(tmp.resolve("config-" + i));
            Path cfg = dir.resolve("campaign.yaml");
            Files.writeString(cfg, m.mutateText(base));
            Path data = tmp.resolve("config-data"); // shared: every data directory holds its own copy of the bundled packs
            // the flags bound a config that happens to stay valid to one short run
            run("config", cfg.getFileName() + "#" + i, data, List.of("generate", "--pack", "sql-quiz", "--count", "1",
                    "--config", cfg.toString(), "--max-runs", "1", "--max-wall", "60s"));
        }
        assertNoViolations("config");
    }

    @Test
    @Order(2)
    void packDefinitions() throws IOException {
        Path bundled = Path.of(System.getProperty("user.dir")).resolve("../packs/examples/sql-quiz").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(bundled.resolve("pack.yaml")), "the bundled sql-quiz pack is missing at " + bundled);
        String base = Files.readString(bundled.resolve("pack.yaml")).replace("name: sql-quiz", "name: fuzz-quiz");
        Mutations m = new Mutations(SEED + 1);
        for (int i = 0; i < 240; i++) {
            Path data = tmp.resolve("pack-data");
            Path pack = tmp.resolve("pack-" + i).resolve("fuzz-quiz");
            copyTree(bundled, pack, "offline");
            // the offline author's replies are only read: shared, not copied (hundreds of files per case)
            Files.createSymbolicLink(pack.resolve("offline"), bundled.resolve("offline"));
            Files.writeString(pack.resolve("pack.yaml"), m.mutateText(base));
            List<String> args = switch (i % 4) {
                case 0 -> List.of("--json", "packs");
                case 1 -> List.of("packs");
                case 2 -> List.of("validate", "--pack", "fuzz-quiz", pack.toString());
                default -> List.of("generate", "--pack", "fuzz-quiz", "--count", "1", "--max-runs", "1", "--max-wall", "60s");
            };
            run("pack.yaml", "#" + i, data, args, Map.of("SCENARIST_PACKS", pack.getParent().toString()));
        }
        assertNoViolations("pack.yaml");
    }

    @Test
    @Order(3)
    void commandLineArguments() throws IOException {
        List<List<String>> templates = List.of(
                List.of("packs"),
                List.of("--json", "packs"),
                List.of("generate", "--pack", "sql-quiz", "--count", "1", "--seed", "7", "--concurrency", "2"),
                List.of("generate", "--pack", "mechanisms", "--tier", "2", "--count", "1"),
                List.of("--json", "generate", "--pack", "sql-quiz", "--count", "1", "--author", "offline", "--max-tokens", "1000"),
                List.of("campaigns"),
                List.of("--json", "runs", "--campaign", "CAMPAIGN"),
                List.of("show", "RUN"),
                List.of("--json", "show", "RUN"),
                List.of("resume", "RUN", "--from-stage", "queries"),
                List.of("resume", "--campaign", "CAMPAIGN", "--max-runs", "3"),
                List.of("export", "--campaign", "CAMPAIGN", "--format", "jsonl", "--out", "OUT"),
                List.of("--json", "export", "--campaign", "CAMPAIGN", "--format", "dir", "--out", "OUT"),
                List.of("promote", "SCENARIO"),
                List.of("validate", "--pack", "sql-quiz", "SCENARIO_DIR"),
                List.of("--json", "validate", "--pack", "mechanisms", "SCENARIO_DIR"),
                List.of("models", "check", "ollama:qwen2.5-coder:14b", "--timeout", "2s"),
                List.of("--db", "jdbc:postgresql://127.0.0.1:9/none", "campaigns"),
                List.of("help", "generate"));
        List<String> options = List.of("--author", "--campaign", "--concurrency", "--config", "--count", "--data-dir", "--db",
                "--format", "--from-stage", "--json", "--limit", "--max-cost", "--max-runs", "--max-tokens", "--max-wall",
                "--out", "--pack", "--record", "--seed", "--tier", "--timeout", "--cuont", "--colour", "-x", "--", "-");
        Mutations m = new Mutations(SEED + 2);
        for (int i = 0; i < 300; i++) {
            Path data = tmp.resolve("args-data");
            if (i == 0) copyOf(generated, data);
            List<String> args = new ArrayList<>(m.pick(templates));
            int rounds = 1 + m.nextInt(3);
            for (int r = 0; r < rounds; r++) mutateArguments(args, m, options);
            args.replaceAll(a -> switch (a) {
                case "CAMPAIGN" -> campaignId;
                case "RUN" -> runIds.get(0);
                case "SCENARIO" -> scenarioIds.get(0);
                case "SCENARIO_DIR" -> data.resolve("scenarios/sql-quiz/" + scenarioIds.get(0)).toString();
                case "OUT" -> data.resolve("export-" + m.nextInt(3)).toString();
                default -> a;
            });
            confinePaths(args, data);
            if (args.contains("generate") || args.contains("resume")) {
                args.addAll(List.of("--max-runs", "1", "--max-wall", "60s")); // keep a command that stays valid short
            }
            run("arguments", "#" + i, data, args);
        }
        assertNoViolations("arguments");
    }

    /** Options whose value is a path this test's commands may write to. */
    private static final java.util.Set<String> PATH_OPTIONS = java.util.Set.of("--out", "--data-dir", "--record", "--config");

    /**
     * Keeps every path a mutated command could write inside this case's folder: a relative path would land in the
     * project's source tree (the test's working directory), an absolute one anywhere on the machine.
     */
    private static void confinePaths(List<String> args, Path caseDir) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (!PATH_OPTIONS.contains(args.get(i))) continue;
            String value = args.get(i + 1);
            Path p = caseDir.resolve(value.replace('\0', '_')).normalize();
            if (!p.startsWith(caseDir)) p = caseDir.resolve("outside-" + Integer.toHexString(value.hashCode()));
            args.set(i + 1, p.toString());
        }
    }

    private static void mutateArguments(List<String> args, Mutations m, List<String> options) {
        if (args.isEmpty()) {
            args.add(m.pick(options));
            return;
        }
        int at = m.nextInt(args.size());
        switch (m.nextInt(7)) {
            case 0 -> args.remove(at);
            case 1 -> args.add(at, args.get(at));
            case 2 -> args.set(at, m.typo(args.get(at)));
            case 3 -> args.set(at, m.pick(Mutations.HOSTILE_VALUES));
            case 4 -> args.add(at, m.pick(options));
            case 5 -> args.add(m.pick(options));
            default -> {
                if (at + 1 < args.size()) {
                    String t = args.get(at);
                    args.set(at, args.get(at + 1));
                    args.set(at + 1, t);
                }
            }
        }
    }

    @Test
    @Order(4)
    void damagedDataDirectories() throws IOException {
        Mutations m = new Mutations(SEED + 3);
        for (int i = 0; i < 120; i++) {
            Path data = tmp.resolve("damaged-" + i);
            copyOf(generated, data);
            String damage = damage(data, m);
            List<String> args = switch (i % 7) {
                case 0 -> List.of("--json", "campaigns");
                case 1 -> List.of("runs", "--campaign", campaignId);
                case 2 -> List.of("show", runIds.get(i % runIds.size()));
                case 3 -> List.of("resume", "--campaign", campaignId, "--max-wall", "60s");
                case 4 -> List.of("--json", "export", "--campaign", campaignId, "--format", "jsonl", "--out", data.resolve("out").toString());
                case 5 -> List.of("promote", scenarioIds.get(0));
                default -> List.of("resume", runIds.get(0), "--from-stage", "queries");
            };
            run("data-dir", damage, data, args);
        }
        assertNoViolations("data-dir");
    }

    /** Damages one part of a data directory the way crashes, full disks and careless hands do; names the damage. */
    private String damage(Path data, Mutations m) throws IOException {
        Path db = data.resolve("scenarist.db");
        List<Path> steps = find(data.resolve("runs"), "steps.jsonl");
        List<Path> snapshots = find(data.resolve("runs"), "snapshots");
        switch (m.nextInt(10)) {
            case 0 -> {
                long size = Files.size(db);
                long keep = m.nextInt((int) Math.max(1, size));
                try (var ch = java.nio.channels.FileChannel.open(db, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.truncate(keep);
                }
                return "database truncated to " + keep + " bytes";
            }
            case 1 -> {
                byte[] bytes = Files.readAllBytes(db);
                int page = 4096;
                int from = bytes.length > 2 * page ? page * (1 + m.nextInt(bytes.length / page - 1)) : 0;
                Files.write(db, m.garble(bytes, from, Math.min(bytes.length, from + page), 64));
                return "database page at " + from + " garbled";
            }
            case 2 -> {
                byte[] bytes = Files.readAllBytes(db);
                Files.write(db, m.garble(bytes, 0, Math.min(100, bytes.length), 16));
                return "database header garbled";
            }
            case 3 -> {
                Files.writeString(db, "this is not a database\n");
                return "database replaced by text";
            }
            case 4 -> {
                Files.write(data.resolve("scenarist.db-wal"), m.garble(new byte[8192], 0, 8192, 4000));
                return "garbage write-ahead log";
            }
            case 5 -> {
                if (steps.isEmpty()) return "no steps.jsonl to tear";
                Path s = m.pick(steps);
                String text = Files.readString(s);
                Files.writeString(s, text.substring(0, m.nextInt(text.length() + 1)));
                return "torn " + data.relativize(s);
            }
            case 6 -> {
                if (steps.isEmpty()) return "no steps.jsonl to garble";
                Path s = m.pick(steps);
                Files.writeString(s, m.garble(Files.readString(s)));
                return "garbled " + data.relativize(s);
            }
            case 7 -> {
                if (snapshots.isEmpty()) return "no snapshots to remove";
                Path s = m.pick(snapshots);
                deleteTree(s);
                return "removed " + data.relativize(s);
            }
            case 8 -> {
                Path scenarios = data.resolve("scenarios");
                deleteTree(scenarios);
                return "removed scenarios/";
            }
            default -> {
                deleteTree(data.resolve("runs"));
                return "removed runs/";
            }
        }
    }

    @Test
    @Order(5)
    void mjcfScenes() throws IOException {
        Path shared = Path.of(System.getProperty("user.dir")).resolve("../../shared/data/mjcf/valid").normalize();
        Assumptions.assumeTrue(Files.isDirectory(shared), "the shared MJCF models are missing at " + shared
                + " (they live in ../shared/data/mjcf beside the project)");
        List<String> bases = new ArrayList<>();
        for (String name : List.of("dmc_pendulum.xml", "dmc_cartpole.xml", "dmc_acrobot.xml", "mj_collisions.xml", "dmc_reacher.xml")) {
            Path p = shared.resolve(name);
            if (Files.isRegularFile(p)) bases.add(Files.readString(p));
        }
        Assumptions.assumeFalse(bases.isEmpty(), "none of the shared MJCF base models was found in " + shared);
        List<String> hostile = List.of(
                "<include file=\"/etc/passwd\"/>",
                "<include file=\"../../../../../../etc/passwd\"/>",
                "<asset><mesh name=\"m\" file=\"/etc/hostname\"/></asset>",
                "<compiler meshdir=\"/etc\"/>",
                "<body><body><body><body><body><body><body><body><body><body><body>",
                "<geom type=\"box\" size=\"1e308 1e308 1e308\"/>",
                "<geom type=\"sphere\" size=\"NaN\"/>",
                "<option timestep=\"-1\"/>",
                "<option timestep=\"0\"/>");
        Mutations m = new Mutations(SEED + 4);
        for (int i = 0; i < 200; i++) {
            Path dir = Files.createDirectories(tmp.resolve("mjcf-" + i));
            String base = m.pick(bases);
            String text = switch (i % 5) {
                case 0 -> {
                    int close = base.lastIndexOf("</worldbody>");
                    yield close < 0 ? base : base.substring(0, close) + m.pick(hostile) + base.substring(close);
                }
                case 1 -> "<?xml version=\"1.0\"?>\n<!DOCTYPE mujoco [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                        + base.replaceFirst("<mujoco([^>]*)>", "<mujoco$1><!-- &x; -->");
                case 2 -> "<!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                        + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>\n"
                        + base.replaceFirst("<mujoco([^>]*)>", "<mujoco$1><!-- &f; -->");
                default -> m.mutateText(base);
            };
            Path scene = dir.resolve("scene.xml");
            Files.writeString(scene, text);
            List<String> args = i % 3 == 0 ? List.of("--json", "validate", "--pack", "mechanisms", scene.toString())
                    : List.of("validate", "--pack", "mechanisms", scene.toString());
            run("mjcf", "#" + i, tmp.resolve("mjcf-data"), args);
        }
        assertNoViolations("mjcf");
    }

    private void run(String family, String input, Path dataDir, List<String> args) {
        run(family, input, dataDir, args, Map.of());
    }

    private void run(String family, String input, Path dataDir, List<String> args, Map<String, String> env) {
        long start = System.nanoTime();
        Future<CliOutcome> f = pool.submit(() -> cli(dataDir, args, env));
        CliOutcome outcome;
        try {
            outcome = f.get(HANG.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            violations.add(family + " [" + input + "] " + args + ": still running after " + HANG.toSeconds() + " s (a hang)");
            tallies.computeIfAbsent(family, k -> new Tally()).add(-1, HANG.toMillis());
            return;
        } catch (Exception e) {
            violations.add(family + " [" + input + "] " + args + ": the command line threw " + e);
            tallies.computeIfAbsent(family, k -> new Tally()).add(3, 0);
            return;
        }
        tallies.computeIfAbsent(family, k -> new Tally()).add(outcome.code(), (System.nanoTime() - start) / 1_000_000);
        violations.addAll(outcome.violations(family, input, Optional.of(dataDir)));
    }

    private static CliOutcome cli(Path dataDir, List<String> args) {
        return cli(dataDir, args, Map.of());
    }

    private static CliOutcome cli(Path dataDir, List<String> args, Map<String, String> env) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(args);
        int code = Main.run(all.toArray(String[]::new), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliOutcome(all, code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void assertNoViolations(String family) {
        List<String> mine = violations.stream().filter(v -> v.startsWith(family + " ")).toList();
        System.out.println("fuzz: " + family + ": " + tallies.get(family));
        assertThat(mine).as("%d of the %s inputs broke a rule; the first ones:%n%s", mine.size(), family,
                String.join("\n\n", mine.subList(0, Math.min(15, mine.size())))).isEmpty();
    }

    private static List<Path> find(Path root, String name) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().equals(name)).sorted().toList();
        }
    }

    /**
     * A copy of a data directory whose bundled packs are shared, not copied: they are only read, and a copy of them
     * per case would be most of the files this test writes.
     */
    private static void copyOf(Path dataDir, Path to) throws IOException {
        copyTree(dataDir, to, ".bundled-packs");
        Files.createSymbolicLink(to.resolve(".bundled-packs"), dataDir.resolve(".bundled-packs"));
    }

    private static void copyTree(Path from, Path to, String... leaveOut) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path rel = from.relativize(p);
                if (p.toString().contains("node_modules")) continue;
                if (rel.getNameCount() > 0 && java.util.Arrays.asList(leaveOut).contains(rel.getName(0).toString())) continue;
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Counts per family: cases, exit codes, slowest case. */
    private static final class Tally {
        private final Map<Integer, Integer> codes = new TreeMap<>();
        private int cases;
        private long slowestMillis;

        synchronized void add(int code, long millis) {
            cases++;
            codes.merge(code, 1, Integer::sum);
            slowestMillis = Math.max(slowestMillis, millis);
        }

        int cases() {
            return cases;
        }

        @Override
        public synchronized String toString() {
            return cases + " inputs, exit codes " + codes + " (-1 = hang), slowest " + slowestMillis + " ms";
        }
    }
}
