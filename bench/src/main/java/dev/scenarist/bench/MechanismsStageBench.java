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
            System.out.printf(Locale.ROOT, "{\"scenarios\":%d,\"variants_per_scenario\":%d,\"reps\":%d,"
                            + "\"ms_per_scenario\":{\"dom_parse_baseline\":%.2f,\"static\":%.2f,\"mesh\":%.2f,\"mujoco_load_baseline\":%.2f,\"simulation\":%.2f},"
                            + "\"ratio\":{\"static_vs_dom_parse\":%.2f,\"simulation_vs_mujoco_load\":%.2f}}%n",
                    scenarios.size(), scenes(scenarios.getFirst()).size(), reps, best[0], best[1], best[2], best[3], best[4],
                    best[1] / best[0], best[4] / best[3]);
        }
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
