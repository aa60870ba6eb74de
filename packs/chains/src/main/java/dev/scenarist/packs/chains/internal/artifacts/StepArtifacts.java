package dev.scenarist.packs.chains.internal.artifacts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.chains.Target;
import dev.scenarist.packs.chains.internal.check.CheckResult;
import dev.scenarist.packs.chains.internal.run.StepRun;
import dev.scenarist.packs.chains.internal.target.Call;
import java.nio.file.Path;

/**
 * A step's six files in {@code steps/<step_id>/}: {@code output.md}, {@code debug.json}, {@code turn.json},
 * {@code session.json}, {@code assistant_response.json}, {@code step_state.json}.
 */
final class StepArtifacts {
    private final ArtifactFiles files;

    StepArtifacts(ArtifactFiles files) {
        this.files = files;
    }

    void write(Path dir, String scenarioId, StepRun s, Target target) {
        files.json(dir.resolve("turn.json"), turn(s));
        files.json(dir.resolve("assistant_response.json"), s.capture().response().orElse(ArtifactFiles.object()));
        files.json(dir.resolve("session.json"), s.capture().session().orElse(ArtifactFiles.object()));
        files.json(dir.resolve("debug.json"), debug(s, target));
        files.json(dir.resolve("step_state.json"), state(scenarioId, s));
        files.text(dir.resolve("output.md"), output(s));
    }

    private static ObjectNode turn(StepRun s) {
        ObjectNode t = ArtifactFiles.object("turn").put("step_id", s.ref().stepId()).put("folder", s.ref().folder())
                .put("wording", s.ref().wording().key()).put("index", s.ref().index()).put("question_template", s.asked().template());
        t.put("question", s.asked().question().orElse(null));
        ArrayNode ph = t.putArray("placeholders");
        s.asked().resolutions().forEach(r -> ph.addObject().put("placeholder", r.placeholder()).put("value", r.value()));
        if (s.asked().turn().isPresent()) t.set("request", s.asked().turn().get());
        else t.putNull("request");
        t.put("session_id", s.capture().sessionId().orElse(null));
        return t;
    }

    private static ObjectNode debug(StepRun s, Target target) {
        ObjectNode d = ArtifactFiles.object("debug").put("step_id", s.ref().stepId()).put("folder", s.ref().folder());
        ObjectNode headers = d.putObject("request_headers").put("Content-Type", "application/json").put("Accept", "application/json");
        target.auth().ifPresent(h -> headers.put(h.name(), ArtifactFiles.REDACTED));
        ArrayNode calls = d.putArray("calls");
        for (Call c : s.capture().calls()) {
            ObjectNode o = calls.addObject().put("method", c.method()).put("url", c.url()).put("status", c.status()).put("millis", c.millis());
            o.put("error", c.error().orElse(null));
        }
        d.put("attempts", s.verdict().attempts().size()).put("flaky", s.verdict().flaky()).put("cause", s.verdict().cause().name().toLowerCase());
        return d;
    }

    static ObjectNode state(String scenarioId, StepRun s) {
        ObjectNode st = ArtifactFiles.object("step_state").put("scenario_id", scenarioId).put("step_id", s.ref().stepId())
                .put("folder", s.ref().folder()).put("wording", s.ref().wording().key()).put("status", s.verdict().status().key())
                .put("reason", s.verdict().reason()).put("cause", s.verdict().cause().name().toLowerCase());
        ArrayNode checks = st.putArray("checks");
        for (CheckResult c : s.verdict().checks()) {
            checks.addObject().put("check", c.check()).put("resolved", c.resolved()).put("kind", c.kind().key()).put("priority", c.priority().name())
                    .put("passed", c.passed()).put("detail", c.detail());
        }
        ArrayNode attempts = st.putArray("attempts");
        s.verdict().attempts().forEach(a -> attempts.addObject().put("attempt", a.number()).put("status", a.status().key()).put("reason", a.reason()));
        st.put("flaky", s.verdict().flaky());
        return st;
    }

    private static String output(StepRun s) {
        StringBuilder md = new StringBuilder("# ").append(s.ref().stepId()).append(" (").append(s.ref().wording().key()).append(")\n\n");
        md.append("**Question:** ").append(s.asked().question().orElse(s.asked().template() + " *(not asked)*")).append("\n\n");
        md.append("**Reply:** ").append(s.capture().response().map(r -> r.path("reply").asText("(no reply field)")).orElse("(no reply)")).append("\n\n");
        md.append("**Status:** ").append(s.verdict().status().key()).append(" — ").append(s.verdict().reason()).append("\n");
        if (s.verdict().flaky()) md.append("\n**Flaky:** accepted on attempt ").append(s.verdict().attempts().size()).append("\n");
        if (!s.verdict().checks().isEmpty()) {
            md.append("\n## Checks\n\n");
            for (CheckResult c : s.verdict().checks()) {
                md.append("- ").append(c.passed() ? "pass" : "FAIL").append(" `").append(c.resolved()).append("` — ").append(c.detail()).append('\n');
            }
        }
        return md.toString();
    }
}
