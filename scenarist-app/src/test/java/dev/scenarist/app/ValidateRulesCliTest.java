package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --rules mujoco|benchmark}: real third-party models judged as MuJoCo judges them, read where they lie
 * (includes and meshes in sibling folders with --allow-read), a Menagerie robot with real STL meshes, and the report
 * saying which rules applied.
 */
class ValidateRulesCliTest {
    static final Path REPO = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
    static final Path SHARED = REPO.resolve("../shared/data/mjcf").normalize();
    static final Path GRIPPER = REPO.resolve("packs/mechanisms/src/test/resources/menagerie/robotiq_2f85/2f85.xml");

    @TempDir
    Path tmp;

    CliRun cli(String... args) {
        return CliRun.in(tmp.resolve("data"), args);
    }

    static void requireShared() {
        assumeTrue(Files.isDirectory(SHARED.resolve("valid")), "the shared data folder " + SHARED
                + " (real MuJoCo models) is missing: skipping the real-model validate tests");
    }

    @TestFactory
    Stream<DynamicTest> everyValidSharedModelPassesUnderTheMujocoRules() throws IOException {
        requireShared();
        List<Path> models;
        try (var files = Files.list(SHARED.resolve("valid"))) {
            models = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(models).hasSizeGreaterThan(40);
        return models.stream().map(m -> DynamicTest.dynamicTest(m.getFileName().toString(), () -> {
            var r = cli("validate", "--pack", "mechanisms", "--rules", "mujoco", m.toString());
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).containsPattern("rules +mujoco").contains("MUJOCO_SIMULATED").doesNotContain("[error]");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidSharedModelFailsWithMujocosOwnFirstMessage() throws IOException {
        requireShared();
        Path dir = SHARED.resolve("invalid");
        String md = Files.readString(dir.resolve("SOURCES.md"));
        Matcher section = Pattern.compile("(?m)^## (\\S+\\.xml)\\s*$").matcher(md);
        List<Map.Entry<String, Integer>> starts = new ArrayList<>();
        while (section.find()) starts.add(Map.entry(section.group(1), section.end()));
        assertThat(starts).hasSize(7);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String file = starts.get(i).getKey();
            String body = md.substring(starts.get(i).getValue(), i + 1 < starts.size() ? starts.get(i + 1).getValue() : md.length());
            Matcher a = Pattern.compile("(?m)^- asserted substring\\(s\\): `([^`]*)`").matcher(body);
            assertThat(a.find()).as(file).isTrue();
            String first = a.group(1);
            tests.add(DynamicTest.dynamicTest(file, () -> {
                var r = cli("validate", "--pack", "mechanisms", "--rules", "mujoco", dir.resolve(file).toString());
                assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
                String firstError = r.out().lines().filter(l -> l.contains("[error]")).findFirst().orElse("");
                assertThat(firstError).as(r.out()).contains(first);
            }));
        }
        return tests.stream();
    }

    /** robot/robot.xml includes ../common/floor.xml and takes its mesh from ../assets/, as Menagerie-style models do. */
    private Path modelWithSiblingFiles() throws IOException {
        Path models = tmp.resolve("models");
        Files.createDirectories(models.resolve("common"));
        Files.createDirectories(models.resolve("assets"));
        Files.createDirectories(models.resolve("robot"));
        Files.writeString(models.resolve("common/floor.xml"), """
                <mujoco>
                  <worldbody>
                    <geom name="floor" type="plane" size="1 1 0.1"/>
                  </worldbody>
                </mujoco>
                """);
        Files.write(models.resolve("assets/cube.stl"), cubeStl(0.05));
        Path robot = models.resolve("robot/robot.xml");
        Files.writeString(robot, """
                <mujoco model="sibling-files">
                  <compiler meshdir="../assets"/>
                  <include file="../common/floor.xml"/>
                  <asset>
                    <mesh name="cube" file="cube.stl"/>
                  </asset>
                  <worldbody>
                    <body name="block" pos="0 0 0.3">
                      <freejoint/>
                      <geom type="mesh" mesh="cube"/>
                    </body>
                  </worldbody>
                </mujoco>
                """);
        return robot;
    }

    @Test
    void aModelIncludingFilesFromSiblingFoldersValidatesInPlaceWithTheirParentAllowed() throws IOException {
        Path robot = modelWithSiblingFiles();

        var allowed = cli("validate", "--pack", "mechanisms", "--allow-read", tmp.resolve("models").toString(), robot.toString());

        assertThat(allowed.code()).as(allowed.out() + allowed.err()).isZero();
        assertThat(allowed.out()).containsPattern("rules +mujoco").containsPattern("mjcf-static +passed")
                .containsPattern("mujoco-simulation +passed").contains("MUJOCO_SIMULATED");
    }

    @Test
    void aModelThatCannotBeReadLeavesItsMeshesNotJudgedNeverPassed() throws IOException {
        Path broken = Files.writeString(tmp.resolve("broken.xml"), "<mujoco><worldbody><geom type=\"box\" size=\"1 1\"/></worldbody>\n");

        var r = cli("validate", "--pack", "mechanisms", broken.toString());

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern("mjcf-static +failed").containsPattern("meshes +not judged: .*broken.xml could not be read")
                .doesNotContainPattern("meshes +passed");
    }

    @Test
    void withoutTheParentAllowedTheSiblingFilesAreRefusedNamingThePathAndTheFix() throws IOException {
        Path robot = modelWithSiblingFiles();

        var refused = cli("validate", "--pack", "mechanisms", robot.toString());

        assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(refused.out()).contains("MJCF_OUTSIDE_FOLDER")
                .contains(tmp.resolve("models/common/floor.xml").toString())
                .contains("--allow-read " + tmp.resolve("models/common"))
                .contains("--allow-read " + tmp.resolve("models/assets"));
    }

    @Test
    void aMenagerieRobotWithRealMeshesPassesUnderMujocoWithMeshWarningsAndFailsTheBenchmarkRules() {
        var mujoco = cli("--json", "validate", "--pack", "mechanisms", GRIPPER.toString());
        var benchmark = cli("validate", "--pack", "mechanisms", "--rules", "benchmark", GRIPPER.toString());

        assertThat(mujoco.code()).as(mujoco.out() + mujoco.err()).isZero();
        assertThat(mujoco.json().get("rules")).isEqualTo("mujoco");
        assertThat(mujoco.err()).as("the human lines of a --json run").containsPattern("rules +mujoco")
                .contains("[warning] MESH_INCONSISTENT_ORIENTATION at assets/base.stl").contains("convex hull")
                .doesNotContain("[error]");
        assertThat(benchmark.code()).as(benchmark.out()).isEqualTo(1);
        assertThat(benchmark.out()).containsPattern("rules +benchmark").containsPattern("meshes +failed")
                .contains("[error] MESH_INCONSISTENT_ORIENTATION at assets/base.stl");
    }

    @Test
    void aRuleSetThePackDoesNotHaveIsRefusedNamingTheOnesItHas() {
        var r = cli("validate", "--pack", "mechanisms", "--rules", "strictest", GRIPPER.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--rules strictest").contains("mujoco (").contains("benchmark (");
    }

    @Test
    void aPackWithOneWayOfJudgingRefusesRulesAndSaysNoRulesLine() throws IOException {
        Path item = Files.createDirectories(tmp.resolve("item"));

        var r = cli("validate", "--pack", "sql-quiz", "--rules", "mujoco", item.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--rules mujoco: pack 'sql-quiz' has one set of rules; drop --rules");
    }

    @Test
    void aScenarioFolderIsJudgedByTheBenchmarkRulesAndTheReportSaysSo() throws IOException {
        Path scenario = Files.createDirectories(tmp.resolve("scenario"));

        var r = cli("--json", "validate", "--pack", "mechanisms", scenario.toString());

        assertThat(r.json().get("rules")).as(r.out() + r.err()).isEqualTo("benchmark");
        assertThat(r.err()).containsPattern("rules +benchmark +the strict rules of generated benchmark scenes");
    }

    /** A closed, outward-oriented cube of half-size {@code h} as binary STL. */
    static byte[] cubeStl(double h) {
        float s = (float) h;
        float[][] v = {{-s, -s, -s}, {s, -s, -s}, {s, s, -s}, {-s, s, -s}, {-s, -s, s}, {s, -s, s}, {s, s, s}, {-s, s, s}};
        int[][] t = {{0, 2, 1}, {0, 3, 2}, {4, 5, 6}, {4, 6, 7}, {0, 1, 5}, {0, 5, 4}, {2, 3, 7}, {2, 7, 6}, {1, 2, 6}, {1, 6, 5},
                {0, 4, 7}, {0, 7, 3}};
        ByteBuffer b = ByteBuffer.allocate(84 + 50 * t.length).order(ByteOrder.LITTLE_ENDIAN);
        b.position(80);
        b.putInt(t.length);
        for (int[] tri : t) {
            for (int k = 0; k < 3; k++) b.putFloat(0f);
            for (int corner : tri) for (float c : v[corner]) b.putFloat(c);
            b.putShort((short) 0);
        }
        return b.array();
    }
}
