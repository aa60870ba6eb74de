package dev.scenarist.packs.services.internal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.packs.services.format.ScenarioFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImplementationTest {
    private static final Set<String> CATALOG = Set.of("postgres", "redis", "minio", "qdrant", "n8n", "node-red", "ollama", "mailhog");

    static SortedMap<String, String> example() throws IOException, URISyntaxException {
        Path root = Path.of(ImplementationTest.class.getResource("/example/appointment-booking").toURI());
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
        }
        return out;
    }

    @Test
    void theLintAcceptsTheReferenceExample() throws Exception {
        assertEquals(List.of(), ScenarioLint.problems(example()));
    }

    @Test
    void everySeedWritesEveryKindOfFileTheExampleHas() throws Exception {
        var example = example().keySet();
        for (long seed = 0; seed < OfflineFixtures.SEEDS; seed++) {
            var files = new TreeMap<>(OfflineFixtures.clean(seed));
            files.put(ScenarioFiles.PLAN, PlanDraft.text(OfflineFixtures.design(seed), PlanGap.LAST_ROUND));
            for (String path : example) {
                String folder = path.substring(0, path.lastIndexOf('/') + 1);
                String ext = path.substring(path.lastIndexOf('.'));
                boolean present = folder.equals(ScenarioFiles.N8N_DIR) || folder.equals(ScenarioFiles.PROMPTS_DIR)
                        ? files.keySet().stream().anyMatch(p -> p.startsWith(folder) && p.endsWith(ext))
                        : files.containsKey(path);
                assertTrue(present, "seed " + seed + " lacks " + path);
            }
        }
    }

    @Test
    void everyCleanImplementationPassesTheStaticRules() throws Exception {
        var json = new ObjectMapper();
        for (long seed = 0; seed < OfflineFixtures.SEEDS; seed++) {
            var files = OfflineFixtures.clean(seed);
            assertEquals(List.of(), ScenarioLint.problems(files), "seed " + seed);
            var plan = json.readTree(PlanDraft.text(OfflineFixtures.design(seed), 0));
            plan.path("resources").forEach(r -> assertTrue(CATALOG.contains(r.path("name").asText()), r.toString()));
            var service = json.readTree(files.get(ScenarioFiles.SERVICE));
            assertEquals(plan.path("service_name").asText(), service.path("service").path("name").asText());
            assertEquals(plan.path("category").asText(), service.path("service").path("category").asText());
        }
    }

    @Test
    void everyScriptParsesPassesShellcheckAndRunsDry(@TempDir Path tmp) throws Exception {
        for (long seed = 0; seed < OfflineFixtures.SEEDS; seed++) {
            Path dir = OfflineFixtures.write(Files.createDirectory(tmp.resolve("s" + seed)), OfflineFixtures.clean(seed));
            assertScriptsClean(dir, "seed " + seed);
            for (String script : List.of(ScenarioFiles.STARTUP, ScenarioFiles.TEST_SCRIPT)) {
                var run = ScriptRun.of(dir, Map.of("DRY_RUN", "1"), "bash", script);
                assertEquals(0, run.exit(), "seed " + seed + " " + script + ": " + run.stderr());
                assertTrue(run.stdout().contains("[dry-run]"), run.stdout());
                assertEquals("", run.stderr(), "seed " + seed + " " + script);
            }
        }
    }

    static void assertScriptsClean(Path dir, String what) {
        for (String script : List.of(ScenarioFiles.STARTUP, ScenarioFiles.TEST_SCRIPT)) {
            var syntax = ScriptRun.of(dir, Map.of(), "bash", "-n", script);
            assertEquals(0, syntax.exit(), what + " " + script + ": " + syntax.stderr());
        }
        var lint = ScriptRun.of(dir, Map.of(), "shellcheck", "-S", "error", "-f", "gcc", ScenarioFiles.STARTUP, ScenarioFiles.TEST_SCRIPT);
        assertEquals(0, lint.exit(), what + ": " + lint.stdout());
    }

    @Test
    void dryRunDefectsPassEveryStaticRule(@TempDir Path tmp) throws Exception {
        for (Defect defect : Defect.detectedBy(Defect.Detection.DRY_RUN)) {
            for (long seed = 0; seed < 8; seed++) {
                var files = Implementation.files(OfflineFixtures.design(seed), EnumSet.of(defect));
                assertNotEquals(OfflineFixtures.clean(seed), files, defect + " changes nothing for seed " + seed);
                assertEquals(List.of(), ScenarioLint.problems(files), defect + " seed " + seed);
                assertScriptsClean(OfflineFixtures.write(Files.createDirectory(tmp.resolve(defect + "-" + seed)), files), defect + " seed " + seed);
            }
        }
    }

    @Test
    void startupFailsOnTheMissingConfigFileAndPassesRepaired(@TempDir Path tmp) throws Exception {
        for (long seed = 0; seed < 8; seed++) {
            var d = OfflineFixtures.design(seed);
            Path broken = OfflineFixtures.write(Files.createDirectory(tmp.resolve("broken" + seed)),
                    Implementation.files(d, EnumSet.of(Defect.MISSING_CONFIG_FILE)));
            var run = ScriptRun.of(broken, Map.of("DRY_RUN", "1"), "bash", ScenarioFiles.STARTUP);
            assertNotEquals(0, run.exit(), "seed " + seed);
            assertTrue(run.stderr().contains("No such file or directory") && run.stderr().contains(Scripts.MISSING_CONFIG), run.stderr());
            Path repaired = OfflineFixtures.write(Files.createDirectory(tmp.resolve("repaired" + seed)), Implementation.files(d, Set.of()));
            assertEquals(0, ScriptRun.of(repaired, Map.of("DRY_RUN", "1"), "bash", ScenarioFiles.STARTUP).exit(), "seed " + seed);
        }
    }

    @Test
    void staticDefectsAreWhatTheStaticRulesReport() {
        for (long seed = 0; seed < 8; seed++) {
            var d = OfflineFixtures.design(seed);
            List<String> missing = ScenarioLint.problems(Implementation.files(d, EnumSet.of(Defect.MISSING_PHASE_FILE)));
            assertEquals(List.of("task load-reference-data names missing file " + ServiceJson.MISSING_SQL), missing, "seed " + seed);
            List<String> clash = new ArrayList<>(ScenarioLint.problems(Implementation.files(d, EnumSet.of(Defect.PORT_CLASH))));
            assertEquals(1, clash.size(), clash.toString());
            assertTrue(clash.getFirst().startsWith("PORT_CLASH"), clash.toString());
        }
    }
}
