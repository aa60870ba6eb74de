package dev.scenarist.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One lesson as stored.
 *
 * @param key         stable within the pack: {@code check:code} for a learnt lesson, {@code note:N} for one a person added
 * @param position    0-based order within the pack (most frequent first when learnt)
 * @param stage       the stage whose prompts it goes into, empty for every authoring stage
 * @param text        the guidance line added to prompts
 * @param enabled     whether it is added to prompts
 * @param occurrences how often its finding was seen when it was last refreshed (0 for a person's note)
 * @param edited      a person changed its text: a refresh keeps that text
 */
public record LessonRecord(String pack, String key, int position, String stage, String check, String code, String text,
                           boolean enabled, long occurrences, boolean edited, Instant updatedAt) {
    public LessonRecord {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(key, "key");
        stage = stage == null ? "" : stage;
        check = check == null ? "" : check;
        code = code == null ? "" : code;
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (key.isBlank()) throw new IllegalArgumentException("a lesson's key cannot be blank (pack " + pack + ")");
    }

    public LessonRecord at(int newPosition) {
        return new LessonRecord(pack, key, newPosition, stage, check, code, text, enabled, occurrences, edited, updatedAt);
    }
}
