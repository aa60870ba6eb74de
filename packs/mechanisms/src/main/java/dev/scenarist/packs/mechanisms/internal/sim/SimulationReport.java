package dev.scenarist.packs.mechanisms.internal.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Measurements of one simulation run. Speeds are linear speeds of each moving body's centre of mass in the world
 * frame (m/s); lengths are metres; times are simulated seconds.
 *
 * @param engine engine and version, e.g. "MuJoCo 3.14.0"
 * @param limits the limits the run was judged against
 * @param timestep the model's own timestep (s)
 * @param steps steps taken: {@code round(duration / timestep)}
 * @param simulatedSeconds {@code steps × timestep}
 * @param gravity the model's gravity vector (m/s²)
 * @param maxBodySpeed the highest speed any moving body reached (states 0…steps), 0 when nothing moves
 * @param maxBodySpeedBody the body that reached it ({@code null} when nothing moves); unnamed bodies read "body#id"
 * @param maxBodySpeedTime when it reached it
 * @param speedLimitExceededAt when some body first went faster than {@code limits.speedLimit()}, or {@code null}
 * @param nan whether any non-finite value appeared in qpos, qvel or act
 * @param nanFirstTime when it first did, or {@code null}
 * @param initialPenetration deepest interpenetration between two geoms at t = 0 (≥ 0; 0 when none)
 * @param penetratingPair the two geoms of that contact (geom names, or "body/geom#id"), empty when none
 * @param initialContacts contacts at t = 0
 * @param outOfBounds moving bodies whose centre of mass left {@code limits.bounds()}, with when and where
 * @param warnings MuJoCo's runtime warnings that fired (mjData.warning counters, accumulated across auto-resets)
 * @param resets how often MuJoCo reset the state because it became unstable (auto-reset)
 * @param wallMillis engine time spent on this request
 * @param approximations where the engine's model of the scene departs from MuJoCo's, one sentence each; empty for
 *     MuJoCo itself. A fallback engine lists here everything it could only approximate (or had to leave out), so
 *     that no report claims an exactness it does not have.
 */
public record SimulationReport(
        String engine,
        SimulationLimits limits,
        double timestep,
        long steps,
        double simulatedSeconds,
        List<Double> gravity,
        double maxBodySpeed,
        String maxBodySpeedBody,
        double maxBodySpeedTime,
        Double speedLimitExceededAt,
        boolean nan,
        Double nanFirstTime,
        double initialPenetration,
        List<String> penetratingPair,
        int initialContacts,
        List<BoundsExit> outOfBounds,
        List<EngineWarning> warnings,
        int resets,
        double wallMillis,
        List<String> approximations) {

    /** The pure-Java engine's warning for a state it cannot continue from (NaN, or beyond 1e10 as MuJoCo judges). */
    public static final String ODE_BAD_STATE = "ode4j_BADSTATE";

    /**
     * Warnings that mean the state blew up: MuJoCo's (MuJoCo resets the simulation when they fire) and the pure-Java
     * engine's (it stops the run).
     */
    public static final Set<String> INSTABILITY_WARNINGS =
            Set.of("mjWARN_BADQPOS", "mjWARN_BADQVEL", "mjWARN_BADQACC", ODE_BAD_STATE);

    public SimulationReport {
        gravity = List.copyOf(gravity);
        penetratingPair = List.copyOf(penetratingPair);
        outOfBounds = List.copyOf(outOfBounds);
        warnings = List.copyOf(warnings);
        approximations = List.copyOf(approximations);
    }

    /** Whether the engine modelled every part of the scene as MuJoCo does. */
    public boolean exact() {
        return approximations.isEmpty();
    }

    /** A moving body's centre of mass left the bounds. */
    public record BoundsExit(String body, double time, double x, double y, double z) {}

    /**
     * One of the engine's runtime warnings that fired during the run: MuJoCo's ({@code mjtWarning}), or the
     * pure-Java engine's {@value #ODE_BAD_STATE}.
     *
     * @param code e.g. "mjWARN_BADQACC", "mjWARN_CONTACTFULL", "mjWARN_INERTIA", "ode4j_BADSTATE"
     * @param count how often it fired
     * @param lastInfo MuJoCo's info for the last occurrence (e.g. the DOF index)
     * @param text MuJoCo's text for it, e.g. "Nan, Inf or huge value in QACC at DOF 0. The simulation is unstable."
     */
    public record EngineWarning(String code, int count, int lastInfo, String text) {}

    /** NaN, or a warning that MuJoCo raises when the state becomes invalid (it then resets the simulation). */
    public boolean unstable() {
        return nan || resets > 0 || warnings.stream().anyMatch(w -> INSTABILITY_WARNINGS.contains(w.code()));
    }

    public boolean exceedsSpeedLimit() {
        return speedLimitExceededAt != null || maxBodySpeed > limits.speedLimit();
    }

    public boolean initiallyPenetrating() {
        return initialPenetration > limits.penetrationTolerance();
    }

    /**
     * Every way this run fails the limits, one readable sentence each; empty when the scene passes: NaN, MuJoCo's
     * runtime warnings, speed over the limit, initial interpenetration beyond the tolerance, bodies leaving the
     * bounds. (MuJoCo's compile-time warnings are not available through the WASM bindings: see the sidecar script.)
     */
    public List<String> problems() {
        List<String> out = engineProblems();
        out.addAll(stabilityProblems());
        return out;
    }

    /**
     * What MuJoCo itself flags: NaN in the state, engine warnings, resets of an unstable simulation. A model MuJoCo
     * runs without these is one MuJoCo accepts, whatever the benchmark rules ({@link #stabilityProblems}) say.
     */
    public List<String> engineProblems() {
        List<String> out = new ArrayList<>();
        if (nan) {
            out.add("NaN/Inf in the state at t=%s s".formatted(fmt(nanFirstTime == null ? 0 : nanFirstTime)));
        }
        for (EngineWarning w : warnings) {
            out.add("%s warning %s ×%d: %s".formatted(w.code().startsWith("mjWARN") ? "MuJoCo" : "engine", w.code(),
                    w.count(), w.text()));
        }
        if (resets > 0 && warnings.stream().noneMatch(w -> INSTABILITY_WARNINGS.contains(w.code()))) {
            out.add("MuJoCo reset the unstable simulation %d time(s)".formatted(resets));
        }
        return out;
    }

    /** The benchmark rules for generated scenes: speeds under the limit, no initial interpenetration, within the bounds. */
    public List<String> stabilityProblems() {
        List<String> out = new ArrayList<>();
        if (exceedsSpeedLimit()) {
            out.add("body '%s' reached %s m/s at t=%s s, over the limit of %s m/s%s".formatted(
                    maxBodySpeedBody, fmt(maxBodySpeed), fmt(maxBodySpeedTime), fmt(limits.speedLimit()),
                    speedLimitExceededAt == null ? "" : " (first exceeded at t=%s s)".formatted(fmt(speedLimitExceededAt))));
        }
        if (initiallyPenetrating()) {
            out.add("geoms %s interpenetrate by %s m at t=0 (tolerance %s m)".formatted(
                    String.join(" and ", penetratingPair.stream().map(g -> "'" + g + "'").toList()),
                    fmt(initialPenetration), fmt(limits.penetrationTolerance())));
        }
        for (BoundsExit e : outOfBounds) {
            out.add("body '%s' left the bounds %s at t=%s s, at (%s, %s, %s)".formatted(
                    e.body(), limits.bounds(), fmt(e.time()), fmt(e.x()), fmt(e.y()), fmt(e.z())));
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
