package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationReport;
import dev.scenarist.packs.mechanisms.internal.sim.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ode4j.ode.DMisc;
import org.ode4j.ode.OdeHelper;

/**
 * A pure-Java {@link Simulator}: the MJCF scene mapped into ode4j (ODE for Java) — the fallback where Node.js or the
 * MuJoCo npm package is missing. See the package comment for what is mapped, how, and what only approximately.
 *
 * <p>Every run reports the same measurements as the MuJoCo sidecar, with {@link SimulationReport#approximations()}
 * listing where this model of the scene departs from MuJoCo's; a scene it cannot represent at all (height fields,
 * flex bodies, OBJ meshes, ...) is answered {@link SimulationOutcome.Unavailable} rather than judged wrongly. A scene
 * the static validator rejects is {@link SimulationOutcome.LoadFailed}, as MuJoCo would refuse to load it.
 *
 * <p><b>Solvers.</b> A run steps with ODE's direct (Dantzig LCP) solver, the exact one. Where its solution pulls a
 * joint apart (or it throws) — it does on some articulated models — the run is repeated from the start with ODE's
 * iterative solver, and the report says so; if that fails as well, the answer is {@code Unavailable}: a solver
 * failure is not a finding about the scene.
 *
 * <p><b>Determinism.</b> The direct solver draws no random numbers; the iterative one may reorder constraints at
 * random. ode4j's generator is seeded with {@value #SEED} before every run, and contacts are generated over a fixed
 * list of geom pairs in a fixed order, so two runs of one scene give identical reports (but for the wall time).
 *
 * <p><b>Threads.</b> ode4j keeps process-wide state (its random seed, collider tables, caches), so runs are
 * serialized on one lock; the class is thread-safe and holds no other state.
 */
public final class OdeSimulator implements Simulator {
    /** The engine name in every report. */
    public static final String ENGINE = "ode4j 0.5.3 (pure Java fallback)";
    /** The seed of ode4j's random generator, set before every run. */
    public static final long SEED = 20_250_101L;

    /** Serializes runs: see the class comment. A lock, not state. */
    private static final Object ODE_LOCK = new Object();

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public SimulationOutcome simulate(Path sceneXml, SimulationLimits limits) {
        Path xml = sceneXml.toAbsolutePath().normalize();
        if (!Files.isRegularFile(xml)) {
            return new SimulationOutcome.LoadFailed("scene file does not exist: " + xml);
        }
        MjcfModel model;
        switch (MjcfModel.read(xml)) {
            case MjcfModel.Invalid invalid -> {
                return new SimulationOutcome.LoadFailed(invalid.message());
            }
            case MjcfModel.Valid valid -> model = valid.model();
        }
        ModelSpec spec;
        try {
            spec = ModelCompiler.compile(model);
        } catch (UnsupportedModelException e) {
            return new SimulationOutcome.Unavailable("the ode4j fallback cannot simulate " + xml.getFileName() + ": "
                    + e.getMessage() + " (install Node.js 20+ and the MuJoCo sidecar to judge it)");
        } catch (RuntimeException e) {
            return new SimulationOutcome.Unavailable("the ode4j fallback could not map " + xml.getFileName() + ": "
                    + e);
        }
        try {
            OdeRun.checkSteps(spec.options().timestep(), limits);
        } catch (OdeRun.TooManyStepsException e) {
            return new SimulationOutcome.SimulationFailed(e.getMessage());
        }
        synchronized (ODE_LOCK) {
            Runtime.ensureInitialized();
            OdeRun.Outcome direct = run(spec, limits, OdeRun.Solver.DIRECT);
            if (direct instanceof OdeRun.Outcome.Finished f) {
                return new SimulationOutcome.Simulated(f.report());
            }
            OdeRun.Outcome iterative = run(spec, limits, OdeRun.Solver.ITERATIVE);
            if (iterative instanceof OdeRun.Outcome.Finished f) {
                return new SimulationOutcome.Simulated(f.report());
            }
            // the solver, not the scene, failed: no verdict
            return new SimulationOutcome.Unavailable("ode4j could not simulate " + xml.getFileName()
                    + " faithfully: with the direct solver " + ((OdeRun.Outcome.SolverFailed) direct).reason()
                    + "; with the iterative solver " + ((OdeRun.Outcome.SolverFailed) iterative).reason()
                    + " (install Node.js 20+ and the MuJoCo sidecar to judge it)");
        }
    }

    /** One run in a fresh world (the generator seeded first, so that both solvers start from the same state). */
    private static OdeRun.Outcome run(ModelSpec spec, SimulationLimits limits, OdeRun.Solver solver) {
        DMisc.dRandSetSeed(SEED);
        OdeWorld world = null;
        OdeRun run = null;
        try {
            world = new OdeWorld(spec);
            run = new OdeRun(world);
            return run.run(limits, solver, ENGINE, spec.approximations());
        } catch (RuntimeException e) {
            return new OdeRun.Outcome.SolverFailed("ODE failed while building the world: " + e);
        } finally {
            if (run != null) {
                run.close();
            }
            if (world != null) {
                world.close();
            }
        }
    }

    /** ODE's one-time global initialization (collider tables), done once per JVM on first use. */
    private static final class Runtime {
        static {
            OdeHelper.initODE2(0);
        }

        private Runtime() {}

        static void ensureInitialized() {
            // the static initializer above has run by the time this returns
        }
    }
}
