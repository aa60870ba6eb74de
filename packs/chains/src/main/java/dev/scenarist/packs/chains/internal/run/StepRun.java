package dev.scenarist.packs.chains.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.chains.Status;
import dev.scenarist.packs.chains.internal.check.CheckResult;
import dev.scenarist.packs.chains.internal.path.Placeholders;
import dev.scenarist.packs.chains.internal.target.Call;
import dev.scenarist.packs.chains.pool.Wording;
import java.util.List;
import java.util.Optional;

/** One step of one pass: what was asked, what came back, and its verdict. */
public record StepRun(Ref ref, Asked asked, Verdict verdict, Capture capture) {

    /**
     * @param folder the step's artifact folder name: the step id for the canonical pass, {@code <step_id>__<wording>} for the others
     */
    public record Ref(String folder, String stepId, Wording wording, int index) {}

    /** @param question the question with its placeholders resolved; empty when they could not be */
    public record Asked(String template, Optional<String> question, List<Placeholders.Resolution> resolutions, Optional<ObjectNode> turn) {}

    /** @param cause why a step is blocked or lacks a capability, NONE otherwise */
    public record Verdict(Status status, String reason, Cause cause, List<CheckResult> checks, List<Attempt> attempts) {
        public boolean flaky() {
            return attempts.size() > 1 && status == Status.ACCEPTED;
        }
    }

    public record Attempt(int number, Status status, String reason) {}

    public record Capture(Optional<JsonNode> response, Optional<JsonNode> session, Optional<String> sessionId, List<Call> calls) {}

    public enum Cause { NONE, TRANSPORT, HTTP, MALFORMED, PLACEHOLDER, UPSTREAM, CAPABILITY, CHECKS }
}
