package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.RunState;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.store.sql.SqlStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real CLI with SIGKILL at several points of a campaign, resumes it each time, and checks the
 * end state: the requested number accepted exactly once each, every attempt's trajectory line and store row
 * agree, no run left half-done.
 */
class CrashResumeTest {
    @TempDir
    Path data;

    @Test
    void aCampaignKilledWithSigkillAtSeveralPointsResumesWithNothingLostAndNothingAcceptedTwice() throws Exception {
        Path log = data.resolve("cli.log");
        Path dir = data.resolve("home");
        CrashResumeTestPack.slowDown(dir);
        // kill when the store shows this many committed attempts: points spread over the whole campaign
        int[] killAtAttempts = {2, 7, 13, 19, 25};
        String campaign = null;
        List<Integer> attemptsAtKill = new ArrayList<>();
        int kills = 0;
        for (int target : killAtAttempts) {
            Process p = campaign == null
                    ? ChildProcess.start(dir, log, "generate", "--pack", "sql-quiz", "--count", "5", "--concurrency", "2")
                    : ChildProcess.start(dir, log, "resume", "--campaign", campaign);
            boolean reached = awaitCommittedAttempts(dir, target, p);
            if (reached) {
                p.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
                kills++;
            }
            p.waitFor(60, TimeUnit.SECONDS);
            if (campaign == null) campaign = campaignId(dir);
            if (campaign != null && reached) attemptsAtKill.add(attempts(dir, campaign).size());
            if (!reached) break;
        }
        assertThat(campaign).as("the first process lived long enough to create its campaign; log:%n%s", read(log)).isNotNull();
        Process last = ChildProcess.start(dir, log, "resume", "--campaign", campaign);
        assertThat(last.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as("final resume exit code; log:%n%s", read(log)).isZero();
        assertThat(kills).as("processes killed mid-campaign").isGreaterThanOrEqualTo(3);
        assertThat(attemptsAtKill).as("each kill landed after more progress had been committed").isSorted();

        System.out.println("kills: " + kills + ", committed attempts at each kill: " + attemptsAtKill);
        try (SqlStore store = SqlStore.sqlite(dir.resolve("scenarist.db"))) {
            assertThat(store.runs().attemptsOfCampaign(campaign).size()).isGreaterThan(attemptsAtKill.getLast());
            List<RunRecord> runs = store.runs().byCampaign(campaign);
            List<CatalogEntry> accepted = store.catalog().byCampaign(campaign);
            assertThat(accepted).hasSize(5);
            assertThat(new HashSet<>(accepted.stream().map(CatalogEntry::contentHash).toList())).hasSize(5);
            assertThat(runs.stream().filter(r -> r.state() == RunState.ACCEPTED)).hasSize(5);
            assertThat(runs).noneMatch(r -> r.state() == RunState.RUNNING || r.state() == RunState.QUEUED);
            for (RunRecord r : runs) {
                List<AttemptRecord> attempts = store.runs().attempts(r.id());
                assertThat(attempts).extracting(AttemptRecord::seq)
                        .as("attempts of %s are numbered without gaps or repeats", r.id())
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, attempts.size()).boxed().toList());
                Path steps = dir.resolve("runs").resolve(r.id()).resolve("steps.jsonl");
                long lines = Files.exists(steps) ? Files.readAllLines(steps).size() : 0;
                assertThat(lines).as("steps.jsonl of %s has one line per committed attempt", r.id()).isEqualTo(attempts.size());
                assertThat(r.progress().trajectoryBytes()).isEqualTo(Files.exists(steps) ? Files.size(steps) : 0);
            }
            for (CatalogEntry e : accepted) {
                assertThat(dir.resolve(e.location()).resolve("manifest.json")).exists();
            }
            try (var s = Files.list(dir.resolve("scenarios/sql-quiz"))) {
                assertThat(s.filter(x -> !x.getFileName().toString().startsWith("."))).hasSize(5);
            }
        }
    }

    /** Polls the database (read-only, beside the writer) until {@code n} attempts are committed or the process ends. */
    private static boolean awaitCommittedAttempts(Path dir, int n, Process p) throws Exception {
        Path db = dir.resolve("scenarist.db");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) return false;
            if (Files.exists(db)) {
                try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
                     var rs = c.createStatement().executeQuery("SELECT count(*) FROM attempts")) {
                    if (rs.next() && rs.getInt(1) >= n) return true;
                } catch (java.sql.SQLException notYet) {
                    // the schema is not created yet, or the writer holds a lock for a moment
                }
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static String campaignId(Path dir) {
        try (SqlStore store = SqlStore.sqlite(dir.resolve("scenarist.db"))) {
            var list = store.campaigns().list();
            return list.isEmpty() ? null : list.getFirst().id();
        }
    }

    private static List<AttemptRecord> attempts(Path dir, String campaign) {
        try (SqlStore store = SqlStore.sqlite(dir.resolve("scenarist.db"))) {
            return store.runs().attemptsOfCampaign(campaign);
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
