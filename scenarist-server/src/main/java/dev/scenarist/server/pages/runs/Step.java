package dev.scenarist.server.pages.runs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of a run's trajectory ({@code steps.jsonl}) as the run page uses it. Attempt lines carry the prompt, the reply
 * and the files written; other kinds of line (a person's decision at a gate, an edit) are kept as they are, for the
 * timeline to show by their type.
 *
 * @param seq          the attempt's position among the run's attempts (0 for a line that is no attempt)
 * @param snapshot     the run-relative folder of the stage's snapshot, when this attempt passed its stage
 * @param filesWritten the files the attempt's reply wrote (empty when the stage writes none, or the line predates the field)
 * @param raw          the whole line, for kinds the page does not know
 */
public record Step(String type, int seq, String stage, int stageAttempt, String verdict, String system, String prompt, String reply,
                   Optional<String> snapshot, List<String> filesWritten, String modelSettings, long millis, Map<String, Object> raw) {
    public Step {
        filesWritten = List.copyOf(filesWritten);
        raw = raw == null ? Map.of() : raw;
    }

    public boolean isAttempt() {
        return "attempt".equals(type);
    }
}
