package dev.scenarist.core.engine;

import dev.scenarist.core.author.ModelSettings;
import java.util.Map;
import java.util.Optional;

/**
 * Model settings a campaign lays over its stages: {@code defaults} for every stage, {@code perStage} for one.
 * A present value wins over the stage policy's; an absent one leaves it alone.
 */
public record StageSettings(ModelSettings defaults, Map<String, ModelSettings> perStage) {
    public static final StageSettings NONE = new StageSettings(ModelSettings.DEFAULTS, Map.of());

    public StageSettings {
        perStage = Map.copyOf(perStage);
    }

    public ModelSettings effective(String stage, ModelSettings fromPolicy) {
        ModelSettings s = merge(fromPolicy, defaults);
        return Optional.ofNullable(perStage.get(stage)).map(o -> merge(s, o)).orElse(s);
    }

    private static ModelSettings merge(ModelSettings base, ModelSettings over) {
        return new ModelSettings(over.model().or(base::model),
                over.temperature().isPresent() ? over.temperature() : base.temperature(),
                over.maxTokens().isPresent() ? over.maxTokens() : base.maxTokens(),
                over.timeout().equals(ModelSettings.DEFAULT_TIMEOUT) ? base.timeout() : over.timeout());
    }
}
