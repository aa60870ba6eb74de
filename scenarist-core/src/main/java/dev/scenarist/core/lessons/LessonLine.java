package dev.scenarist.core.lessons;

import java.util.List;
import java.util.Objects;

/**
 * A lesson as a campaign froze it: the text added to the prompts of {@code stage} (of every authoring stage when
 * {@code stage} is empty).
 */
public record LessonLine(String stage, String text) {
    public LessonLine {
        stage = stage == null ? "" : stage;
        Objects.requireNonNull(text, "text");
    }

    /** The lines that go into {@code stage}'s prompts, in order. */
    public static List<String> forStage(List<LessonLine> lines, String stage) {
        return lines.stream().filter(l -> l.stage().isEmpty() || l.stage().equals(stage)).map(LessonLine::text).toList();
    }
}
