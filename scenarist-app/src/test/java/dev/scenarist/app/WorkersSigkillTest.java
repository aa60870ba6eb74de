package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.RunState;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.store.sql.SqlStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out, for real: one embedded PostgreSQL, three {@code scenarist worker} JVMs and one {@code scenarist generate
 * --enqueue} JVM sharing it and one data directory. One worker is killed with SIGKILL while the store shows it holding
 * the lease of a running run; the campaign must still end with every requested scenario accepted exactly once, every
 * run's attempts numbered without gaps or repeats, and the dead worker's run finished by another worker (JobRunr's
 * orphan detection offered it again; the run's lease had run out; the engine resumed it from its last committed attempt).
 */
class WorkersSigkillTest {
    private static final int COUNT = 12;
    /** The store's timestamp text (fixed width, UTC), so comparing text compares instants. */
    private static final java.time.format.DateTimeFormatter SORTABLE =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void aWorkerKilledMidRunHasItsRunFinishedByAnotherAndNothingIsAcceptedTwiceOrLost() throws Exception {
        Path dir = data.resolve("home");
        CrashResumeTestPack.slowDown(dir);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            Map<String, Process> workers = new LinkedHashMap<>();
            Process generate = null;
            long started = System.nanoTime();
            try {
                // the campaign first: its store migration runs before any worker creates JobRunr's tables beside it
                generate = start(dir, url, data.resolve("generate.log"), "generate", "--pack", "sql-quiz", "--count", String.valueOf(COUNT), "--enqueue");
                for (String name : List.of("w1", "w2", "w3")) {
                    workers.put(name, start(dir, url, data.resolve(name + ".log"), "worker", "--concurrency", "2", "--lease", "8", "--name", name));
                }
                // the victim: the first worker the store shows holding a running run's lease, once that run committed an attempt
                Optional<Held> held = awaitHeldRunningRun(url, workers.keySet(), generate);
                assertThat(held).as("a worker held a running run's lease; logs:%n%s", logs(workers.keySet())).isPresent();
                String victim = held.get().owner();
                workers.get(victim).destroyForcibly(); // SIGKILL: no shutdown hook, no lease given back, no job state written
                workers.get(victim).waitFor(10, TimeUnit.SECONDS);
                System.out.printf("killed %s holding run %s after %d committed attempt(s), %.1f s in%n", victim, held.get().runId(),
                        held.get().attempts(), (System.nanoTime() - started) / 1e9);

                assertThat(generate.waitFor(150, TimeUnit.SECONDS)).as("the campaign ended; logs:%n%s", logs(workers.keySet())).isTrue();
                assertThat(generate.exitValue()).as("generate --enqueue exit code; log:%n%s%nworkers:%n%s", read(data.resolve("generate.log")),
                        logs(workers.keySet())).isZero();
                System.out.printf("campaign of %d done %.1f s after start%n", COUNT, (System.nanoTime() - started) / 1e9);

                try (SqlStore store = SqlStore.postgres(url, "postgres", "postgres")) {
                    String campaign = store.campaigns().list().getFirst().id();
                    List<CatalogEntry> accepted = store.catalog().byCampaign(campaign);
                    List<RunRecord> runs = store.runs().byCampaign(campaign);
                    assertThat(accepted).hasSize(COUNT);
                    assertThat(new HashSet<>(accepted.stream().map(CatalogEntry::contentHash).toList())).hasSize(COUNT);
                    assertThat(runs.stream().filter(r -> r.state() == RunState.ACCEPTED)).hasSize(COUNT);
                    try (var s = Files.list(dir.resolve("scenarios/sql-quiz"))) {
                        assertThat(s.filter(x -> !x.getFileName().toString().startsWith("."))).hasSize(COUNT);
                    }
                    for (RunRecord r : runs) {
                        List<AttemptRecord> attempts = store.runs().attempts(r.id());
                        assertThat(attempts).extracting(AttemptRecord::seq).as("attempts of %s are numbered without gaps or repeats", r.id())
                                .containsExactlyElementsOf(IntStream.rangeClosed(1, attempts.size()).boxed().toList());
                    }
                    RunRecord orphan = store.runs().find(held.get().runId()).orElseThrow();
                    assertThat(orphan.state()).as("the dead worker's run was finished: %s", orphan.detail())
                            .isIn(RunState.ACCEPTED, RunState.REJECTED, RunState.CANCELLED);
                    assertThat(store.runs().attempts(orphan.id())).as("the run went on past the attempts committed before the kill")
                            .hasSizeGreaterThan(held.get().attempts());
                    assertThat(store.coordination().lease(orphan.id()).orElseThrow().owner())
                            .as("the worker that finished the dead worker's run").isNotEqualTo(victim).isIn(workers.keySet());
                    // what the workers said about the run, for whoever reads the CI log
                    for (String w : workers.keySet()) {
                        read(data.resolve(w + ".log")).lines().filter(l -> l.contains(orphan.id()))
                                .forEach(System.out::println); // each line names its worker already
                    }
                }
            } finally {
                if (generate != null) generate.destroyForcibly();
                for (Process p : workers.values()) p.destroy();
                for (Process p : workers.values()) {
                    if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroyForcibly();
                }
            }
        }
    }

    /** A run in state running whose lease a worker holds, and how many attempts of it were committed then. */
    private record Held(String runId, String owner, int attempts) {}

    private static Optional<Held> awaitHeldRunningRun(String url, java.util.Set<String> workers, Process generate) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && generate.isAlive()) {
            try (var c = DriverManager.getConnection(url, "postgres", "postgres");
                 var st = c.prepareStatement("SELECT l.run_id, l.owner, (SELECT count(*) FROM attempts a WHERE a.run_id = l.run_id)"
                         + " FROM run_leases l JOIN runs r ON r.id = l.run_id WHERE r.state = 'running' AND l.expires_at > ?"
                         + " ORDER BY l.run_id")) {
                st.setString(1, SORTABLE.format(Instant.now()));
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        // one or two of its five stages committed: the kill lands mid-run, never just as it is accepted
                        if (rs.getInt(3) >= 1 && rs.getInt(3) <= 2 && workers.contains(rs.getString(2))) return Optional.of(new Held(rs.getString(1), rs.getString(2), rs.getInt(3)));
                    }
                }
            } catch (SQLException notYet) {
                // the tables are not created yet
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private static Process start(Path dataDir, String url, Path log, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--data-dir", dataDir.toString(), "--db", url));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().remove("SCENARIST_HOME");
        pb.environment().put("SCENARIST_DB_USER", "postgres");
        pb.environment().put("SCENARIST_DB_PASSWORD", "postgres");
        return pb.start();
    }

    private String logs(java.util.Set<String> workers) {
        StringBuilder all = new StringBuilder();
        for (String w : workers) all.append("--- ").append(w).append('\n').append(tail(read(data.resolve(w + ".log"))));
        return all.toString();
    }

    private static String tail(String text) {
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
