package dev.scenarist.packs.chains.internal.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.packs.chains.internal.check.CheckResult;
import dev.scenarist.packs.chains.internal.run.ScenarioRun;
import dev.scenarist.packs.chains.internal.run.StepRun;
import dev.scenarist.packs.chains.pool.Priority;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The analyst as a model with the rubric. The deterministic checks ran first; the model sees every step's
 * question, reply, semantic memory and check results, and the offline score, and answers one JSON object (score 0–100,
 * P0/P1/P2 defects, per-scenario scores, whether a person must decide). The offline analyst's defects stay in the
 * verdict — they are facts the model cannot argue away.
 */
public final class ModelAnalyst implements Analyst {
    static final String RUBRIC = """
            You are the analyst of a domain scenario loop: you judge a product assistant's answers to chains of questions.
            Rubric (score 0-100):
            - the direct answer comes first;
            - the selected object (item) and date survive follow-up questions: the session's semantic_memory must keep them;
            - every field of an answer must be true against the session state;
            - the answer must hold in all wordings of a question: canonical, colloquial and pronoun_only (the acceptance matrix).
            Defects: P0 = wrong or lost context, wrong facts, or no answer; P1 = incomplete answer or missing capability; P2 = presentation.
            Set requires_user_decision only when the next fix would require guessing a missing required observation, an
            architecture-risky change, a brittle workaround, or a business trade-off without evidence
            (decision_kind: missing_required_observation | architecture_risk | brittle_workaround | business_tradeoff).
            Answer with ONE JSON object and nothing else:
            {"score": 0-100, "scenario_scores": {"<scenario_id>": 0-100}, "defects": [{"priority": "P0|P1|P2", "scenario_id": "...",
             "step_id": "...", "wording": "canonical|colloquial|pronoun_only", "title": "short stable title", "detail": "..."}],
             "requires_user_decision": false, "decision_kind": null, "decision_reason": null, "summary": "..."}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Author model;

    public ModelAnalyst(Author model) {
        this.model = model;
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    public Verdict judge(List<ScenarioRun> runs, int gate) throws AnalystException, InterruptedException {
        Verdict facts = new OfflineAnalyst().judge(runs, gate);
        String prompt = "Runs (deterministic checks already applied):\n" + digest(runs).toPrettyString()
                + "\n\nOffline rubric score: " + facts.scores().score() + "/100. Gate: " + gate + ".";
        AuthorReply reply;
        try {
            reply = model.reply(new AuthorRequest("chains-analyst", RUBRIC, prompt,
                    new ModelSettings(Optional.empty(), OptionalDouble.of(0), OptionalInt.of(4000), ModelSettings.DEFAULT_TIMEOUT), 1, 0, Map.of()));
        } catch (AuthorException e) {
            throw new AnalystException("the analyst model " + model.id() + " failed: " + e.getMessage(), e);
        }
        return parse(reply.text(), facts, gate);
    }

    Verdict parse(String text, Verdict facts, int gate) throws AnalystException {
        JsonNode n;
        try {
            int start = text.indexOf('{');
            int end = text.lastIndexOf('}');
            if (start < 0 || end < start) throw new IOException("no JSON object in the reply");
            n = JSON.readTree(text.substring(start, end + 1));
        } catch (IOException e) {
            throw new AnalystException("the analyst model " + model.id() + " did not answer one JSON object: " + e.getMessage(), e);
        }
        if (!n.path("score").canConvertToInt() || n.get("score").asInt() < 0 || n.get("score").asInt() > 100) {
            throw new AnalystException("the analyst model " + model.id() + " gave no 'score' between 0 and 100: " + n.path("score"), null);
        }
        Map<String, Integer> perScenario = new LinkedHashMap<>(facts.scores().perScenario());
        for (Entry<String, JsonNode> e : n.path("scenario_scores").properties()) {
            if (perScenario.containsKey(e.getKey()) && e.getValue().canConvertToInt()) perScenario.put(e.getKey(), Math.max(0, Math.min(100, e.getValue().asInt())));
        }
        List<Defect> defects = new ArrayList<>(facts.defects());
        for (JsonNode d : n.path("defects")) {
            Priority p;
            try {
                p = Priority.valueOf(d.path("priority").asText("P1").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                p = Priority.P1;
            }
            defects.add(new Defect(p, new Defect.Location(d.path("scenario_id").asText(""), d.path("step_id").asText(""), d.path("wording").asText("")),
                    d.path("title").asText("analyst finding"), d.path("detail").asText(""), ""));
        }
        Optional<UserDecision> decision = facts.decision();
        if (n.path("requires_user_decision").asBoolean(false)) {
            UserDecision.Kind kind;
            try {
                kind = UserDecision.Kind.valueOf(n.path("decision_kind").asText("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                kind = UserDecision.Kind.ARCHITECTURE_RISK;
            }
            decision = Optional.of(new UserDecision(kind, n.path("decision_reason").asText("the analyst asks for a decision")));
        }
        return new Verdict(id(), new Verdict.Scores(n.get("score").asInt(), gate, perScenario), defects, decision, n.path("summary").asText(""));
    }

    private static ArrayNode digest(List<ScenarioRun> runs) {
        ArrayNode all = JSON.createArrayNode();
        for (ScenarioRun r : runs) {
            ObjectNode sc = all.addObject().put("scenario_id", r.scenario().id()).put("title", r.scenario().title()).put("status", r.status().key());
            ArrayNode steps = sc.putArray("steps");
            for (StepRun s : r.steps().toList()) {
                ObjectNode o = steps.addObject().put("step_id", s.ref().stepId()).put("wording", s.ref().wording().key())
                        .put("question", s.asked().question().orElse(s.asked().template())).put("status", s.verdict().status().key())
                        .put("reason", s.verdict().reason());
                s.capture().response().ifPresent(resp -> o.set("reply", resp.path("reply")));
                s.capture().session().ifPresent(ses -> o.set("semantic_memory", ses.path("semantic_memory")));
                ArrayNode checks = o.putArray("checks");
                for (CheckResult c : s.verdict().checks()) checks.addObject().put("check", c.resolved()).put("passed", c.passed()).put("detail", c.detail());
            }
        }
        return all;
    }
}
