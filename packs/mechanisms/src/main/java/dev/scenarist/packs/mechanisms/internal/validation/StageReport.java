package dev.scenarist.packs.mechanisms.internal.validation;

import java.util.List;

/** One validation stage (static, mesh, simulation) over every variant that reached it. */
public record StageReport(String stage, List<VariantVerdict> variants, long millis) {
    public StageReport {
        variants = List.copyOf(variants);
    }

    public boolean passed() {
        return variants.stream().allMatch(VariantVerdict::passed);
    }
}
