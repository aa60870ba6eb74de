package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfReadException;
import dev.scenarist.packs.mechanisms.internal.sim.ModelBundle;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationLimits;
import dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome;
import dev.scenarist.packs.mechanisms.internal.sim.Simulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private final SceneRules rules;
    private final List<Path> allowedReads;
    private final ScenePlace place;
    /** Simulations started ahead of this check, by the scene's absolute path; each is used once. */
    private final Map<Path, Simulator.Ahead> ahead = new ConcurrentHashMap<>();

    /** The benchmark rules, scenes read from the workspace. */
    public MujocoSimulationCheck(Simulator simulator, SimulationLimits limits) {
        this(simulator, limits, SceneRules.BENCHMARK, List.of(), Optional.empty());
    }

    /**
     * Judged by {@code rules} ({@link SceneRules#MUJOCO mujoco}: only what MuJoCo itself flags — NaN, warnings,
     * resets; the speed limit and initial overlap are measured and reported, not judged). Scenes are read where they
     * lie ({@code origin}) when known, and the simulator is handed exactly the files the model reads, includes and
     * assets in {@code allowedReads} too, under their own relative layout.
     */
    public MujocoSimulationCheck(Simulator simulator, SimulationLimits limits, SceneRules rules, List<Path> allowedReads,
            Optional<Path> origin) {
        this.simulator = simulator;
        this.limits = limits;
        this.rules = rules;
        this.allowedReads = List.copyOf(allowedReads);
        this.place = new ScenePlace(origin);
    }

    /**
     * Starts the engine now, in the background, so that its start-up (Node and MuJoCo's WebAssembly) overlaps the
     * cheaper checks that run first instead of following them. Whoever owns the simulator closes it, which also stops
     * a start-up nobody used (a scene the static checks refused). Returns this check.
     */
    public MujocoSimulationCheck startingTheEngine() {
        simulator.warmUp();
        return this;
    }

    /**
     * Starts simulating {@code xml} now, in the background ({@link Simulator#simulateAhead}): on two cores, MuJoCo's
     * start-up, load and second of simulation then overlap the static and mesh checks, which run first. The outcome is
     * only reported if this check runs (the cheaper checks passed); whoever owns the simulator closes it, which stops a
     * simulation nobody asked for. A model that cannot be read (the static check names why) is not simulated ahead:
     * the engine is only warmed up. Returns this check.
     */
    public MujocoSimulationCheck simulatingAhead(Path xml) {
        Path scene = xml.toAbsolutePath().normalize();
        simulator.warmUp(); // Node boots while the model's files are listed; the simulation below waits for it
        try {
            ahead.put(scene, simulator.simulateAhead(new ModelBundle(scene, MjcfModel.load(scene, allowedReads).filesRead()), limits));
        } catch (MjcfReadException e) {
            // nothing to simulate ahead; the engine is warm for the simulation the check may still ask for
        }
        return this;
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
        return check(SceneFiles.of(ctx), name -> place.file(ctx, name));
    }

    /** Simulates {@code scenes} (named as the findings will locate them), each read from the file {@code files} gives. */
    public CheckResult check(List<String> scenes, Function<String, Path> files) {
        List<Finding> all = new ArrayList<>();
        for (String s : scenes) {
            switch (simulate(files.apply(s))) {
                case SimulationOutcome.Unavailable u -> {
                    return CheckResult.errored("MuJoCo is not available: " + u.reason());
                }
                case SimulationOutcome.LoadFailed f -> all.add(Finding.error("MUJOCO_LOAD", f.message(), s, "fix what MuJoCo names"));
                case SimulationOutcome.SimulationFailed f -> all.add(Finding.error("MUJOCO_SIMULATION", f.message(), s,
                        "make the scene stable: smaller timestep, softer contacts, or lighter forces"));
                case SimulationOutcome.Simulated ok -> {
                    var problems = rules == SceneRules.MUJOCO ? ok.report().engineProblems() : ok.report().problems();
                    for (String p : problems) all.add(Finding.error("MUJOCO_UNSTABLE", p, s, "the scene must stay still and sane for "
                            + limits.duration() + " s of simulation"));
                    if (all.isEmpty()) {
                        // a fallback engine says so, with what it could only approximate: never a silent claim of MuJoCo
                        String by = ok.report().engine().startsWith("MuJoCo") ? "" : " by " + ok.report().engine()
                                + (ok.report().exact() ? "" : ", approximating: " + String.join("; ", ok.report().approximations()));
                        all.add(new Finding("MUJOCO_SIMULATED", dev.scenarist.core.model.Severity.INFO, String.format(java.util.Locale.ROOT,
                                "simulated %.3f s in %d steps; max body speed %.3f m/s (%s)%s", ok.report().simulatedSeconds(),
                                ok.report().steps(), ok.report().maxBodySpeed(), judged(ok.report()), by), s, ""));
                    }
                }
            }
        }
        return CheckResult.of(all);
    }

    /** How the speed and initial overlap were judged: against the limits, or (mujoco rules) only measured. */
    private String judged(dev.scenarist.packs.mechanisms.internal.sim.SimulationReport r) {
        if (rules == SceneRules.BENCHMARK) return String.format(java.util.Locale.ROOT, "limit %.3f", limits.speedLimit());
        return String.format(java.util.Locale.ROOT, "not judged under the mujoco rules; initial overlap %.4f m", r.initialPenetration());
    }

    /**
     * Simulates the model with every file it reads, so the simulator loads it as from disk; a model that cannot be
     * read statically (the static check says why) is handed over as just its file, for MuJoCo's own verdict.
     */
    private dev.scenarist.packs.mechanisms.internal.sim.SimulationOutcome simulate(Path xml) {
        Simulator.Ahead started = ahead.remove(xml.toAbsolutePath().normalize());
        if (started != null) return started.outcome();
        try {
            return simulator.simulate(new ModelBundle(xml, MjcfModel.load(xml, allowedReads).filesRead()), limits);
        } catch (MjcfReadException e) {
            return simulator.simulate(xml, limits);
        }
    }
}
