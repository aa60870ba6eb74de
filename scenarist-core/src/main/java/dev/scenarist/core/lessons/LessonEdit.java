package dev.scenarist.core.lessons;

import java.util.Optional;

/**
 * A change a person makes to a pack's lessons.
 */
public sealed interface LessonEdit {
    /** New text and/or enabled flag for the lesson {@code key}. */
    record Change(String key, Optional<String> text, Optional<Boolean> enabled) implements LessonEdit {}

    /** A lesson of the person's own, for {@code stage} (empty: every authoring stage). */
    record Add(String text, String stage, boolean enabled) implements LessonEdit {}

    /** Removes the lesson {@code key} (a learnt one comes back at the next refresh if it is still frequent). */
    record Remove(String key) implements LessonEdit {}
}
