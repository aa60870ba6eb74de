package dev.scenarist.packs.mechanisms.internal.validation;

import java.util.List;
import java.util.Map;

/** The template's own {@code info()}, as the sandboxed build reported it. */
public record TemplateFacts(String id, int tier, String title, String description, Map<String, List<Double>> scaleLimits) {
    public TemplateFacts {
        scaleLimits = Map.copyOf(scaleLimits);
    }
}
