package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.scene.Vec3;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationReport;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Body;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ode4j.math.DVector3;
import org.ode4j.ode.DBody;

/**
 * One simulation of a {@link ModelSpec} in ODE, measured the way the MuJoCo sidecar measures: the linear speed of
 * every moving body's centre of mass at states 0…N (N = round(duration / timestep)), the first non-finite state, the
 * deepest interpenetration at t = 0, and the moving bodies whose centre of mass leaves the bounds.
 *
 * <p>Two ways a run can end early:
 * <ul>
 *   <li>the state becomes non-finite or exceeds 1e10 (MuJoCo's mjMAXVAL) with the joints intact: the scene itself is
 *       unstable, as MuJoCo would find; the report says so ({@link #BAD_STATE});</li>
 *   <li>ODE's solution pulls a joint apart ({@link JointBinding#broken()}) or the solver throws: the solver
 *       lost its way on this scene, which says nothing about the scene ({@link Outcome.SolverFailed}).</li>
 * </ul>
 */
final class OdeRun {
    /** The warning code for a state ODE cannot continue from (non-finite or beyond MuJoCo's mjMAXVAL = 1e10). */
    static final String BAD_STATE = SimulationReport.ODE_BAD_STATE;
    /** MuJoCo's mjMAXVAL: larger positions or velocities count as a blown-up state. */
    private static final double MAX_VALUE = 1e10;
    /** The same cap on steps as the sidecar's default. */
    static final long MAX_STEPS = 1_000_000;
    /** Iterations of ODE's iterative solver when it stands in for the direct one. */
    static final int ITERATIONS = 200;

    /** Which of ODE's solvers steps the world. */
    enum Solver {
        /** {@code dWorldStep}: a direct LCP solve per step (Dantzig), exact to rounding when it succeeds. */
        DIRECT,
        /** {@code dWorldQuickStep} with {@value #ITERATIONS} iterations: robust, less exact on stiff chains. */
        ITERATIVE
    }

    /** How a run ended. */
    sealed interface Outcome {
        record Finished(SimulationReport report) implements Outcome {}

        record SolverFailed(String reason) implements Outcome {}
    }

    private final OdeWorld world;
    private final ContactPass contacts;
    private final AppliedForces forces;
    private final List<Body> moving = new ArrayList<>();

    OdeRun(OdeWorld world) {
        this.world = world;
        this.contacts = new ContactPass(world);
        this.forces = new AppliedForces(world);
        for (Body b : world.spec.bodies()) {
            if (!b.world() && world.weld[b.id()] != 0) {
                moving.add(b);
            }
        }
    }

    /** Checks the step count against the cap before anything is built. */
    static void checkSteps(double timestep, SimulationLimits limits) throws TooManyStepsException {
        long steps = Math.round(limits.duration() / timestep);
        if (steps > MAX_STEPS) {
            throw new TooManyStepsException("timestep " + timestep + " s needs " + steps + " steps for "
                    + limits.duration() + " s, more than the cap of " + MAX_STEPS);
        }
    }

    /** The step count exceeds the cap. */
    static final class TooManyStepsException extends Exception {
        TooManyStepsException(String message) {
            super(message);
        }
    }

    Outcome run(SimulationLimits limits, Solver solver, String engine, List<String> approximations) {
        long started = System.nanoTime();
        double h = world.timestep;
        long steps = Math.round(limits.duration() / h);
        if (solver == Solver.ITERATIVE) {
            world.world.setQuickStepNumIterations(ITERATIONS);
        }
        ContactPass.Penetration initial = world.spec.options().contact() ? contacts.initial()
                : new ContactPass.Penetration(0, List.of(), 0);
        Recorder rec = new Recorder(limits);
        rec.sample(0);
        long done = 0;
        try {
            for (long i = 1; i <= steps; i++) {
                forces.apply();
                if (world.spec.options().contact()) {
                    contacts.generate();
                }
                if (solver == Solver.DIRECT) {
                    world.world.step(h);
                } else {
                    world.world.quickStep(h);
                }
                done = i;
                if (!rec.finite(i * h)) {
                    break;
                }
                String broken = brokenJoint();
                if (broken != null) {
                    return new Outcome.SolverFailed(broken + " at t=" + (float) (i * h) + " s");
                }
                rec.sample(i * h);
            }
        } catch (RuntimeException e) {
            return new Outcome.SolverFailed("ODE failed at t=" + (float) ((done + 1) * h) + " s: " + e);
        }
        Vec3 g = world.spec.options().gravity();
        List<SimulationReport.EngineWarning> warnings = new ArrayList<>();
        if (rec.badAt != null) {
            warnings.add(new SimulationReport.EngineWarning(BAD_STATE, 1, 0, rec.badText));
        }
        List<String> notes = new ArrayList<>(approximations);
        world.notes.list().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        List<String> reached = world.joints.stream().filter(j -> j.limitReached).map(j -> "'" + j.spec.label() + "'")
                .toList();
        if (!reached.isEmpty()) {
            notes.add(OdeWorld.LIMIT_NOTE.formatted(String.join(", ", reached)));
        }
        if (solver == Solver.ITERATIVE) {
            notes.add("ODE's direct solver failed on this scene; it was simulated with ODE's iterative solver ("
                    + ITERATIONS + " iterations per step), which is less exact on stiff chains");
        }
        return new Outcome.Finished(new SimulationReport(engine, limits, h, done, done * h,
                List.of(g.x(), g.y(), g.z()), rec.maxSpeed, rec.maxBody, rec.maxTime, rec.limitExceededAt, rec.nan,
                rec.nanTime, initial.depth(), initial.pair(), initial.contacts(), new ArrayList<>(rec.exits.values()),
                warnings, 0, Math.round((System.nanoTime() - started) / 1e5) / 10.0, notes));
    }

    private String brokenJoint() {
        for (JointBinding j : world.joints) {
            String b = j.broken();
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    void close() {
        contacts.close();
    }

    /** What the run measured so far. */
    private final class Recorder {
        final SimulationLimits limits;
        double maxSpeed;
        String maxBody;
        double maxTime;
        Double limitExceededAt;
        boolean nan;
        Double nanTime;
        Double badAt;
        String badText;
        final Map<Integer, SimulationReport.BoundsExit> exits = new LinkedHashMap<>();
        final DVector3 v = new DVector3();
        final DVector3 p = new DVector3();

        Recorder(SimulationLimits limits) {
            this.limits = limits;
        }

        void sample(double t) {
            for (Body b : moving) {
                DBody ode = world.odeBody[b.id()];
                Vec3 c = world.comLocal[b.id()];
                double speed;
                if (ode == null) {
                    speed = 0; // a mocap body: MuJoCo counts it as moving, but nothing moves it here
                    p.set(b.frame().position().x(), b.frame().position().y(), b.frame().position().z());
                } else {
                    ode.getRelPointVel(c.x(), c.y(), c.z(), v);
                    ode.getRelPointPos(c.x(), c.y(), c.z(), p);
                    speed = v.length();
                }
                if (speed > maxSpeed) {
                    maxSpeed = speed;
                    maxBody = b.label();
                    maxTime = t;
                }
                if (limitExceededAt == null && speed > limits.speedLimit()) {
                    limitExceededAt = t;
                }
                SimulationLimits.Bounds bounds = limits.bounds();
                if (bounds != null && !exits.containsKey(b.id()) && !bounds.contains(p.get0(), p.get1(), p.get2())) {
                    exits.put(b.id(), new SimulationReport.BoundsExit(b.label(), t, p.get0(), p.get1(), p.get2()));
                }
            }
        }

        /** False (and the reason noted) when some body's state is non-finite or beyond mjMAXVAL. */
        boolean finite(double t) {
            for (DBody b : world.allBodies) {
                double[] values = {
                    b.getPosition().get0(), b.getPosition().get1(), b.getPosition().get2(),
                    b.getQuaternion().get0(), b.getQuaternion().get1(), b.getQuaternion().get2(),
                    b.getQuaternion().get3(), b.getLinearVel().get0(), b.getLinearVel().get1(),
                    b.getLinearVel().get2(), b.getAngularVel().get0(), b.getAngularVel().get1(),
                    b.getAngularVel().get2()};
                for (double x : values) {
                    if (!Double.isFinite(x)) {
                        nan = true;
                        nanTime = t;
                        return stop(t, "NaN or Inf in the ODE state at t=" + (float) t + " s: the simulation is "
                                + "unstable; the run stopped there");
                    }
                    if (Math.abs(x) > MAX_VALUE) {
                        return stop(t, "a position or velocity beyond 1e10 at t=" + (float) t + " s: the "
                                + "simulation is unstable; the run stopped there");
                    }
                }
            }
            return true;
        }

        private boolean stop(double t, String text) {
            badAt = t;
            badText = text;
            return false;
        }
    }
}
