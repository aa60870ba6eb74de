package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-only listings answer from the store: in a fresh JVM (as a user's shell starts one), {@code campaigns} loads
 * no pack, no CEL, no JSON schema and no Flyway class; {@code runs} and {@code show} no CEL, no Flyway and no Java pack. Why a guard: each of those is hundreds of
 * classes (packs ~700, CEL + protobuf ~900, Flyway ~400), and they come back silently — a constructor reference
 * ({@code ChainsPack::new}) in the wiring, a catch of {@code FlywayException} in the method that also holds the fast
 * path — and the listings' start-up (0.6 s budget on 2 cores) pays for them. Counting loaded classes is deterministic;
 * a timing assertion would not be.
 */
class ListingsLoadNoPacksTest {
    /** Never needed to list: the Java packs and what only they, or a new database, use. */
    private static final List<String> NEVER = List.of("dev.cel.", "com.google.protobuf.", "org.flywaydb.", "dev.scenarist.packs.mechanisms.",
            "dev.scenarist.packs.appworld.", "dev.scenarist.packs.chains.", "dev.scenarist.packs.services.");
    /**
     * Not needed by {@code campaigns} either: the YAML packs and their JSON schemas. ({@code runs} and {@code show} name
     * a run's stage, which only the run's pack knows: they load that one pack, and nothing else.)
     */
    private static final List<String> NOT_FOR_CAMPAIGNS = List.of("dev.scenarist.packs.", "com.networknt.schema.", "tools.jackson.");

    @TempDir
    Path tmp;

    @Test
    void campaignsRunsAndShowLoadNoPackCelOrFlywayClass() throws Exception {
        Path data = tmp.resolve("data");
        var generated = CliRun.in(data, "--json", "generate", "--pack", "sql-quiz", "--count", "1");
        assertThat(generated.code()).as(generated.err()).isZero();
        var runs = CliRun.in(data, "--json", "runs");
        String runId = (String) ((Map<?, ?>) ((List<?>) runs.json().get("runs")).getFirst()).get("run_id");

        for (List<String> listing : List.of(List.of("campaigns"), List.of("--json", "campaigns"), List.of("runs"), List.of("show", runId))) {
            List<String> loaded = classesLoadedBy(data, listing);
            List<String> forbidden = new ArrayList<>(NEVER);
            if (listing.contains("campaigns")) forbidden.addAll(NOT_FOR_CAMPAIGNS);
            assertThat(loaded).as("classes loaded by %s", listing)
                    .anyMatch(c -> c.startsWith("dev.scenarist.store.sql.")) // the store was read: the log is real
                    .noneMatch(c -> forbidden.stream().anyMatch(c::startsWith));
        }
    }

    /** The names of the classes a new JVM loads to run {@code args} against {@code data} (exit 0 required). */
    private List<String> classesLoadedBy(Path data, List<String> args) throws Exception {
        Path log = Files.createTempFile(tmp, "classes", ".log");
        Path output = Files.createTempFile(tmp, "output", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", data.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().remove("SCENARIST_HOME");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", args).isTrue();
        assertThat(p.exitValue()).as("%s: %s", args, Files.readString(output)).isZero();
        // lines look like: [0.123s][info][class,load] dev.scenarist.packs.yaml.YamlPackLoader source: file:/...
        return Files.readAllLines(log).stream().filter(l -> l.contains(" source: "))
                .map(l -> l.substring(l.indexOf("] ", l.indexOf("[class,load]")) + 2, l.indexOf(" source: ")))
                .toList();
    }
}
