package dev.scenarist.packs.mechanisms.internal.validation;

import dev.scenarist.core.model.Finding;
import java.util.List;

/**
 * One validation stage's result for one variant.
 *
 * @param simulation the measurements, for the simulation stage of a variant that was simulated; otherwise null
 */
public record VariantVerdict(long seed, List<Double> scale, List<Finding> findings, long millis, SimulationMeasures simulation) {
    public VariantVerdict {
        scale = List.copyOf(scale);
        findings = List.copyOf(findings);
    }

    public boolean passed() {
        return findings.stream().noneMatch(Finding::isError);
    }
}
