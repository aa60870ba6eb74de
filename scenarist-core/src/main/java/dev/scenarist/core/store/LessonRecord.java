package dev.scenarist.core.store;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.Objects;

/**
 * One lesson as stored (JSON: one flat object, the parts unwrapped).
 *
 * @param key      stable within the pack: {@code check:code} for a learnt lesson, {@code note:N} for one a person added
 * @param position 0-based order within the pack (most frequent first when learnt)
 * @param text     the guidance line added to prompts
 */
public record LessonRecord(String pack, String key, int position, @JsonUnwrapped Origin origin, String text, @JsonUnwrapped State state) {
    /**
     * Where a lesson comes from.
     *
     * @param stage       the stage whose prompts it goes into, empty for every authoring stage
     * @param check       the check of the finding it was learnt from (empty for a person's note)
     * @param code        that finding's code (empty for a person's note)
     * @param occurrences how often the finding was seen when it was last refreshed (0 for a person's note)
     */
    public record Origin(String stage, String check, String code, long occurrences) {
        public static final Origin NOTE = new Origin("", "", "", 0);

        public Origin {
            stage = stage == null ? "" : stage;
            check = check == null ? "" : check;
            code = code == null ? "" : code;
        }

        public static Origin note(String stage) {
            return new Origin(stage, "", "", 0);
        }
    }

    /**
     * What people made of it.
     *
     * @param enabled whether it is added to prompts
     * @param edited  a person changed its text: a refresh keeps that text
     */
    public record State(boolean enabled, boolean edited, Instant updatedAt) {
        public State {
            Objects.requireNonNull(updatedAt, "updatedAt");
        }
    }

    public LessonRecord {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(state, "state");
        if (key.isBlank()) throw new IllegalArgumentException("a lesson's key cannot be blank (pack " + pack + ")");
    }

    public LessonRecord at(int newPosition) {
        return new LessonRecord(pack, key, newPosition, origin, text, state);
    }

    public String stage() {
        return origin.stage();
    }

    public long occurrences() {
        return origin.occurrences();
    }

    public boolean enabled() {
        return state.enabled();
    }

    public boolean edited() {
        return state.edited();
    }
}
