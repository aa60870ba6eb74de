package dev.scenarist.bench;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.packs.mechanisms.MechanismsSettings;
import dev.scenarist.packs.mechanisms.SceneChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * Time per scenario of each validation stage, re-measured one scenario at a time on the scenarios a
 * {@code generate} left in a data folder (every variant's scene and meshes), with a baseline from the same session
 * for each: static validation against a plain DOM parse of the same XML, and the 1 s simulation against MuJoCo
 * loading the scene and taking a single step (the floor any simulation-based check pays).
 *
 * <p>Then the 1 s simulations again, all scenes of all scenarios, once through a single sidecar from one thread and
 * once through a pool of one sidecar per processor fed by as many threads: wall time per scenario, each as a ratio
 * to MuJoCo's own load-and-step time measured above.
 *
 * <pre>java -cp scenarist-bench.jar dev.scenarist.bench.MechanismsStageBench DATA_DIR [REPS [SIDECAR_DIR]]</pre>
 *
 * SIDECAR_DIR is the MuJoCo sidecar folder; without it, it is looked for from the working directory up. (An
 * argument rather than the environment: only the application reads that.) MuJoCo is forced: the numbers are about
 * the reference engine, never silently about the fallback. The checks are the pack's own, through its public
 * {@link SceneChecks}: the code every variant of a run goes through.
 */
public final class MechanismsStageBench {
    /** The simulated time every variant of a run gets. */
    private static final double SECONDS = 1.0;
    /** Less than any timestep: MuJoCo loads the scene and takes a single step. */
    private static final double ONE_STEP = 1e-9;

    private MechanismsStageBench() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).resolve("scenarios/mechanisms");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path sidecarDir = args.length > 2 ? Path.of(args[2])
                : MechanismsSettings.locateSidecar(Path.of("").toAbsolutePath()).orElse(Path.of("packs/mechanisms/src/main/resources/sidecar"));
        List<Path> scenarios;
        try (Stream<Path> s = Files.list(root)) {
            scenarios = s.filter(Files::isDirectory).sorted().toList();
        }
        var factory = DocumentBuilderFactory.newInstance();
        try (SceneChecks checks = new SceneChecks(MechanismsSettings.mujoco(sidecarDir))) {
            warmUp(checks, scenarios.getFirst());
            double[] best = new double[5];
            java.util.Arrays.fill(best, Double.MAX_VALUE);
            for (int rep = 0; rep < reps; rep++) {
                double dom = 0, stat = 0, mesh = 0, load = 0, sim = 0;
                for (Path dir : scenarios) {
                    List<Path> scenes = scenes(dir);
                    for (Path xml : scenes) {
                        long t0 = System.nanoTime();
                        factory.newDocumentBuilder().parse(xml.toFile());
                        long t1 = System.nanoTime();
                        if (checks.validate(xml).stream().anyMatch(f -> f.isError())) throw new IllegalStateException("invalid: " + xml);
                        long t2 = System.nanoTime();
                        dom += t1 - t0;
                        stat += t2 - t1;
                    }
                    try (Stream<Path> m = Files.list(dir.resolve("meshes"))) {
                        for (Path stl : m.sorted().toList()) {
                            long t0 = System.nanoTime();
                            checks.inspectMesh(stl);
                            mesh += System.nanoTime() - t0;
                        }
                    }
                    for (Path xml : scenes) {
                        long t0 = System.nanoTime();
                        require(checks.simulate(xml, ONE_STEP), xml);
                        long t1 = System.nanoTime();
                        require(checks.simulate(xml, SECONDS), xml);
                        long t2 = System.nanoTime();
                        load += t1 - t0;
                        sim += t2 - t1;
                    }
                }
                double n = scenarios.size() * 1e6;
                double[] now = {dom / n, stat / n, mesh / n, load / n, sim / n};
                for (int i = 0; i < 5; i++) best[i] = Math.min(best[i], now[i]);
            }
            int cores = Runtime.getRuntime().availableProcessors();
            double oneSidecar = simulateAll(sidecarDir, scenarios, 1, reps);
            double pool = simulateAll(sidecarDir, scenarios, cores, reps);
            System.out.printf(Locale.ROOT, "{\"scenarios\":%d,\"variants_per_scenario\":%d,\"reps\":%d,"
                            + "\"ms_per_scenario\":{\"dom_parse_baseline\":%.2f,\"static\":%.2f,\"mesh\":%.2f,\"mujoco_load_baseline\":%.2f,\"simulation\":%.2f,"
                            + "\"simulation_wall_1_sidecar\":%.2f,\"simulation_wall_pool\":%.2f},\"pool_sidecars\":%d,"
                            + "\"ratio\":{\"static_vs_dom_parse\":%.2f,\"simulation_vs_mujoco_load\":%.2f,"
                            + "\"simulation_wall_1_sidecar_vs_mujoco_load\":%.2f,\"simulation_wall_pool_vs_mujoco_load\":%.2f,\"pool_speedup\":%.2f}}%n",
                    scenarios.size(), scenes(scenarios.getFirst()).size(), reps, best[0], best[1], best[2], best[3], best[4],
                    oneSidecar, pool, cores,
                    best[1] / best[0], best[4] / best[3], oneSidecar / best[3], pool / best[3], oneSidecar / pool);
        }
    }

    /**
     * Wall time per scenario to simulate every scene for 1 s with {@code sidecars} MuJoCo sidecars fed by as many
     * threads (best of {@code reps}): how much a pool of sidecars lets concurrent runs simulate at once.
     */
    private static double simulateAll(Path sidecarDir, List<Path> scenarios, int sidecars, int reps) throws Exception {
        List<Path> all = new ArrayList<>();
        for (Path dir : scenarios) all.addAll(scenes(dir));
        var settings = new MechanismsSettings(MechanismsSettings.SimulatorChoice.MUJOCO, java.util.Optional.of(sidecarDir),
                java.util.Optional.empty(), "", sidecars);
        double best = Double.MAX_VALUE;
        try (SceneChecks checks = new SceneChecks(settings);
                var threads = java.util.concurrent.Executors.newFixedThreadPool(sidecars)) {
            for (int rep = 0; rep <= reps; rep++) { // the first round starts the sidecars and is not counted
                var next = new java.util.concurrent.atomic.AtomicInteger();
                long t0 = System.nanoTime();
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int t = 0; t < sidecars; t++) {
                    done.add(threads.submit(() -> {
                        for (int i; (i = next.getAndIncrement()) < all.size(); ) require(checks.simulate(all.get(i), SECONDS), all.get(i));
                        return null;
                    }));
                }
                for (var f : done) f.get();
                if (rep > 0) best = Math.min(best, (System.nanoTime() - t0) / 1e6 / scenarios.size());
            }
        }
        return best;
    }

    private static List<Path> scenes(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().matches("scene_\\d+\\.xml")).sorted().toList());
        }
    }

    private static void warmUp(SceneChecks checks, Path dir) throws Exception {
        for (Path xml : scenes(dir)) require(checks.simulate(xml, SECONDS), xml);
    }

    /** An accepted scene passes its simulation; anything else (MuJoCo missing, a load error) makes the numbers meaningless. */
    private static void require(CheckResult r, Path xml) {
        if (!(r instanceof CheckResult.Passed)) throw new IllegalStateException(xml + ": " + r);
    }
}
