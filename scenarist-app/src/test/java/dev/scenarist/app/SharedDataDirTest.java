package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.catalog.ShingleSimilarityIndex;
import dev.scenarist.core.store.CampaignRecord;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.store.sql.SqlStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several real CLI processes on one data folder at the same time: the offline sql-quiz author draws from a small set
 * of items, so processes with the same seed propose the same scenarios and only the store's cross-process
 * acceptance keeps duplicates out.
 */
class SharedDataDirTest {
    /** sql-quiz's uniqueness threshold (pack.yaml). */
    private static final double DUPLICATE_THRESHOLD = 0.8;
    private static final int PROCESSES = 3;

    @TempDir
    Path tmp;

    @Test
    void threeGenerateProcessesStartedTogetherOnAFreshDataDirAcceptNoDuplicatesAndNeverPassTheirTargets() throws Exception {
        Path dir = tmp.resolve("home");
        Path log = tmp.resolve("cli.log");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(ChildProcess.start(dir, log, "generate", "--pack", "sql-quiz", "--count", "3", "--concurrency", "2"));
        }

        for (Process p : processes) {
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("process finished; log:%n%s", read(log)).isTrue();
            // 1 is a campaign that fell short of its count (the pack has few distinct items): allowed; 2 and 3 are not
            assertThat(p.exitValue()).as("exit code; log:%n%s", read(log)).isIn(0, 1);
        }
        assertThat(read(log)).doesNotContain("internal error");
        try (SqlStore store = SqlStore.sqlite(dir.resolve("scenarist.db"))) {
            List<CampaignRecord> campaigns = store.campaigns().list();
            assertThat(campaigns).hasSize(PROCESSES);
            for (CampaignRecord c : campaigns) {
                assertThat(store.catalog().byCampaign(c.id())).as("accepted in %s", c.id()).hasSizeLessThanOrEqualTo(3);
            }
            assertUniqueAndOnDisk(store.catalog().byPack("sql-quiz"), dir);
        }
    }

    @Test
    void twoProcessesResumingOneCampaignAtOnceKeepItsTargetAndAcceptNoDuplicates() throws Exception {
        Path dir = tmp.resolve("home");
        Path log = tmp.resolve("cli.log");
        // one run only: the campaign stops short and leaves the rest to the resumes
        CliRun first = CliRun.in(dir, "generate", "--pack", "sql-quiz", "--count", "4", "--max-runs", "1");
        assertThat(first.code()).as(first.err()).isIn(0, 1);
        String campaign;
        try (SqlStore store = SqlStore.sqlite(dir.resolve("scenarist.db"))) {
            campaign = store.campaigns().list().getFirst().id();
        }

        List<Process> resumes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            resumes.add(ChildProcess.start(dir, log, "resume", "--campaign", campaign, "--max-runs", "30"));
        }

        for (Process p : resumes) {
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("process finished; log:%n%s", read(log)).isTrue();
            assertThat(p.exitValue()).as("exit code; log:%n%s", read(log)).isIn(0, 1);
        }
        assertThat(read(log)).doesNotContain("internal error");
        try (SqlStore store = SqlStore.sqlite(dir.resolve("scenarist.db"))) {
            assertThat(store.catalog().byCampaign(campaign)).hasSizeLessThanOrEqualTo(4);
            assertThat(store.runs().byCampaign(campaign)).filteredOn(r -> r.state().label().equals("accepted"))
                    .hasSizeLessThanOrEqualTo(4);
            assertUniqueAndOnDisk(store.catalog().byPack("sql-quiz"), dir);
        }
    }

    @Test
    void manyFirstStartsAtOnceOnAFreshDataDirAllUnpackTheBundledPacks() throws Exception {
        Path dir = tmp.resolve("home");
        int starters = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(starters);
        try {
            List<Future<Path>> unpacked = new ArrayList<>();
            for (int i = 0; i < starters; i++) {
                unpacked.add(threads.submit((Callable<Path>) () -> {
                    go.await();
                    return dev.scenarist.app.packs.BundledPacks.unpack(dir);
                }));
            }
            go.countDown();
            for (Future<Path> f : unpacked) assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(dir.resolve(".bundled-packs"));
        } finally {
            threads.shutdownNow();
        }
        assertThat(dir.resolve(".bundled-packs/sql-quiz/pack.yaml")).isRegularFile();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary folders left behind")
                    .containsExactly(".bundled-packs");
        }
        // and real processes, each listing the packs as its very first start
        Path fresh = tmp.resolve("fresh");
        Path log = tmp.resolve("packs.log");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) processes.add(ChildProcess.start(fresh, log, "packs"));
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("exit code; log:%n%s", read(log)).isZero();
        }
    }

    /** Distinct content hashes, no two near-duplicates, and exactly the catalogued scenarios have folders. */
    private static void assertUniqueAndOnDisk(List<CatalogEntry> accepted, Path dir) throws IOException {
        assertThat(accepted).isNotEmpty();
        assertThat(accepted).extracting(CatalogEntry::contentHash).doesNotHaveDuplicates();
        for (int i = 0; i < accepted.size(); i++) {
            for (int j = i + 1; j < accepted.size(); j++) {
                double similarity = ShingleSimilarityIndex.similarity(accepted.get(i).uniquenessText(), accepted.get(j).uniquenessText());
                assertThat(similarity).as("similarity of %s and %s", accepted.get(i).scenarioId(), accepted.get(j).scenarioId())
                        .isLessThan(DUPLICATE_THRESHOLD);
            }
        }
        Set<String> folders;
        try (Stream<Path> s = Files.list(dir.resolve("scenarios/sql-quiz"))) {
            folders = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertThat(folders).as("scenario folders, each with a catalog entry")
                .isEqualTo(accepted.stream().map(CatalogEntry::scenarioId).collect(Collectors.toSet()));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
