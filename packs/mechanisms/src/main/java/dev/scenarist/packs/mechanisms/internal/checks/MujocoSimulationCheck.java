package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome;
import dev.scenarist.packs.mechanisms.internal.sim.Simulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Loads every scene into real MuJoCo and simulates it (1 s by default): load errors, NaN, warnings, a body faster
 * than the limit, initial interpenetration and bodies leaving the bounds fail it. No engine → errored (infrastructure).
 * With the pure-Java fallback ({@link dev.scenarist.packs.mechanisms.internal.sim.Simulators}) the passing finding names that
 * engine and what it approximated.
 */
public final class MujocoSimulationCheck implements Check {
    private final Simulator simulator;
    private final SimulationLimits limits;

    public MujocoSimulationCheck(Simulator simulator, SimulationLimits limits) {
        this.simulator = simulator;
        this.limits = limits;
    }

    @Override
    public String name() {
        return "mujoco-simulation";
    }

    @Override
    public int tier() {
        return TIER_EXPENSIVE;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        return check(SceneFiles.of(ctx), ctx.workspace()::resolve);
    }

    /** Simulates {@code scenes} (named as the findings will locate them), each read from the file {@code files} gives. */
    public CheckResult check(List<String> scenes, Function<String, Path> files) {
        List<Finding> all = new ArrayList<>();
        for (String s : scenes) {
            switch (simulator.simulate(files.apply(s), limits)) {
                case SimulationOutcome.Unavailable u -> {
                    return CheckResult.errored("MuJoCo is not available: " + u.reason());
                }
                case SimulationOutcome.LoadFailed f -> all.add(Finding.error("MUJOCO_LOAD", f.message(), s, "fix what MuJoCo names"));
                case SimulationOutcome.SimulationFailed f -> all.add(Finding.error("MUJOCO_SIMULATION", f.message(), s,
                        "make the scene stable: smaller timestep, softer contacts, or lighter forces"));
                case SimulationOutcome.Simulated ok -> {
                    for (String p : ok.report().problems()) all.add(Finding.error("MUJOCO_UNSTABLE", p, s, "the scene must stay still and sane for "
                            + limits.duration() + " s of simulation"));
                    if (all.isEmpty()) {
                        // a fallback engine says so, with what it could only approximate: never a silent claim of MuJoCo
                        String by = ok.report().engine().startsWith("MuJoCo") ? "" : " by " + ok.report().engine()
                                + (ok.report().exact() ? "" : ", approximating: " + String.join("; ", ok.report().approximations()));
                        all.add(new Finding("MUJOCO_SIMULATED", dev.scenarist.core.model.Severity.INFO, String.format(java.util.Locale.ROOT,
                                "simulated %.3f s in %d steps; max body speed %.3f m/s (limit %.3f)%s", ok.report().simulatedSeconds(),
                                ok.report().steps(), ok.report().maxBodySpeed(), limits.speedLimit(), by), s, ""));
                    }
                }
            }
        }
        return CheckResult.of(all);
    }
}
