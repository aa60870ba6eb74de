package dev.scenarist.packs.mechanisms.internal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scenarist.packs.mechanisms.MechanismsSettings;
import dev.scenarist.packs.mechanisms.SharedData;
import dev.scenarist.packs.mechanisms.ThisMachine;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome.LoadFailed;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome.Simulated;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome.SimulationFailed;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome.Unavailable;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MuJoCo sidecar against REAL MuJoCo (npm @mujoco/mujoco in Node). Skips, naming the fix, where Node or the npm
 * package is missing ({@code packs/mechanisms/src/main/resources/sidecar/install.sh}), and the shared-model tests
 * skip where {@code ../shared/data/mjcf} is missing.
 *
 * <p>Long on purpose: the tests share one started sidecar (starting MuJoCo costs seconds), so they stay in one class.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MujocoSidecarTest {
    private static final double G = 9.81;

    private static MujocoSidecar shared;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSharedSidecar() {
        shared = ThisMachine.mujoco();
    }

    @AfterAll
    static void stopSharedSidecar() {
        if (shared != null) {
            shared.close();
        }
    }

    /** The shared sidecar, or skip naming why it cannot run. */
    private static MujocoSidecar sidecar() {
        Optional<String> reason = shared.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "MuJoCo sidecar unavailable, simulation tests skipped: " + reason.orElseThrow());
        return shared;
    }

    private static Path scene(String name) {
        try {
            return Path.of(MujocoSidecarTest.class.getResource("/sim/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path sharedData() {
        Optional<Path> root = SharedData.mjcfDir();
        assumeTrue(root.isPresent(), SharedData.missing("these tests need it"));
        return root.orElseThrow();
    }

    private static SimulationReport simulated(SimulationOutcome outcome) {
        assertThat(outcome).isInstanceOf(Simulated.class);
        return ((Simulated) outcome).report();
    }

    // ---- the real third-party models ------------------------------------------------------------------------------

    @Test
    void every_valid_shared_model_loads_and_simulates_one_second_without_NaN() {
        Path valid = sharedData().resolve("valid");
        MujocoSidecar mujoco = sidecar();
        List<Path> files = SharedData.xmlFiles(valid);
        assertThat(files).isNotEmpty();

        SoftAssertions soft = new SoftAssertions();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-38s %9s %6s %12s  %-22s %9s  %s%n",
                "model", "timestep", "steps", "max speed", "fastest body", "wall ms", "warnings"));
        for (Path file : files) {
            SimulationOutcome outcome = mujoco.simulate(file, SimulationLimits.defaults());
            String name = file.getFileName().toString();
            soft.assertThat(outcome).as(name).isInstanceOf(Simulated.class);
            if (!(outcome instanceof Simulated(SimulationReport r))) {
                table.append(name).append("  ").append(outcome).append('\n');
                continue;
            }
            long expected = Math.round(1.0 / r.timestep());
            soft.assertThat(r.steps()).as(name + " steps").isBetween(expected - 1, expected + 1);
            soft.assertThat(r.simulatedSeconds()).as(name + " simulated seconds").isCloseTo(1.0, within(r.timestep()));
            soft.assertThat(r.nan()).as(name + " NaN").isFalse();
            soft.assertThat(r.maxBodySpeed()).as(name + " max speed").isFinite().isGreaterThanOrEqualTo(0);
            table.append(String.format(Locale.ROOT, "%-38s %9.5f %6d %12.6f  %-22s %9.1f  %s%n", name, r.timestep(),
                    r.steps(), r.maxBodySpeed(), r.maxBodySpeedBody(), r.wallMillis(),
                    r.warnings().stream().map(w -> w.code() + "×" + w.count()).toList()));
        }
        System.out.print(table);
        soft.assertAll();
    }

    @Test
    void every_invalid_shared_model_is_rejected_with_the_message_its_sources_name() throws IOException {
        Path invalid = sharedData().resolve("invalid");
        MujocoSidecar mujoco = sidecar();
        Map<String, List<String>> expected = SharedMjcfData.expectedErrors(invalid.resolve("SOURCES.md"));
        List<Path> files = SharedData.xmlFiles(invalid);
        assertThat(files).isNotEmpty();

        SoftAssertions soft = new SoftAssertions();
        for (Path file : files) {
            String name = file.getFileName().toString();
            List<String> substrings = expected.get(name);
            soft.assertThat(substrings).as(name + " is documented in SOURCES.md with its asserted substrings").isNotEmpty();
            SimulationOutcome outcome = mujoco.simulate(file, SimulationLimits.defaults());
            soft.assertThat(outcome).as(name).isInstanceOf(LoadFailed.class);
            if (outcome instanceof LoadFailed(String message) && substrings != null) {
                System.out.println(name + " -> " + message.replace("\n", " | "));
                for (String s : substrings) {
                    soft.assertThat(message).as(name).contains(s);
                }
            }
        }
        soft.assertAll();
    }

    // ---- the measurements ----------------------------------------------------------------------------------------

    @Test
    void a_ball_in_free_fall_for_one_second_reaches_g_times_T_and_breaks_a_tiny_speed_limit() {
        MujocoSidecar mujoco = sidecar();

        SimulationReport tiny = simulated(mujoco.simulate(scene("drop.xml"), SimulationLimits.defaults().withSpeedLimit(1.0)));
        assertThat(tiny.maxBodySpeed()).isCloseTo(G * 1.0, within(1e-6));
        assertThat(tiny.maxBodySpeedBody()).isEqualTo("ball");
        assertThat(tiny.speedLimitExceededAt()).isNotNull().isCloseTo(1.0 / G, within(0.01));
        assertThat(tiny.exceedsSpeedLimit()).isTrue();
        assertThat(tiny.problems()).singleElement().asString().contains("'ball'", "over the limit of 1.000 m/s");

        SimulationReport normal = simulated(mujoco.simulate(scene("drop.xml"), SimulationLimits.defaults()));
        assertThat(normal.limits().speedLimit()).isCloseTo(G * 1.5 + 1, within(1e-9));
        assertThat(normal.speedLimitExceededAt()).isNull();
        assertThat(normal.problems()).isEmpty();
        assertThat(normal.steps()).isEqualTo(500);
        assertThat(normal.gravity()).containsExactly(0.0, 0.0, -G);
    }

    @Test
    void two_overlapping_boxes_report_their_initial_penetration_and_the_pair() {
        SimulationReport r = simulated(sidecar().simulate(scene("overlap.xml"), SimulationLimits.defaults()));

        assertThat(r.initialPenetration()).isCloseTo(0.05, within(1e-6));
        assertThat(r.penetratingPair()).containsExactlyInAnyOrder("box_a_geom", "box_b_geom");
        assertThat(r.initiallyPenetrating()).isTrue();
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("interpenetrate by 0.05000 m"));
    }

    @Test
    void a_baseline_only_sidecar_runs_node_with_liftoff_only_and_simulates_the_same() throws IOException {
        SimulationReport tiered = simulated(sidecar().simulate(scene("resting.xml"), SimulationLimits.defaults()));
        try (MujocoSidecar baseline = new MujocoSidecar(sidecar().sidecarDir(), "node",
                MechanismsSettings.WasmTiers.BASELINE.nodeFlags(), MujocoSidecar.DEFAULT_REQUEST_TIMEOUT,
                MujocoSidecar.DEFAULT_STARTUP_TIMEOUT)) {
            SimulationReport r = simulated(baseline.simulate(scene("resting.xml"), SimulationLimits.defaults()));
            String cmdline = Files.readString(Path.of("/proc/" + baseline.pid().orElseThrow() + "/cmdline")).replace('\0', ' ');

            assertThat(cmdline).contains("--liftoff-only").contains(MujocoSidecar.SCRIPT);
            // WebAssembly arithmetic is exact IEEE whichever compiler made the code: the same numbers
            assertThat(r.maxBodySpeed()).isEqualTo(tiered.maxBodySpeed());
            assertThat(r.initialPenetration()).isEqualTo(tiered.initialPenetration());
        }
    }

    @Test
    void a_box_authored_resting_on_the_floor_is_not_flagged_as_penetrating() {
        SimulationReport r = simulated(sidecar().simulate(scene("resting.xml"), SimulationLimits.defaults()));

        assertThat(r.initialContacts()).isPositive();
        assertThat(r.initialPenetration()).isLessThan(1e-6);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void a_scene_that_explodes_is_reported_unstable_with_MuJoCos_warning() {
        SimulationReport r = simulated(sidecar().simulate(scene("explode.xml"), SimulationLimits.defaults()));

        assertThat(r.unstable()).isTrue();
        assertThat(r.warnings()).extracting(SimulationReport.EngineWarning::code).contains("mjWARN_BADQACC");
        assertThat(r.resets()).isPositive();
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("mjWARN_BADQACC", "unstable"));
    }

    @Test
    void a_play_of_a_scene_that_explodes_reports_MuJoCos_warnings_as_its_last_step_left_them() throws IOException {
        // the exploding bob with a goal zone far away: every step resets the state, so the counters stand at 1
        Path xml = tmp.resolve("explode-task.xml");
        Files.writeString(xml, Files.readString(scene("explode.xml")).replace("</worldbody>",
                "<geom name=\"zone_goal\" type=\"box\" size=\"0.1 0.1 0.1\" pos=\"5 5 5\" contype=\"0\" conaffinity=\"0\"/></worldbody>"));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var request = mapper.createObjectNode().put("duration", 1.0).put("goal", "zone_goal").put("hold", 0.1);
        request.putObject("subject").put("kind", "body").put("name", "bob");
        var answer = sidecar().evaluate(xml, request, why -> {}).orElseThrow();

        assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.path("steps").asInt()).isEqualTo(20);
        assertThat(answer.path("warnings").findValuesAsText("code")).contains("mjWARN_BADQACC");
        assertThat(answer.path("hold_achieved_at").isNull()).isTrue();
    }

    /** A no-op play of {@code name} with a goal far away, asking for the stability run of {@code limits}. */
    private static com.fasterxml.jackson.databind.node.ObjectNode noopPlayAskingStability(SimulationLimits limits) {
        var request = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("duration", 2.0).put("goal", "zone_goal").put("hold", 0.1);
        request.putObject("subject").put("kind", "geom").put("name", "zone_goal");
        var stability = request.putObject("stability").put("duration", limits.duration()).put("speed_limit", limits.speedLimit());
        if (limits.bounds() != null) {
            var b = limits.bounds();
            stability.putObject("bounds").set("min", stability.arrayNode().add(b.minX()).add(b.minY()).add(b.minZ()));
            ((com.fasterxml.jackson.databind.node.ObjectNode) stability.get("bounds")).set("max", stability.arrayNode().add(b.maxX()).add(b.maxY()).add(b.maxZ()));
        }
        return request;
    }

    private Path withGoal(String name) throws IOException {
        Path xml = tmp.resolve("goal-" + name);
        Files.writeString(xml, Files.readString(scene(name)).replace("</worldbody>",
                "<geom name=\"zone_goal\" type=\"box\" size=\"0.1 0.1 0.1\" pos=\"5 5 5\" contype=\"0\" conaffinity=\"0\"/></worldbody>"));
        return xml;
    }

    @Test
    void a_noop_play_asked_for_stability_measures_its_first_second_as_simulate_does_resets_and_bounds_included() throws IOException {
        // what lets the simulation stage take a variant's stability run from its task's no-op play
        SimulationLimits limits = SimulationLimits.defaults().withBounds(new SimulationLimits.Bounds(-5, -5, 8, 5, 5, 20));
        for (String name : List.of("explode.xml", "drop.xml", "overlap.xml")) {
            Path xml = withGoal(name);
            var answer = sidecar().evaluate(xml, noopPlayAskingStability(limits), why -> {}).orElseThrow();
            SimulationReport played = simulated(sidecar().stability(answer, limits).orElseThrow(() -> new AssertionError(answer.toString())));
            SimulationReport alone = simulated(sidecar().simulate(xml, limits));
            assertThat(played.problems()).as(name).isEqualTo(alone.problems());
            assertThat(played.warnings()).as(name).isEqualTo(alone.warnings());
            assertThat(played.outOfBounds()).as(name).isEqualTo(alone.outOfBounds());
            assertThat(List.of(played.steps(), played.resets(), played.maxBodySpeed(), played.maxBodySpeedTime(), played.initialPenetration(), played.initialContacts()))
                    .as(name).isEqualTo(List.of(alone.steps(), alone.resets(), alone.maxBodySpeed(), alone.maxBodySpeedTime(), alone.initialPenetration(), alone.initialContacts()));
        }
    }

    /** An answer without what differs between two plays of the same thing (timing, the cache, which process). */
    private static com.fasterxml.jackson.databind.JsonNode measured(com.fasterxml.jackson.databind.JsonNode answer) {
        var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) answer).deepCopy();
        copy.remove(List.of("wall_ms", "model_cached", "pid", "id"));
        if (copy.get("stability") instanceof com.fasterxml.jackson.databind.node.ObjectNode st) st.remove("wall_ms");
        return copy;
    }

    @Test
    void a_scene_played_again_reuses_its_compiled_model_until_a_file_of_it_changes() throws IOException {
        Path xml = withGoal("drop.xml");
        var request = noopPlayAskingStability(SimulationLimits.defaults());
        var first = sidecar().evaluate(xml, request, why -> {}).orElseThrow();
        var again = sidecar().evaluate(xml, request, why -> {}).orElseThrow();

        assertThat(first.path("ok").asBoolean()).as(first.toString()).isTrue();
        assertThat(again.path("model_cached").asBoolean()).as("the second play of the same files").isTrue();
        assertThat(measured(again)).as("the same play measures the same from the cached model").isEqualTo(measured(first));

        // the same path with other content: compiled afresh, and the change shows in what is measured
        Files.writeString(xml, Files.readString(xml).replace("size=\"0.1 0.1 0.1\" pos=\"5 5 5\"", "size=\"0.2 0.2 0.2\" pos=\"5 5 5\""));
        var changed = sidecar().evaluate(xml, request, why -> {}).orElseThrow();
        assertThat(changed.path("model_cached").asBoolean()).as("a changed scene is never served from the cache").isFalse();
        assertThat(changed.path("initial_depth").asDouble()).isNotEqualTo(first.path("initial_depth").asDouble());
    }

    @Test
    void a_play_that_applies_something_does_not_answer_for_the_stability_run() throws IOException {
        Path xml = withGoal("drop.xml");
        SimulationLimits limits = SimulationLimits.defaults();
        var commanded = noopPlayAskingStability(limits);
        commanded.putArray("controls").addObject().put("name", "p").put("kind", "push").put("body", "ball").put("min", -1).put("max", 1)
                .putArray("direction").add(1).add(0).add(0);
        commanded.putArray("schedule").addObject().put("t", 0).put("control", "p").put("mode", "set").put("value", 0.5);
        var a = sidecar().evaluate(xml, commanded, why -> {}).orElseThrow();
        assertThat(sidecar().stability(a, limits)).as(a.toString()).isEmpty();
        assertThat(a.path("stability_unmeasured").asText()).contains("commands");

        var pushedAtRest = noopPlayAskingStability(limits);
        pushedAtRest.putArray("controls").addObject().put("name", "p").put("kind", "push").put("body", "ball").put("min", 0.5).put("max", 1)
                .putArray("direction").add(1).add(0).add(0);
        var b = sidecar().evaluate(xml, pushedAtRest, why -> {}).orElseThrow();
        assertThat(sidecar().stability(b, limits)).as(b.toString()).isEmpty();
        assertThat(b.path("stability_unmeasured").asText()).contains("excludes 0");
    }

    @Test
    void a_body_leaving_the_bounds_is_listed_with_when_and_where() {
        SimulationLimits limits = SimulationLimits.defaults().withBounds(new SimulationLimits.Bounds(-5, -5, 8, 5, 5, 20));
        SimulationReport r = simulated(sidecar().simulate(scene("drop.xml"), limits));

        double expectedTime = Math.sqrt(2 * 2.0 / G); // falls 2 m from z = 10 to z = 8
        assertThat(r.outOfBounds()).singleElement().satisfies(e -> {
            assertThat(e.body()).isEqualTo("ball");
            assertThat(e.time()).isCloseTo(expectedTime, within(0.005));
            assertThat(e.z()).isLessThan(8).isGreaterThan(7.9);
        });
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("left the bounds"));
    }

    @Test
    void a_binary_STL_mesh_loads_and_an_ASCII_STL_is_rejected_by_MuJoCo() throws IOException {
        Files.createDirectories(tmp.resolve("meshes"));
        Files.write(tmp.resolve("meshes/cube.stl"), binaryCubeStl(0.1));
        Files.writeString(tmp.resolve("meshes/ascii.stl"), asciiCubeStl(0.1));
        String xml = """
                <mujoco model="mesh">
                  <compiler meshdir="meshes"/>
                  <asset><mesh name="cube" file="%s"/></asset>
                  <worldbody>
                    <geom name="floor" type="plane" size="5 5 0.1"/>
                    <body name="block" pos="0 0 0.5"><freejoint/><geom type="mesh" mesh="cube" density="1000"/></body>
                  </worldbody>
                </mujoco>
                """;
        Files.writeString(tmp.resolve("binary.xml"), xml.formatted("cube.stl"));
        Files.writeString(tmp.resolve("ascii.xml"), xml.formatted("ascii.stl"));
        MujocoSidecar mujoco = sidecar();

        SimulationReport r = simulated(mujoco.simulate(tmp.resolve("binary.xml"), SimulationLimits.defaults()));
        assertThat(r.maxBodySpeed()).isCloseTo(Math.sqrt(2 * G * 0.4), within(0.1)); // lands after falling 0.4 m

        SimulationOutcome ascii = mujoco.simulate(tmp.resolve("ascii.xml"), SimulationLimits.defaults());
        assertThat(ascii).isInstanceOfSatisfying(LoadFailed.class, f -> assertThat(f.message())
                .contains("ASCII", tmp.resolve("meshes/ascii.stl").toString()));
    }

    @Test
    void unnamed_bodies_and_geoms_are_labelled_by_their_ids() throws IOException {
        Files.writeString(tmp.resolve("unnamed.xml"), """
                <mujoco>
                  <worldbody>
                    <geom type="plane" size="1 1 0.1"/>
                    <body pos="0 0 0.05"><freejoint/><geom type="box" size="0.1 0.1 0.1"/></body>
                  </worldbody>
                </mujoco>
                """);
        SimulationReport r = simulated(sidecar().simulate(tmp.resolve("unnamed.xml"), SimulationLimits.defaults()));

        assertThat(r.maxBodySpeedBody()).isEqualTo("body#1");
        assertThat(r.penetratingPair()).containsExactly("world/geom#0", "body#1/geom#1");
        assertThat(r.initialPenetration()).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void includes_resolve_against_the_scene_folder() throws IOException {
        Files.createDirectories(tmp.resolve("parts"));
        Files.writeString(tmp.resolve("parts/ball.xml"), """
                <mujoco><worldbody><body name="included_ball" pos="0 0 5"><freejoint/>
                  <geom type="sphere" size="0.1" mass="1"/></body></worldbody></mujoco>
                """);
        Files.writeString(tmp.resolve("main.xml"), "<mujoco><include file=\"parts/ball.xml\"/></mujoco>\n");

        SimulationReport r = simulated(sidecar().simulate(tmp.resolve("main.xml"), SimulationLimits.defaults()));
        assertThat(r.maxBodySpeedBody()).isEqualTo("included_ball");
    }

    @Test
    void a_missing_scene_file_fails_to_load_with_its_path() {
        SimulationOutcome outcome = shared.simulate(tmp.resolve("nope.xml"), SimulationLimits.defaults());
        assertThat(outcome).isInstanceOfSatisfying(LoadFailed.class,
                f -> assertThat(f.message()).contains("does not exist", "nope.xml"));
    }

    @Test
    void a_timestep_needing_more_steps_than_the_cap_fails_the_simulation_without_running_it() {
        SimulationOutcome outcome = sidecar().simulate(scene("slow.xml"), SimulationLimits.of(20));
        assertThat(outcome).isInstanceOfSatisfying(SimulationFailed.class,
                f -> assertThat(f.message()).contains("2000000 steps", "cap"));
    }

    @Test
    void concurrent_callers_are_served_one_at_a_time_and_all_get_their_answer() throws Exception {
        MujocoSidecar mujoco = sidecar();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SimulationOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = i % 2 == 0 ? "drop.xml" : "overlap.xml";
                futures.add(pool.submit(() -> mujoco.simulate(scene(name), SimulationLimits.defaults())));
            }
            for (int i = 0; i < futures.size(); i++) {
                SimulationReport r = simulated(futures.get(i).get(30, TimeUnit.SECONDS));
                if (i % 2 == 0) {
                    assertThat(r.maxBodySpeedBody()).isEqualTo("ball");
                } else {
                    assertThat(r.penetratingPair()).hasSize(2);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- process lifecycle ----------------------------------------------------------------------------------------

    @Test
    void a_killed_sidecar_is_restarted_transparently_on_the_next_request() throws Exception {
        sidecar();
        try (MujocoSidecar mujoco = new MujocoSidecar(shared.sidecarDir())) {
            simulated(mujoco.simulate(scene("drop.xml"), SimulationLimits.defaults()));
            long first = mujoco.pid().orElseThrow();

            ProcessHandle handle = ProcessHandle.of(first).orElseThrow();
            handle.destroyForcibly();
            handle.onExit().get(10, TimeUnit.SECONDS);

            SimulationReport r = simulated(mujoco.simulate(scene("drop.xml"), SimulationLimits.defaults()));
            assertThat(r.maxBodySpeed()).isCloseTo(G, within(1e-6));
            assertThat(mujoco.pid().orElseThrow()).isNotEqualTo(first);
            assertThat(mujoco.starts()).isEqualTo(2);
        }
    }

    @Test
    void a_sidecar_killed_in_the_middle_of_a_request_is_replaced_and_the_request_retried() throws Exception {
        sidecar();
        try (MujocoSidecar mujoco = new MujocoSidecar(shared.sidecarDir())) {
            simulated(mujoco.simulate(scene("drop.xml"), SimulationLimits.defaults()));
            long first = mujoco.pid().orElseThrow();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                // ~100 000 steps of a trivial model: about a second of work
                Future<SimulationOutcome> slow = pool.submit(() -> mujoco.simulate(scene("slow.xml"), SimulationLimits.of(1.0)));
                Thread.sleep(300);
                ProcessHandle.of(first).orElseThrow().destroyForcibly();

                SimulationReport r = simulated(slow.get(30, TimeUnit.SECONDS));
                assertThat(r.steps()).isEqualTo(100_000);
                assertThat(mujoco.starts()).isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void a_request_that_outlives_its_timeout_answers_unavailable_and_the_next_one_gets_a_fresh_sidecar() {
        sidecar();
        // 2 s: short beside the slow scene's work, long enough for a fresh sidecar's 1 s drop on a loaded 2-core machine
        try (MujocoSidecar mujoco = new MujocoSidecar(shared.sidecarDir(), Duration.ofSeconds(2))) {
            SimulationOutcome hung = mujoco.simulate(scene("slow.xml"), SimulationLimits.of(10.0)); // ~10 s of work (the step cap allows no more)
            assertThat(hung).isInstanceOfSatisfying(Unavailable.class,
                    u -> assertThat(u.reason()).contains("no answer within 2.0 s"));
            assertThat(mujoco.pid()).isEmpty();

            simulated(mujoco.simulate(scene("drop.xml"), SimulationLimits.defaults()));
            assertThat(mujoco.starts()).isEqualTo(2);
        }
    }

    @Test
    void a_sidecar_folder_without_the_npm_package_is_unavailable_and_names_the_install_script() throws IOException {
        Files.writeString(tmp.resolve(MujocoSidecar.SCRIPT), "// not installed\n");
        try (MujocoSidecar mujoco = new MujocoSidecar(tmp)) {
            SimulationOutcome outcome = mujoco.simulate(scene("drop.xml"), SimulationLimits.defaults());
            assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                    u -> assertThat(u.reason()).contains("@mujoco/mujoco", "install.sh", "npm ci"));
        }
    }

    @Test
    void a_missing_node_executable_is_unavailable_and_names_the_fix() {
        try (MujocoSidecar mujoco = new MujocoSidecar(shared.sidecarDir(), "/nonexistent/node",
                Duration.ofSeconds(5), Duration.ofSeconds(5))) {
            assumeTrue(MujocoSidecar.isInstalled(shared.sidecarDir()),
                    "the sidecar's npm package is not installed: run packs/mechanisms/src/main/resources/sidecar/install.sh");
            SimulationOutcome outcome = mujoco.simulate(scene("drop.xml"), SimulationLimits.defaults());
            assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                    u -> assertThat(u.reason()).contains("/nonexistent/node", "Node.js 20+", MechanismsSettings.NODE_ENV));
        }
    }

    @Test
    void the_default_speed_limit_is_one_and_a_half_g_T_plus_one_metre_per_second() {
        assertThat(SimulationLimits.defaultSpeedLimit(1.0)).isCloseTo(15.715, within(1e-9));
        assertThat(SimulationLimits.defaultSpeedLimit(2.0)).isCloseTo(30.43, within(1e-9));
        assertThat(SimulationLimits.defaults().bounds()).isNull();
        assertThat(SimulationLimits.defaults().penetrationTolerance()).isEqualTo(1e-3);
    }

    /** The same cube as ASCII STL, which MuJoCo does not read. */
    static String asciiCubeStl(double h) {
        ByteBuffer b = ByteBuffer.wrap(binaryCubeStl(h)).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder s = new StringBuilder("solid cube\n");
        for (int t = 0; t < 12; t++) {
            s.append(" facet normal 0 0 0\n  outer loop\n");
            for (int k = 0; k < 3; k++) {
                int at = 84 + 50 * t + 12 + 12 * k;
                s.append(String.format(Locale.ROOT, "   vertex %g %g %g%n", b.getFloat(at), b.getFloat(at + 4), b.getFloat(at + 8)));
            }
            s.append("  endloop\n endfacet\n");
        }
        return s.append("endsolid cube\n").toString();
    }

    /** A binary STL of an axis-aligned cube with half-size {@code h}, outward-facing triangles. */
    static byte[] binaryCubeStl(double h) {
        float[][] v = new float[8][];
        for (int i = 0; i < 8; i++) {
            v[i] = new float[] {(float) ((i & 1) == 0 ? -h : h), (float) ((i & 2) == 0 ? -h : h), (float) ((i & 4) == 0 ? -h : h)};
        }
        int[][] tris = {{0, 2, 1}, {1, 2, 3}, {4, 5, 6}, {5, 7, 6}, {0, 1, 4}, {1, 5, 4},
                        {2, 6, 3}, {3, 6, 7}, {0, 4, 2}, {2, 4, 6}, {1, 3, 5}, {3, 7, 5}};
        ByteBuffer b = ByteBuffer.allocate(84 + 50 * tris.length).order(ByteOrder.LITTLE_ENDIAN);
        b.position(80);
        b.putInt(tris.length);
        for (int[] t : tris) {
            for (int k = 0; k < 3; k++) {
                b.putFloat(0f); // normal: MuJoCo recomputes it
            }
            for (int k : t) {
                b.putFloat(v[k][0]).putFloat(v[k][1]).putFloat(v[k][2]);
            }
            b.putShort((short) 0);
        }
        return b.array();
    }
}
