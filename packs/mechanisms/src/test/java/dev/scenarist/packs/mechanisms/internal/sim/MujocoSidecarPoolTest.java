package dev.scenarist.packs.mechanisms.internal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scenarist.packs.mechanisms.ThisMachine;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * A pool of real MuJoCo sidecars: simulations run in parallel, each on its own process, as the processes themselves
 * report (their pid and when they served the request) — no timing is asserted. Skips, naming the fix, where Node or the
 * npm package is missing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MujocoSidecarPoolTest {
    /** ~100 000 steps of a trivial model: about a second of work for one process. */
    private static final Path SLOW = scene("slow.xml");

    private static MujocoSidecarPool pool(int size) {
        Optional<String> reason;
        try (MujocoSidecar probe = ThisMachine.mujoco()) {
            reason = probe.unavailableReason();
        }
        MujocoSidecarPool pool = new MujocoSidecarPool(size, ThisMachine::mujoco);
        assumeTrue(reason.isEmpty(), () -> "MuJoCo sidecar unavailable, pool tests skipped: " + reason.orElseThrow());
        return pool;
    }

    private static Path scene(String name) {
        try {
            return Path.of(MujocoSidecarPoolTest.class.getResource("/sim/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code n} requests for the slow scene, released at the same moment from {@code n} threads. */
    private static List<MujocoSidecar.Served> together(MujocoSidecarPool pool, int n) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier start = new CyclicBarrier(n);
            List<Future<MujocoSidecar.Served>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return pool.served(SLOW, SimulationLimits.of(1.0), null);
                }));
            }
            List<MujocoSidecar.Served> out = new ArrayList<>();
            for (Future<MujocoSidecar.Served> f : futures) {
                MujocoSidecar.Served s = f.get(120, TimeUnit.SECONDS);
                assertThat(s.outcome()).isInstanceOf(SimulationOutcome.Simulated.class);
                out.add(s);
            }
            return out;
        } finally {
            threads.shutdownNow();
        }
    }

    private static boolean overlap(MujocoSidecar.Served a, MujocoSidecar.Served b) {
        return a.fromMillis() < b.untilMillis() && b.fromMillis() < a.untilMillis();
    }

    @Test
    void two_simulations_run_at_the_same_time_on_two_sidecars() throws Exception {
        try (MujocoSidecarPool pool = pool(2)) {
            together(pool, 2); // both processes started: what follows is simulation, not start-up
            List<MujocoSidecar.Served> s = together(pool, 2);

            assertThat(s.get(0).pid()).as("served by different processes").isNotEqualTo(s.get(1).pid()).isPositive();
            assertThat(overlap(s.get(0), s.get(1)))
                    .as("the two simulations overlap in time: %s and %s", s.get(0), s.get(1)).isTrue();
            assertThat(pool.starts()).isEqualTo(2);
        }
    }

    /** A no-op play of {@code scene}'s ... with a goal zone added, written to a file of its own. */
    private static Path withGoal(Path dir, String name, double x) throws Exception {
        Path xml = dir.resolve(name);
        java.nio.file.Files.writeString(xml, java.nio.file.Files.readString(scene("drop.xml")).replace("</worldbody>",
                "<geom name=\"zone_goal\" type=\"box\" size=\"0.1 0.1 0.1\" pos=\"" + x + " 5 5\" contype=\"0\" conaffinity=\"0\"/></worldbody>"));
        return xml;
    }

    private static com.fasterxml.jackson.databind.JsonNode play(MujocoSidecarPool pool, Path xml) {
        var request = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("duration", 0.2).put("goal", "zone_goal").put("hold", 0.1);
        request.putObject("subject").put("kind", "body").put("name", "ball");
        var answer = pool.evaluate(xml, request, why -> { throw new AssertionError(why); }).orElseThrow();
        assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isTrue();
        return answer;
    }

    @Test
    void a_scene_is_played_again_by_the_sidecar_that_holds_its_compiled_model(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (MujocoSidecarPool pool = pool(2)) {
            Path a = withGoal(dir, "a.xml", 5);
            Path b = withGoal(dir, "b.xml", 6);
            // the two scenes played at once: one on each sidecar
            ExecutorService threads = Executors.newFixedThreadPool(2);
            long pidA;
            long pidB;
            try {
                CyclicBarrier start = new CyclicBarrier(2);
                Future<com.fasterxml.jackson.databind.JsonNode> fa = threads.submit(() -> { start.await(); return play(pool, a); });
                Future<com.fasterxml.jackson.databind.JsonNode> fb = threads.submit(() -> { start.await(); return play(pool, b); });
                pidA = fa.get(60, TimeUnit.SECONDS).path("pid").asLong();
                pidB = fb.get(60, TimeUnit.SECONDS).path("pid").asLong();
            } finally {
                threads.shutdownNow();
            }
            assumeTrue(pidA != pidB, "both plays happened to run on one sidecar (one finished before the other began)");

            // one caller now, alternating: the most recently used sidecar would serve both; each goes back to its own
            for (int round = 0; round < 2; round++) {
                var againA = play(pool, a);
                var againB = play(pool, b);
                assertThat(againA.path("pid").asLong()).as("round %d, scene a", round).isEqualTo(pidA);
                assertThat(againB.path("pid").asLong()).as("round %d, scene b", round).isEqualTo(pidB);
                assertThat(againA.path("model_cached").asBoolean()).isTrue();
                assertThat(againB.path("model_cached").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void one_sidecar_serves_one_simulation_at_a_time() throws Exception {
        try (MujocoSidecarPool pool = pool(1)) {
            List<MujocoSidecar.Served> s = together(pool, 2);

            assertThat(s.get(0).pid()).isEqualTo(s.get(1).pid());
            assertThat(overlap(s.get(0), s.get(1))).as("%s and %s", s.get(0), s.get(1)).isFalse();
        }
    }

    @Test
    void a_sequential_caller_starts_only_one_sidecar() throws Exception {
        try (MujocoSidecarPool pool = pool(4)) {
            for (int i = 0; i < 3; i++) {
                assertThat(pool.simulate(scene("drop.xml"), SimulationLimits.defaults())).isInstanceOf(SimulationOutcome.Simulated.class);
            }
            assertThat(pool.starts()).isEqualTo(1);
            assertThat(pool.pids()).hasSize(1);
        }
    }

    @Test
    void a_crashed_sidecar_is_replaced_and_the_pool_keeps_its_size() throws Exception {
        try (MujocoSidecarPool pool = pool(2)) {
            together(pool, 2);
            List<Long> before = pool.pids();
            assertThat(before).hasSize(2);
            ProcessHandle crashed = ProcessHandle.of(before.getFirst()).orElseThrow();
            crashed.destroyForcibly();
            crashed.onExit().get(10, TimeUnit.SECONDS);

            List<MujocoSidecar.Served> s = together(pool, 2);

            assertThat(s).extracting(MujocoSidecar.Served::pid).doesNotContain(before.getFirst()).doesNotHaveDuplicates();
            assertThat(pool.pids()).hasSize(2).contains(before.get(1)).doesNotContain(before.getFirst());
            assertThat(pool.starts()).isEqualTo(3);
        }
    }

    @Test
    void close_stops_every_sidecar() throws Exception {
        MujocoSidecarPool pool = pool(2);
        together(pool, 2);
        List<ProcessHandle> running = pool.pids().stream().map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
        assertThat(running).hasSize(2);

        pool.close();

        assertThat(pool.pids()).isEmpty();
        assertThat(running).noneMatch(ProcessHandle::isAlive);
    }

    /** The node processes this JVM started that are still alive (the sidecars, by their command). */
    static List<ProcessHandle> nodeChildren() {
        return ProcessHandle.current().children()
                .filter(h -> h.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("node")).orElse(false))
                .toList();
    }

    @Test
    void a_warm_up_starts_the_sidecar_the_next_request_takes() throws Exception {
        try (MujocoSidecarPool pool = pool(2)) {
            pool.warmUp();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (pool.pids().isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            List<Long> warmed = pool.pids();
            assertThat(warmed).as("the warm-up started one sidecar").hasSize(1);

            MujocoSidecar.Served s = pool.served(scene("drop.xml"), SimulationLimits.defaults(), null);

            assertThat(s.pid()).as("the request was served by the warmed-up process").isEqualTo(warmed.getFirst());
            assertThat(pool.starts()).isEqualTo(1);
        }
    }

    @Test
    void closing_the_pool_stops_a_warm_up_nobody_used_even_one_still_starting() throws Exception {
        List<Long> before = nodeChildren().stream().map(ProcessHandle::pid).toList();
        MujocoSidecarPool pool = pool(2);
        pool.warmUp(); // and closed at once: the start-up is under way, or not begun

        pool.close();

        assertThat(pool.pids()).isEmpty();
        assertThat(nodeChildren()).as("no node process of this pool is left").extracting(ProcessHandle::pid)
                .isSubsetOf(before);

        MujocoSidecarPool warmed = pool(2);
        warmed.warmUp();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (warmed.pids().isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
        ProcessHandle started = ProcessHandle.of(warmed.pids().getFirst()).orElseThrow();

        warmed.close();

        assertThat(started.isAlive()).as("the warmed-up sidecar is stopped").isFalse();
        assertThat(nodeChildren()).extracting(ProcessHandle::pid).isSubsetOf(before);
    }
}
