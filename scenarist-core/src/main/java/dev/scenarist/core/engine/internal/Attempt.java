package dev.scenarist.core.engine.internal;

import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.store.AttemptVerdict;
import dev.scenarist.core.store.CheckRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One attempt under way: its numbers, the calls it made so far, the prompt it sent (empty hash when it sent none) and
 * the trace written to its trajectory event.
 *
 * @param seq          1-based position among the run's attempts
 * @param stageAttempt the content attempt (or refine round) within the stage that it is
 * @param trace        extra trajectory fields (prompt, reply, files written, scores); filled in as the attempt goes
 */
record Attempt(int seq, int stageAttempt, Instant started, AuthorGateway.CallLog calls, String promptHash,
               Map<String, Object> trace) {
    /** An attempt that has not prompted the author (yet). */
    static Attempt begin(String runId, int seq, int stageAttempt, Instant started) {
        return new Attempt(seq, stageAttempt, started, new AuthorGateway.CallLog(runId, seq), "", new LinkedHashMap<>());
    }

    /** The same attempt, about to send {@code req}: its hash and its texts go into the trace. */
    Attempt prompting(AuthorRequest req) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("prompt_hash", req.hash());
        t.put("model_settings", req.settings().describe());
        t.put("system", req.system());
        t.put("prompt", req.prompt());
        return new Attempt(seq, stageAttempt, started, calls, req.hash(), t);
    }

    /** The attempt judged: it counts as its stage attempt. */
    Result judged(AttemptVerdict verdict, List<Finding> findings, List<CheckRecord> checks) {
        return new Result(this, stageAttempt, verdict, findings, checks);
    }

    /** The attempt cut short (infrastructure, budget): it spends no content attempt and has no findings. */
    Result cutShort(AttemptVerdict verdict, List<CheckRecord> checks) {
        return new Result(this, 0, verdict, List.of(), checks);
    }

    /** What one attempt did, ready to be committed. */
    record Result(Attempt attempt, int stageAttempt, AttemptVerdict verdict, List<Finding> findings, List<CheckRecord> checks) {
        Result {
            findings = List.copyOf(findings);
            checks = List.copyOf(checks);
        }
    }
}
