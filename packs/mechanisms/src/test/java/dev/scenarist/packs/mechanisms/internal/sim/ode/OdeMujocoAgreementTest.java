package dev.scenarist.packs.mechanisms.internal.sim.ode;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scenarist.packs.mechanisms.SharedData;
import dev.scenarist.packs.mechanisms.ThisMachine;
import dev.scenarist.packs.mechanisms.internal.sim.MujocoSidecar;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The ode4j fallback against real MuJoCo (the sidecar) on every model in {@code ../shared/data/mjcf/valid}: 1 s at
 * {@link SimulationLimits#defaults()} (speed limit 15.715 m/s, 1 mm penetration tolerance). A table of both engines'
 * max body speeds is printed (the test's output file, and {@code target/ode-mujoco-agreement.txt}).
 *
 * <p><b>Tolerances</b> (v = max body speed over the run, v_mj MuJoCo's, T = 1 s):
 * <ol>
 *   <li><b>Every model</b> MuJoCo simulates is simulated by ODE too, except the ones in {@link #SOLVER_FAILS}, which
 *       must answer {@code Unavailable} (no verdict) — never a load failure, never a verdict. Wherever ODE simulates:
 *       the same stability verdict ({@link SimulationReport#unstable()}), the same speed-limit verdict, NaN only where
 *       MuJoCo has it, the same initial-penetration verdict.</li>
 *   <li><b>Exactly mapped</b> (the report lists no approximation): |v − v_mj| ≤ max(5 % of v_mj, 0.02 m/s); initial
 *       penetration within 0.1 mm of MuJoCo's, naming the same two geoms. The 5 % is what contacts cost: they follow
 *       MuJoCo's soft-constraint equation, but with ODE's friction pyramid and effective masses (deep box-box
 *       push-out: 4.4 %, cylinder on box: 2.3 %); contact-free exact models agree to 0.5 % and simple scenes to
 *       0.2 % (OdeSimulatorTest).</li>
 *   <li><b>Approximated</b> (the report says where): |v − v_mj| ≤ max(v_mj, g·T). What is left out — a tendon's
 *       length limit, a coupling constraint, a slider-crank servo — can at most let a body fall freely for the run
 *       (g·T) where MuJoCo holds it, or hold it where MuJoCo lets it move; the bound says no more than that, the
 *       verdicts above say the rest. Initial penetration within 20 % or 5 mm (ellipsoids are polytopes here).</li>
 * </ol>
 * At least {@link #MIN_EXACT} models must be exactly mapped, so that a regression cannot move everything into the
 * loose tier unseen. Skips, saying why, where the shared data folder or the MuJoCo sidecar is missing.
 */
class OdeMujocoAgreementTest {
    private static final double G = 9.81;
    private static final double EXACT_RELATIVE = 0.05;
    private static final double EXACT_ABSOLUTE = 0.02;
    private static final double EXACT_PENETRATION = 1e-4;
    private static final int MIN_EXACT = 13;

    /**
     * Models on which both of ODE's solvers pull a joint apart, so the fallback gives no verdict. The humanoids:
     * multi-joint bodies become chains of light helper bodies, which ODE's solvers cannot hold together once limbs hit
     * the floor against their joint limits. The robot arm: links of 0.4 g with 1 kg·m² of armature (MuJoCo adds it to
     * the joint alone; here it must go into a body) and fingers starting outside their joint range. auto_limits:
     * spheres that start fully inside each other on coaxial hinges.
     */
    static final Set<String> SOLVER_FAILS = Set.of("dmc_humanoid_CMU.xml", "mj_humanoid.xml", "mj_robot_arm.xml",
            "mj_auto_limits.xml");

    private record Row(String model, SimulationReport mujoco, SimulationOutcome ode) {}

    @Test
    void ode4j_agrees_with_MuJoCo_on_the_shared_models() throws IOException {
        assumeTrue(SharedData.validDir().isPresent(), SharedData.missing("agreement test skipped"));
        List<Path> files = SharedData.validModels();
        SimulationLimits limits = SimulationLimits.defaults();
        List<Row> rows = new ArrayList<>();
        try (MujocoSidecar mujoco = ThisMachine.mujoco()) {
            Optional<String> reason = mujoco.unavailableReason();
            assumeTrue(reason.isEmpty(), () -> "MuJoCo sidecar unavailable, agreement test skipped: "
                    + reason.orElseThrow());
            OdeSimulator ode = new OdeSimulator();
            for (Path f : files) {
                SimulationOutcome m = mujoco.simulate(f, limits);
                if (!(m instanceof SimulationOutcome.Simulated sm)) {
                    throw new AssertionError(f.getFileName() + ": MuJoCo did not simulate a valid model: " + m);
                }
                rows.add(new Row(f.getFileName().toString(), sm.report(), ode.simulate(f, limits)));
            }
        }
        String table = table(rows);
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/ode-mujoco-agreement.txt"), table);

        SoftAssertions soft = new SoftAssertions();
        Set<String> seen = new HashSet<>();
        int exact = 0;
        for (Row r : rows) {
            seen.add(r.model);
            SimulationReport m = r.mujoco;
            if (SOLVER_FAILS.contains(r.model)) {
                soft.assertThat(r.ode).as("%s: ODE's solvers fail on it; it must say so rather than judge it", r.model)
                        .isInstanceOf(SimulationOutcome.Unavailable.class);
                continue;
            }
            if (!(r.ode instanceof SimulationOutcome.Simulated so)) {
                soft.fail("%s: ODE did not simulate it: %s", r.model, r.ode);
                continue;
            }
            SimulationReport o = so.report();
            soft.assertThat(o.unstable()).as("%s: stability verdict", r.model).isEqualTo(m.unstable());
            soft.assertThat(o.exceedsSpeedLimit()).as("%s: speed-limit verdict (ODE %s, MuJoCo %s m/s)", r.model,
                    o.maxBodySpeed(), m.maxBodySpeed()).isEqualTo(m.exceedsSpeedLimit());
            soft.assertThat(o.nan()).as("%s: NaN", r.model).isEqualTo(m.nan());
            soft.assertThat(o.initiallyPenetrating()).as("%s: initial-penetration verdict", r.model)
                    .isEqualTo(m.initiallyPenetrating());
            double dv = Math.abs(o.maxBodySpeed() - m.maxBodySpeed());
            if (o.exact()) {
                exact++;
                double allowed = Math.max(EXACT_RELATIVE * m.maxBodySpeed(), EXACT_ABSOLUTE);
                soft.assertThat(dv).as("%s (exact): |v_ode - v_mj| = |%s - %s|", r.model, o.maxBodySpeed(),
                        m.maxBodySpeed()).isLessThanOrEqualTo(allowed);
                soft.assertThat(o.initialPenetration()).as("%s (exact): initial penetration", r.model)
                        .isCloseTo(m.initialPenetration(), org.assertj.core.api.Assertions.within(EXACT_PENETRATION));
                if (m.initialPenetration() > EXACT_PENETRATION) {
                    soft.assertThat(o.penetratingPair()).as("%s (exact): penetrating pair", r.model)
                            .containsExactlyInAnyOrderElementsOf(m.penetratingPair());
                }
            } else {
                double allowed = Math.max(m.maxBodySpeed(), G * limits.duration());
                soft.assertThat(dv).as("%s (approximated: %s): |v_ode - v_mj| = |%s - %s|", r.model,
                        o.approximations(), o.maxBodySpeed(), m.maxBodySpeed()).isLessThanOrEqualTo(allowed);
                soft.assertThat(Math.abs(o.initialPenetration() - m.initialPenetration()))
                        .as("%s (approximated): initial penetration %s vs %s", r.model, o.initialPenetration(),
                                m.initialPenetration())
                        .isLessThanOrEqualTo(Math.max(0.2 * m.initialPenetration(), 0.005));
            }
        }
        soft.assertThat(seen).as("every model the solver-failure list names exists").containsAll(SOLVER_FAILS);
        soft.assertThat(exact).as("exactly mapped models").isGreaterThanOrEqualTo(MIN_EXACT);
        soft.assertAll();
    }

    private static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-38s %12s %12s %9s  %-6s %s%n", "model",
                "MuJoCo m/s", "ode4j m/s", "diff", "tier", "note"));
        for (Row r : rows) {
            double vm = r.mujoco.maxBodySpeed();
            switch (r.ode) {
                case SimulationOutcome.Simulated s -> {
                    SimulationReport o = s.report();
                    double dv = o.maxBodySpeed() - vm;
                    String diff = vm > 0.02 ? String.format(Locale.ROOT, "%+8.2f%%", 100 * dv / vm)
                            : String.format(Locale.ROOT, "%+8.4f", dv);
                    b.append(String.format(Locale.ROOT, "%-38s %12.5f %12.5f %9s  %-6s %s%n", r.model, vm,
                            o.maxBodySpeed(), diff, o.exact() ? "exact" : "approx",
                            o.approximations().isEmpty() ? "" : o.approximations().size() + " approximation(s): "
                                    + abbreviate(String.join("; ", o.approximations()))));
                }
                default -> b.append(String.format(Locale.ROOT, "%-38s %12.5f %12s %9s  %-6s %s%n", r.model, vm, "-",
                        "-", "none", abbreviate(r.ode.toString())));
            }
        }
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 140 ? s : s.substring(0, 137) + "...";
    }
}
