package dev.scenarist.packs.mechanisms.internal.validation;

import java.util.List;

/** The build stage: every variant the template was built for, and the template's info. */
public record BuildReport(TemplateFacts template, List<VariantFiles> variants, long millis) {
    public BuildReport {
        variants = List.copyOf(variants);
    }
}
