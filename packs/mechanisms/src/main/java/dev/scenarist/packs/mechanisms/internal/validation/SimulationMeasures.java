package dev.scenarist.packs.mechanisms.internal.validation;

import dev.scenarist.packs.mechanisms.internal.sim.SimulationReport;
import java.util.List;

/**
 * The numbers a scenario's manifest reports from its simulation: measured, never assumed. {@code approximations}
 * is empty for MuJoCo; the pure-Java fallback lists where its model departs from MuJoCo's.
 */
public record SimulationMeasures(String engine, double timestep, long steps, double simulatedSeconds, double maxBodySpeed,
                                 String maxBodySpeedBody, double maxBodySpeedTime, double speedLimit, double initialPenetration,
                                 List<String> penetratingPair, int initialContacts, List<String> approximations) {
    public SimulationMeasures {
        penetratingPair = List.copyOf(penetratingPair);
        approximations = approximations == null ? List.of() : List.copyOf(approximations);
    }

    public static SimulationMeasures of(SimulationReport r) {
        return new SimulationMeasures(r.engine(), r.timestep(), r.steps(), r.simulatedSeconds(), r.maxBodySpeed(),
                r.maxBodySpeedBody() == null ? "" : r.maxBodySpeedBody(), r.maxBodySpeedTime(), r.limits().speedLimit(),
                r.initialPenetration(), r.penetratingPair(), r.initialContacts(), r.approximations());
    }
}
