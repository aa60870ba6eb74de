package dev.scenarist.server.pages.runs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of a run's trajectory ({@code steps.jsonl}), read through the fields the run page uses. Attempt lines carry
 * the prompt, the reply and the files written; other kinds of line (a person's decision at a gate, an edit) are kept
 * whole, for the timeline to show by their type. A field a line lacks reads as empty or zero.
 *
 * @param raw the whole line as written
 */
public record Step(Map<String, Object> raw) {
    public Step {
        raw = raw == null ? Map.of() : raw;
    }

    public boolean isAttempt() {
        return "attempt".equals(type());
    }

    public String type() {
        return text("type");
    }

    /** The attempt's position among the run's attempts (0 for a line that is no attempt). */
    public int seq() {
        return raw.get("seq") instanceof Number n ? n.intValue() : 0;
    }

    public String stage() {
        return text("stage");
    }

    public int stageAttempt() {
        return raw.get("stage_attempt") instanceof Number n ? n.intValue() : 0;
    }

    public String verdict() {
        return text("verdict");
    }

    public String system() {
        return text("system");
    }

    public String prompt() {
        return text("prompt");
    }

    public String reply() {
        return text("reply");
    }

    public String modelSettings() {
        return text("model_settings");
    }

    public long millis() {
        return raw.get("millis") instanceof Number n ? n.longValue() : 0;
    }

    /** The run-relative folder of the stage's snapshot, when this attempt passed its stage. */
    public Optional<String> snapshot() {
        return Optional.ofNullable(raw.get("snapshot")).map(String::valueOf);
    }

    /** The files the attempt's reply wrote (empty when the stage writes none, or the line predates the field). */
    public List<String> filesWritten() {
        return raw.get("files_written") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private String text(String key) {
        Object v = raw.get(key);
        return v == null ? "" : String.valueOf(v);
    }
}
