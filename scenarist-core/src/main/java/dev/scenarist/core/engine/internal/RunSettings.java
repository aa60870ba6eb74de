package dev.scenarist.core.engine.internal;

import dev.scenarist.core.engine.ApprovalGates;
import dev.scenarist.core.engine.StageSettings;
import dev.scenarist.core.lessons.LessonLine;
import java.util.List;
import java.util.Objects;

/**
 * What a campaign sets for each of its runs beyond the pack: model settings, attempts and refine rounds per stage,
 * the lessons frozen into its prompts, and the stages after which a person approves.
 */
public record RunSettings(StageSettings stages, List<LessonLine> lessons, ApprovalGates gates) {
    public RunSettings {
        Objects.requireNonNull(stages, "stages");
        lessons = List.copyOf(lessons);
        Objects.requireNonNull(gates, "gates");
    }

    /** Only stage settings: no lessons, no approval gates. */
    public static RunSettings of(StageSettings stages) {
        return new RunSettings(stages, List.of(), ApprovalGates.NONE);
    }
}
