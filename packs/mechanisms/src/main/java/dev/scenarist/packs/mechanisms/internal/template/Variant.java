package dev.scenarist.packs.mechanisms.internal.template;

import dev.scenarist.core.model.Finding;
import java.util.List;

/**
 * One randomized instance of a template: its seed and non-uniform scale, the files it wrote, and what the checks
 * found. A template is accepted only if every variant passes.
 *
 * @param report the measured simulation facts (max speed, simulated time), empty when simulation was not reached
 */
public record Variant(long seed, double[] scale, List<String> files, List<Finding> findings, String report) {
    public Variant {
        scale = scale.clone();
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    public boolean passed() {
        return findings.stream().noneMatch(Finding::isError);
    }
}
