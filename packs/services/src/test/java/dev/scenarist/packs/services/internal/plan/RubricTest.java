package dev.scenarist.packs.services.internal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RubricTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> CATALOG = Set.of("postgres", "redis", "minio", "qdrant", "n8n", "node-red", "ollama", "mailhog");

    static JsonNode examplePlan() throws IOException {
        try (InputStream in = RubricTest.class.getResourceAsStream("/example/appointment-booking/plan.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void theReferencePlanMissesOneRiskTwoUncoveredTablesAndTheShouldCheck() throws IOException {
        RubricScore s = Rubric.evaluate(examplePlan(), CATALOG);
        assertEquals(Map.of("completeness", 4, "feasibility", 5, "data_model", 4, "business_model", 5, "testability", 4), s.scores());
        assertEquals(List.of("completeness", "feasibility", "data_model", "business_model", "testability"), List.copyOf(s.scores().keySet()));
        assertEquals(22, s.total());
        assertEquals(0.88, s.normalized(), 1e-9);
        assertTrue(s.notes().contains("two or more risks"), s.notes());
        assertTrue(s.notes().contains("tables no requirement covers: dentists, patients"), s.notes());
        assertTrue(s.notes().contains("should/could requirements without a check: R3"), s.notes());
    }

    @Test
    void anEmptyPlanScoresNothing() {
        RubricScore s = Rubric.evaluate(JSON.createObjectNode(), CATALOG);
        assertEquals(0, s.total(), s.notes());
    }

    @Test
    void eachRuleCostsItsPoint() throws IOException {
        ObjectNode plan = (ObjectNode) examplePlan();
        // a resource the catalog lacks costs feasibility rules 1 and 4 (listed, and used by a component)
        ((ObjectNode) plan.path("resources").get(0)).put("name", "mysql");
        ((ObjectNode) plan.path("architecture").path("components").get(0)).put("resource", "mysql");
        assertEquals(3, Rubric.evaluate(plan, CATALOG).score(Criterion.FEASIBILITY));
        // the same plan against a catalog that has mysql is feasible again
        assertEquals(5, Rubric.evaluate(plan, Set.of("mysql", "n8n")).score(Criterion.FEASIBILITY));
        // pricing without an amount; a placeholder value estimate
        ((ObjectNode) plan.path("business_model")).put("pricing", "a monthly fee per clinic").put("value_estimate", "TBD");
        assertEquals(3, Rubric.evaluate(plan, CATALOG).score(Criterion.BUSINESS_MODEL));
        // a covered_by entry naming a workflow that is not designed
        ((ArrayNode) plan.path("requirements").get(1).path("covered_by")).removeAll().add("workflow:sms-reminders");
        assertEquals(3, Rubric.evaluate(plan, CATALOG).score(Criterion.COMPLETENESS));
    }

    @Test
    void theCriticReplyRoundTrips() throws Exception {
        RubricScore s = Rubric.evaluate(examplePlan(), CATALOG);
        RubricScore back = RubricScore.parse(s.toJson());
        assertEquals(s, back);
        // a model's habit: a code fence and a sentence around the object
        RubricScore fenced = RubricScore.parse("Here is my score:\n```json\n" + s.toJson() + "```\n");
        assertEquals(s.scores(), fenced.scores());
    }

    @Test
    void aStrictParserNamesTheCriterionAtFault() {
        assertCriterion("data_model", "{\"scores\": {\"completeness\": 3, \"feasibility\": 4, \"business_model\": 5, \"testability\": 2}}");
        assertCriterion("testability", "{\"scores\": {\"completeness\": 3, \"feasibility\": 4, \"data_model\": 1, \"business_model\": 5, \"testability\": 4.5}}");
        assertCriterion("feasibility", "{\"scores\": {\"completeness\": 3, \"feasibility\": 6, \"data_model\": 1, \"business_model\": 5, \"testability\": 4}}");
        assertCriterion("completeness", "{\"scores\": {\"completeness\": \"3\", \"feasibility\": 4, \"data_model\": 1, \"business_model\": 5, \"testability\": 4}}");
        assertCriterion("business_model", "{\"scores\": {\"completeness\": 3, \"feasibility\": 4, \"data_model\": 1, \"business_model\": -1, \"testability\": 4}}");
        assertCriterion("novelty", "{\"scores\": {\"completeness\": 3, \"feasibility\": 4, \"data_model\": 1, \"business_model\": 1, \"testability\": 4, \"novelty\": 5}}");
        var noJson = assertThrows(RubricReplyException.class, () -> RubricScore.parse("The plan looks good, 4 out of 5."));
        assertEquals(Optional.empty(), noJson.criterion());
        assertTrue(noJson.getMessage().contains("\"completeness\": 0..5"), noJson.getMessage());
        var noScores = assertThrows(RubricReplyException.class, () -> RubricScore.parse("{\"completeness\": 3}"));
        assertTrue(noScores.getMessage().contains("no \"scores\" object"), noScores.getMessage());
    }

    private static void assertCriterion(String criterion, String reply) {
        var e = assertThrows(RubricReplyException.class, () -> RubricScore.parse(reply));
        assertEquals(Optional.of(criterion), e.criterion(), e.getMessage());
        assertTrue(e.getMessage().contains("\"" + criterion + "\""), e.getMessage());
    }

    @Test
    void theCriticPromptCarriesThePlanAndTheCatalog() throws IOException {
        String planText = JSON.writeValueAsString(examplePlan());
        String prompt = Rubric.prompt(planText, CATALOG);
        assertEquals(Optional.of(planText), Rubric.planText(prompt));
        assertEquals(Optional.of(CATALOG), Rubric.catalog(prompt));
        // the engine's own file block is understood as well
        assertEquals(Optional.of("{\"a\": 1}"), Rubric.planText("## Current files\n\n<file path=\"plan.json\">\n{\"a\": 1}\n</file>\n"));
        assertEquals(Optional.empty(), Rubric.planText("no plan here"));
        for (Criterion c : Criterion.values()) assertTrue(Rubric.SYSTEM.contains("## " + c.key()), c.key());
        assertTrue(Rubric.SYSTEM.contains("\"scores\""));
    }
}
