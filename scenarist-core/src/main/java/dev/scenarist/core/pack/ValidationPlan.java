package dev.scenarist.core.pack;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pack that chooses which checks {@code scenarist validate} runs on an existing scenario or file. Without it, every
 * stage's checks run ({@link Capabilities#everyStagesChecks}).
 */
public non-sealed interface ValidationPlan extends PackCapability {
    /**
     * The checks to run, by stage name. {@code target} names the file the user named, if any, the folders besides
     * the scenario's they allowed reads from, and the rule set they asked for, if any.
     */
    Map<String, List<Check>> validationChecks(ValidationTarget target);

    /**
     * Whether every check {@link #validationChecks} gives for {@code target} only reads the scenario's files, never
     * writes one: then validation hands them the folder itself ({@link ValidationTarget#origin()}) rather than a
     * scratch copy of it — no copying of a model's meshes before a check may look at them, and no size limit for the
     * folder a model file lies in. False (a copy) unless the pack says so.
     */
    default boolean readsInPlace(ValidationTarget target) {
        return false;
    }

    /** The rule sets a person may choose with {@code validate --rules NAME}; none for a pack with one way of judging. */
    default List<RuleSet> ruleSets() {
        return List.of();
    }

    /** The rule set {@link #validationChecks} applies to {@code target} (the asked one, else the pack's default), if the pack has rule sets. */
    default Optional<RuleSet> rules(ValidationTarget target) {
        return Optional.empty();
    }
}
