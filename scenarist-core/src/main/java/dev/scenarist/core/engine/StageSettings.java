package dev.scenarist.core.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.pack.Stage;
import java.util.Map;
import java.util.Optional;

/**
 * What a campaign lays over its pack's stages: model settings ({@code defaults} for every stage, {@code perStage} for
 * one), and per stage the content attempts ({@code attempts}) and refine rounds ({@code refineRounds}), each 1–5.
 * A present value wins over the stage policy's; an absent one leaves it alone.
 *
 * <p>Empty maps are left out of the stored JSON so that campaigns stored before these settings existed keep their
 * fingerprint (the fingerprint hashes this record's JSON).
 */
public record StageSettings(ModelSettings defaults, Map<String, ModelSettings> perStage,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> attempts,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> refineRounds) {
    public static final StageSettings NONE = new StageSettings(ModelSettings.DEFAULTS, Map.of());
    /** What a campaign may set per stage: the and the dashboard's range. */
    public static final int MAX_PER_STAGE = 5;

    public StageSettings {
        perStage = Map.copyOf(perStage);
        attempts = attempts == null ? Map.of() : Map.copyOf(attempts);
        refineRounds = refineRounds == null ? Map.of() : Map.copyOf(refineRounds);
        requireRange("attempts", attempts);
        requireRange("refine rounds", refineRounds);
    }

    public StageSettings(ModelSettings defaults, Map<String, ModelSettings> perStage) {
        this(defaults, perStage, Map.of(), Map.of());
    }

    public ModelSettings effective(String stage, ModelSettings fromPolicy) {
        ModelSettings s = merge(fromPolicy, defaults);
        return Optional.ofNullable(perStage.get(stage)).map(o -> merge(s, o)).orElse(s);
    }

    /** The stage as this campaign runs it: its attempts and refine rounds replaced where the campaign sets them. */
    public Stage apply(Stage stage) {
        return switch (stage) {
            case Stage.AuthorStage a when attempts.containsKey(a.name()) -> new Stage.AuthorStage(a.name(), a.instructions(),
                    a.policy().withMaxAttempts(attempts.get(a.name())), a.outputs(), a.checks(), a.verifyFirst());
            case Stage.ReviewStage r when attempts.containsKey(r.name()) ->
                    new Stage.ReviewStage(r.name(), r.instructions(), r.policy().withMaxAttempts(attempts.get(r.name())));
            case Stage.RefineStage r when refineRounds.containsKey(r.name()) || attempts.containsKey(r.name()) ->
                    new Stage.RefineStage(r.name(), r.instructions(),
                            attempts.containsKey(r.name()) ? r.policy().withMaxAttempts(attempts.get(r.name())) : r.policy(),
                            r.outputs(), r.checks(), r.scorer(), refineRounds.getOrDefault(r.name(), r.rounds()));
            default -> stage;
        };
    }

    private static void requireRange(String what, Map<String, Integer> values) {
        values.forEach((stage, n) -> {
            if (n == null || n < 1 || n > MAX_PER_STAGE) {
                throw new IllegalArgumentException(what + " for stage '" + stage + "' must be between 1 and " + MAX_PER_STAGE + ", got " + n);
            }
        });
    }

    private static ModelSettings merge(ModelSettings base, ModelSettings over) {
        return new ModelSettings(over.model().or(base::model),
                over.temperature().isPresent() ? over.temperature() : base.temperature(),
                over.maxTokens().isPresent() ? over.maxTokens() : base.maxTokens(),
                over.timeout().equals(ModelSettings.DEFAULT_TIMEOUT) ? base.timeout() : over.timeout());
    }
}
