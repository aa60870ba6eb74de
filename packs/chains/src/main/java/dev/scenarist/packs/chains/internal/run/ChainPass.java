package dev.scenarist.packs.chains.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.chains.Status;
import dev.scenarist.packs.chains.internal.check.CheckResult;
import dev.scenarist.packs.chains.internal.check.Checks;
import dev.scenarist.packs.chains.internal.path.Captures;
import dev.scenarist.packs.chains.internal.path.Placeholders;
import dev.scenarist.packs.chains.internal.target.Answer;
import dev.scenarist.packs.chains.internal.target.AssistantClient;
import dev.scenarist.packs.chains.internal.target.Call;
import dev.scenarist.packs.chains.pool.ChainScenario;
import dev.scenarist.packs.chains.pool.ChainStep;
import dev.scenarist.packs.chains.pool.Expectation;
import dev.scenarist.packs.chains.pool.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass of a chain in one wording: every step in order, in one assistant session. After each answer the session is
 * fetched, so checks and later placeholders read the assistant's state, not only its words. A step that fails its
 * checks is asked again up to {@code retries} times (the flakiness is recorded); a blocked step blocks the rest of its
 * own pass only.
 */
public final class ChainPass {
    private final AssistantClient client;
    private final int retries;

    public ChainPass(AssistantClient client, int retries) {
        this.client = client;
        this.retries = retries;
    }

    public record Result(Wording wording, Optional<String> sessionId, List<StepRun> steps) {}

    public Result run(ChainScenario scenario, Wording wording) throws InterruptedException {
        Captures captures = new Captures();
        List<StepRun> runs = new ArrayList<>();
        Optional<String> session = Optional.empty();
        StepRun blockedBy = null;
        for (int i = 0; i < scenario.steps().size(); i++) {
            ChainStep step = scenario.steps().get(i);
            var ref = new StepRun.Ref(wording == Wording.CANONICAL ? step.id() : step.id() + "__" + wording.key(), step.id(), wording, i + 1);
            String template = step.question(wording);
            StepRun run;
            if (blockedBy != null) {
                run = notRun(ref, template, "not run: " + blockedBy.ref().stepId() + " before it is blocked (" + blockedBy.verdict().reason() + ")");
            } else {
                run = ask(ref, step, template, captures, session);
                if (run.capture().sessionId().isPresent()) session = run.capture().sessionId();
                if (run.verdict().status() == Status.BLOCKED) blockedBy = run;
            }
            runs.add(run);
        }
        return new Result(wording, session, List.copyOf(runs));
    }

    private static StepRun notRun(StepRun.Ref ref, String template, String reason) {
        return new StepRun(ref, new StepRun.Asked(template, Optional.empty(), List.of(), Optional.empty()),
                new StepRun.Verdict(Status.BLOCKED, reason, StepRun.Cause.UPSTREAM, List.of(), List.of()),
                new StepRun.Capture(Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
    }

    private StepRun ask(StepRun.Ref ref, ChainStep step, String template, Captures captures, Optional<String> session) throws InterruptedException {
        Placeholders.Resolved resolved;
        try {
            resolved = Placeholders.resolve(template, captures);
        } catch (Placeholders.UnresolvedPlaceholder e) {
            return new StepRun(ref, new StepRun.Asked(template, Optional.empty(), List.of(), Optional.empty()),
                    new StepRun.Verdict(Status.BLOCKED, step.id() + ": " + e.getMessage(), StepRun.Cause.PLACEHOLDER, List.of(), List.of()),
                    new StepRun.Capture(Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
        }
        List<Call> calls = new ArrayList<>();
        List<StepRun.Attempt> attempts = new ArrayList<>();
        Outcome last = null;
        ObjectNode turn = null;
        for (int attempt = 1; attempt <= 1 + retries; attempt++) {
            turn = client.body(session, resolved.text());
            last = once(step, turn, captures, session, calls);
            attempts.add(new StepRun.Attempt(attempt, last.status, last.reason));
            if (last.status == Status.ACCEPTED || last.status == Status.NEEDS_EXACT_CAPABILITY) break;
            if (last.got.sessionId().isPresent()) session = last.got.sessionId();
        }
        return new StepRun(ref, new StepRun.Asked(template, Optional.of(resolved.text()), resolved.resolutions(), Optional.of(turn)),
                new StepRun.Verdict(last.status, last.reason, last.cause, last.checks, attempts.size() > 1 ? List.copyOf(attempts) : List.of(attempts.get(0))),
                new StepRun.Capture(Optional.ofNullable(last.got.response()), Optional.ofNullable(last.got.session()), last.got.sessionId(), List.copyOf(calls)));
    }

    /** What one attempt got back: the reply, the session state after it, the session's id (each null/empty when not reached). */
    private record Got(JsonNode response, JsonNode session, Optional<String> sessionId) {}

    private record Outcome(Status status, String reason, StepRun.Cause cause, List<CheckResult> checks, Got got) {}

    private Outcome once(ChainStep step, ObjectNode turn, Captures captures, Optional<String> session, List<Call> calls) throws InterruptedException {
        Answer sent = client.send(turn);
        calls.add(sent.call());
        if (sent instanceof Answer.Failed f) return failed(f, "POST /api/assistant/message", null, session);
        JsonNode response = ((Answer.Json) sent).body();
        String sid = response.get("session_id").asText();
        Answer fetched = client.session(sid);
        calls.add(fetched.call());
        if (fetched instanceof Answer.Failed f) return failed(f, "GET /api/assistant/session/" + sid, response, Optional.of(sid));
        JsonNode state = ((Answer.Json) fetched).body();
        captures.add(step.id(), response, state);
        List<CheckResult> checks = new ArrayList<>();
        checks.add(Checks.replyPresent(response));
        if (session.isPresent() && !session.get().equals(sid)) {
            checks.add(new CheckResult("session_id stays " + session.get(), "session_id stays " + session.get(),
                    dev.scenarist.packs.chains.pool.CheckKind.CARRYOVER, dev.scenarist.packs.chains.pool.Priority.P0,
                    new CheckResult.Finding(false, "the assistant answered in another session (" + sid + "): the chain's context is lost", true)));
        }
        for (Expectation e : step.expectations()) checks.add(Checks.run(e, captures));
        if ("unsupported".equals(response.path("capability").asText())) {
            return new Outcome(Status.NEEDS_EXACT_CAPABILITY, "the assistant lacks this capability: " + response.path("reply").asText(""),
                    StepRun.Cause.CAPABILITY, checks, new Got(response, state, Optional.of(sid)));
        }
        List<CheckResult> failed = checks.stream().filter(c -> !c.passed()).toList();
        if (failed.isEmpty()) return new Outcome(Status.ACCEPTED, "all " + checks.size() + " checks passed", StepRun.Cause.NONE, checks, new Got(response, state, Optional.of(sid)));
        return new Outcome(Status.PARTIAL, failed.size() + " of " + checks.size() + " checks failed: " + failed.get(0).resolved() + " — " + failed.get(0).detail(),
                StepRun.Cause.CHECKS, checks, new Got(response, state, Optional.of(sid)));
    }

    private static Outcome failed(Answer.Failed f, String what, JsonNode response, Optional<String> sid) {
        return switch (f.kind()) {
            case NOT_IMPLEMENTED -> new Outcome(Status.NEEDS_EXACT_CAPABILITY, what + ": " + f.reason(), StepRun.Cause.CAPABILITY, List.of(), new Got(response, null, sid));
            case TRANSPORT -> new Outcome(Status.BLOCKED, what + ": " + f.reason(), StepRun.Cause.TRANSPORT, List.of(), new Got(response, null, sid));
            case HTTP -> new Outcome(Status.BLOCKED, what + ": " + f.reason(), StepRun.Cause.HTTP, List.of(), new Got(response, null, sid));
            case MALFORMED -> new Outcome(Status.BLOCKED, what + ": " + f.reason(), StepRun.Cause.MALFORMED, List.of(), new Got(response, null, sid));
        };
    }
}
