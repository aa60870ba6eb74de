package dev.scenarist.packs.services.internal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scenarist.packs.services.format.ScenarioFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline author's SQL against a real PostgreSQL: clean scenarios load and meet their tests, defects fail there. */
class PostgresScenarioTest {
    private static final Map<Defect, String> SQLSTATE = Map.of(Defect.UNDEFINED_COLUMN, "42703", Defect.MISSING_FOREIGN_ROW, "23503",
            Defect.NOT_NULL_VIOLATION, "23502");

    @Test
    void theReferenceExampleLoadsAndMeetsItsTests() throws Exception {
        var outcome = ScenarioDatabase.load(ImplementationTest.example());
        assertTrue(outcome.passed(), outcome.toString());
    }

    @Test
    void everyCleanScenarioLoadsAndMeetsItsSqlTests() throws Exception {
        for (long seed = 0; seed < OfflineFixtures.SEEDS; seed++) {
            var outcome = ScenarioDatabase.load(OfflineFixtures.clean(seed));
            assertTrue(outcome.passed(), "seed " + seed + ": " + outcome);
        }
    }

    @Test
    void eachSqlDefectIsRefusedByPostgresqlWithItsSqlstate() throws Exception {
        for (var e : SQLSTATE.entrySet()) {
            for (long seed = 0; seed < 8; seed++) {
                var outcome = ScenarioDatabase.load(Implementation.files(OfflineFixtures.design(seed), EnumSet.of(e.getKey())));
                assertEquals(e.getValue(), outcome.sqlState(), e.getKey() + " seed " + seed + ": " + outcome);
                assertTrue(outcome.error().startsWith(ScenarioFiles.SEED_SQL), outcome.error());
            }
        }
    }

    @Test
    void anUnmetExpectationFailsItsSqlTest() throws Exception {
        for (long seed = 0; seed < 8; seed++) {
            var outcome = ScenarioDatabase.load(Implementation.files(OfflineFixtures.design(seed), EnumSet.of(Defect.UNMET_EXPECTATION)));
            assertEquals(null, outcome.sqlState(), outcome.toString());
            assertEquals(1, outcome.failedTests().size(), outcome.toString());
            assertTrue(outcome.failedTests().getFirst().endsWith("< min"), outcome.toString());
        }
    }

    /**
     * The pipeline as the seeds meet it: a seed with a dry-run defect has a first implementation the database or the
     * startup script refuses, and the validate stage's repair passes both.
     */
    @Test
    void seedsWithDryRunDefectsFailFirstAndPassRepaired(@TempDir Path tmp) throws Exception {
        var author = new OfflineServiceAuthor();
        int seen = 0;
        for (long seed = 0; seed < OfflineFixtures.SEEDS; seed++) {
            var defect = Defect.forSeed(seed);
            if (defect.isEmpty() || defect.get().detection() != Defect.Detection.DRY_RUN) continue;
            seen++;
            var first = OfflineServiceAuthorTest.files(author.reply(OfflineFixtures.request("implement", "Begin.", 1, seed)).text());
            assertFalse(dryRunPasses(first, Files.createDirectory(tmp.resolve("first" + seed))), defect.get() + " seed " + seed);
            var repaired = OfflineServiceAuthorTest.files(author.reply(OfflineFixtures.request("validate", "## Feedback ...", 2, seed)).text());
            assertTrue(dryRunPasses(repaired, Files.createDirectory(tmp.resolve("repaired" + seed))), defect.get() + " seed " + seed);
        }
        assertTrue(seen >= 8, "only " + seen + " seeds with dry-run defects");
    }

    /** The dry-run's verdict in short: the SQL loads, the SQL tests hold, and both scripts run with DRY_RUN=1. */
    private static boolean dryRunPasses(Map<String, String> files, Path dir) throws Exception {
        if (!ScenarioDatabase.load(files).passed()) return false;
        OfflineFixtures.write(dir, files);
        for (String script : List.of(ScenarioFiles.STARTUP, ScenarioFiles.TEST_SCRIPT)) {
            if (ScriptRun.of(dir, Map.of("DRY_RUN", "1"), "bash", script).exit() != 0) return false;
        }
        return true;
    }
}
