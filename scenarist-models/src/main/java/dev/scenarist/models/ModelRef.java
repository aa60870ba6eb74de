package dev.scenarist.models;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A model named as {@code provider:model}: {@code openai:gpt-4.1}, {@code anthropic:claude-sonnet-4-5},
 * {@code ollama:qwen2.5-coder:14b} (everything after the first colon is the model), {@code claude-code:sonnet}.
 */
public record ModelRef(String provider, String model) {
    public static final Set<String> PROVIDERS = Set.of("openai", "anthropic", "ollama", "claude-code");

    public ModelRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
    }

    /** @throws IllegalArgumentException naming the known providers when {@code spec} is not {@code provider:model} */
    public static ModelRef parse(String spec) {
        int colon = spec == null ? -1 : spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("model '" + spec + "' is not provider:model; e.g. openai:gpt-4.1, anthropic:claude-sonnet-4-5,"
                    + " ollama:qwen2.5-coder:14b, claude-code:sonnet");
        }
        String provider = spec.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("unknown model provider '" + provider + "' in '" + spec + "'; known: " + String.join(", ",
                    PROVIDERS.stream().sorted().toList()));
        }
        return new ModelRef(provider, spec.substring(colon + 1));
    }

    public static boolean looksLikeModel(String spec) {
        int colon = spec.indexOf(':');
        return colon > 0 && PROVIDERS.contains(spec.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return provider + ":" + model;
    }
}
