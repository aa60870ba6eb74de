package dev.scenarist.packs.mechanisms.internal.validation;

import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.packs.mechanisms.internal.mesh.MeshChecker;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfValidator;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome;
import dev.scenarist.packs.mechanisms.internal.sim.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One built template: its folder (scenes {@code scene_<seed>.xml}, {@code meshes/}, {@code build.json}) and the later
 * stages run on it. Each stage runs once: its report is written to {@code <stage>.json} in the folder and read back
 * from there afterwards. A stage only looks at variants that passed every stage before it.
 */
public final class TemplateBuild {
    public static final String STATIC = "static";
    public static final String MESH = "mesh";
    public static final String SIMULATION = "simulation";

    private final Path folder;
    private final BuildReport report;

    TemplateBuild(Path folder, BuildReport report) {
        this.folder = folder;
        this.report = report;
    }

    public Path folder() {
        return folder;
    }

    public BuildReport report() {
        return report;
    }

    /** Strict static MJCF validation of every built scene. */
    public StageReport staticStage() {
        return cached(STATIC, () -> {
            MjcfValidator mjcf = new MjcfValidator();
            List<VariantVerdict> out = new ArrayList<>();
            for (VariantFiles v : report.variants()) {
                if (!v.built()) continue;
                long t0 = System.nanoTime();
                List<Finding> findings = located(mjcf.validate(folder.resolve(v.scene())), v);
                out.add(new VariantVerdict(v.seed(), v.scale(), findings, millisSince(t0), null));
            }
            return out;
        });
    }

    /** Watertight, manifold, oriented, positive-volume, non-self-intersecting meshes, for variants that passed static. */
    public StageReport meshStage() {
        StageReport before = staticStage();
        return cached(MESH, () -> {
            List<VariantVerdict> out = new ArrayList<>();
            for (VariantFiles v : report.variants()) {
                if (!passed(before, v)) continue;
                long t0 = System.nanoTime();
                List<Finding> findings = new ArrayList<>();
                for (String mesh : v.meshes()) findings.addAll(MeshChecker.exact().inspect(folder.resolve(mesh), mesh).findings());
                out.add(new VariantVerdict(v.seed(), v.scale(), located(findings, v), millisSince(t0), null));
            }
            return out;
        });
    }

    /**
     * One simulated second (the limits' duration) per variant that passed static and mesh checks. Empty when the
     * simulator is unavailable, with the reason: the caller reports that as an infrastructure error, not a verdict.
     */
    public Result<StageReport> simulationStage(Simulator simulator, SimulationLimits limits) {
        return simulationStage(StabilityRun.simulated(simulator, limits));
    }

    /** The simulation stage with each variant's stability run got from {@code stability} (see {@link StabilityRun}). */
    public Result<StageReport> simulationStage(StabilityRun stability) {
        StageReport meshes = meshStage();
        try {
            return new Result.Ok<>(cached(SIMULATION, () -> {
                List<VariantVerdict> out = new ArrayList<>();
                for (VariantFiles v : report.variants()) {
                    if (!passed(meshes, v)) continue;
                    long t0 = System.nanoTime();
                    List<Finding> findings = new ArrayList<>();
                    SimulationMeasures measures = null;
                    switch (stability.run(folder, v)) {
                        case SimulationOutcome.Unavailable u -> throw new SimulatorUnavailable(u.reason());
                        case SimulationOutcome.LoadFailed f -> findings.add(Finding.error("MUJOCO_LOAD", f.message(), v.scene(), v.label()));
                        case SimulationOutcome.SimulationFailed f -> findings.add(Finding.error("MUJOCO_SIMULATION", f.message(), v.scene(), v.label()));
                        case SimulationOutcome.Simulated ok -> {
                            measures = SimulationMeasures.of(ok.report());
                            ok.report().problems().forEach(p -> findings.add(Finding.error("MUJOCO_UNSTABLE", p, v.scene(), v.label())));
                        }
                    }
                    out.add(new VariantVerdict(v.seed(), v.scale(), findings, millisSince(t0), measures));
                }
                return out;
            }));
        } catch (SimulatorUnavailable e) {
            return new Result.Unavailable<>(e.getMessage()); // nothing is written: the stage runs again next time
        }
    }

    /** A stage that can be unavailable (the simulator): its report, or why it could not run. */
    public sealed interface Result<T> {
        record Ok<T>(T value) implements Result<T> {}

        record Unavailable<T>(String reason) implements Result<T> {}
    }

    /** Ends the simulation stage early, unrecorded, when the engine cannot run. */
    private static final class SimulatorUnavailable extends RuntimeException {
        SimulatorUnavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    private interface StageWork {
        List<VariantVerdict> run();
    }

    /** Runs a stage once: its report is written to {@code <stage>.json} and read back from there afterwards. */
    private StageReport cached(String stage, StageWork work) {
        Path file = folder.resolve(stage + ".json");
        if (Files.exists(file)) return Json.read(read(file), StageReport.class);
        long t0 = System.nanoTime();
        List<VariantVerdict> verdicts = work.run();
        StageReport r = new StageReport(stage, verdicts, millisSince(t0));
        write(file, r);
        return r;
    }

    private static boolean passed(StageReport stage, VariantFiles v) {
        return stage.variants().stream().anyMatch(x -> x.seed() == v.seed() && x.passed());
    }

    /** Findings name the variant in their hint, so the author knows which seed and scale broke. */
    private static List<Finding> located(List<Finding> findings, VariantFiles v) {
        return findings.stream().map(f -> f.withHint(v.label() + (f.hint().isEmpty() ? "" : "; " + f.hint()))).toList();
    }

    static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Written whole, so a crash never leaves a half report that a resumed run would trust. */
    static void write(Path file, Object value) {
        try {
            AtomicFile.write(file, Json.pretty(value).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
