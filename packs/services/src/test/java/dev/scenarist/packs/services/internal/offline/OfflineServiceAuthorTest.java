package dev.scenarist.packs.services.internal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.WorkScope;
import dev.scenarist.packs.services.internal.plan.Rubric;
import dev.scenarist.packs.services.internal.plan.RubricScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineServiceAuthorTest {
    private static final Pattern FILE = Pattern.compile("<file path=\"([^\"]+)\">\\n(.*?)</file>\\n", Pattern.DOTALL);
    private static final Set<String> CATALOG = Set.of("postgres", "redis", "minio", "qdrant", "n8n", "node-red", "ollama", "mailhog");
    private final OfflineServiceAuthor author = new OfflineServiceAuthor();

    static SortedMap<String, String> files(String reply) {
        SortedMap<String, String> out = new TreeMap<>();
        Matcher m = FILE.matcher(reply);
        int end = 0;
        while (m.find()) {
            assertEquals(end, m.start(), "text between file blocks");
            out.put(m.group(1), m.group(2));
            end = m.end();
        }
        assertEquals(reply.length(), end, "text after the last file block");
        return out;
    }

    private SortedMap<String, String> ask(String stage, String prompt, int attempt, long seed) throws Exception {
        return files(author.reply(OfflineFixtures.request(stage, prompt, attempt, seed)).text());
    }

    private RubricScore score(String planText, long seed) throws Exception {
        String reply = author.reply(OfflineFixtures.request("refine:score", Rubric.prompt(planText, CATALOG), 1, seed)).text();
        return RubricScore.parse(reply);
    }

    @Test
    void thePlanStageWritesPlanJsonOnly() throws Exception {
        var files = ask("plan", "Begin.", 1, 4);
        assertEquals(Set.of("plan.json"), files.keySet());
        var plan = new ObjectMapper().readTree(files.get("plan.json"));
        var p = ServiceDesigner.parameters(4, Optional.empty());
        assertEquals(p.get("service_name"), plan.path("service_name").asText());
        assertEquals(p.get("category"), plan.path("category").asText());
        assertEquals(p.get("request"), plan.path("request").asText());
    }

    @Test
    void theRubricScoreRisesEveryRefineRoundAndNeverFalls() throws Exception {
        for (long seed = 0; seed < 12; seed++) {
            int previous = score(ask("plan", "Begin.", 1, seed).get("plan.json"), seed).total();
            assertEquals(25 - PlanGap.AT_START, previous, "round 0 of seed " + seed);
            for (int round = 1; round <= 5; round++) {
                String prompt = "## Current files\n\n...\n\nRound " + round + " of 5. The best version so far scored 0.760; beat it.\n";
                int now = score(ask("refine", prompt, round, seed).get("plan.json"), seed).total();
                if (round <= PlanGap.LAST_ROUND) assertTrue(now > previous, "seed " + seed + " round " + round + ": " + now + " after " + previous);
                else assertEquals(previous, now, "seed " + seed + " round " + round);
                previous = now;
            }
            assertEquals(25, previous, "seed " + seed + " ends with a full plan");
        }
    }

    @Test
    void everySeedsRefinedPlanMeetsEveryRule() throws Exception {
        for (long seed = 0; seed < OfflineFixtures.SEEDS; seed++) {
            var d = OfflineFixtures.design(seed);
            var full = Rubric.evaluate(PlanDraft.tree(d, PlanGap.LAST_ROUND), CATALOG);
            assertEquals(25, full.total(), "seed " + seed + ": " + full.notes());
            var first = Rubric.evaluate(PlanDraft.tree(d, 0), CATALOG);
            assertEquals(25 - PlanGap.AT_START, first.total(), "seed " + seed + ": " + first.notes());
        }
    }

    @Test
    void theRoundComesFromThePromptElseFromTheAttempt() throws Exception {
        long seed = 9;
        var fromAttempt = ask("refine", "Improve it.", 2, seed);
        var fromPrompt = ask("refine", "Round 2 of 4. The best version so far scored 0.840; beat it.", 7, seed);
        assertEquals(fromPrompt, fromAttempt);
        assertEquals(PlanDraft.text(OfflineFixtures.design(seed), 2), fromAttempt.get("plan.json"));
    }

    @Test
    void theCriticReadsTheWorkspaceWhenThePromptHasNoPlan(@TempDir Path ws) throws Exception {
        long seed = 5;
        Files.writeString(ws.resolve("plan.json"), PlanDraft.text(OfflineFixtures.design(seed), 1));
        var scope = new WorkScope(Optional.of(ws), List.of(), List.of("read"));
        var req = new AuthorRequest("refine:score", Rubric.SYSTEM, "Score the plan in the workspace.", ModelSettings.DEFAULTS, 1, seed,
                ServiceDesigner.parameters(seed, Optional.empty()), scope);
        assertEquals(25 - PlanGap.AT_START + PlanGap.FIXED_PER_ROUND, RubricScore.parse(author.reply(req).text()).total());
        var none = new AuthorRequest("refine:score", Rubric.SYSTEM, "Score it.", ModelSettings.DEFAULTS, 1, seed, Map.of());
        var e = assertThrows(PermanentAuthorException.class, () -> author.reply(none));
        assertTrue(e.getMessage().contains(Rubric.PLAN_OPEN), e.getMessage());
    }

    @Test
    void aPlanThatIsNotJsonScoresZero() throws Exception {
        assertEquals(0, score("{ \"request\": ", 1).total());
    }

    @Test
    void theFirstImplementationCarriesTheSeedsDefectAndTheRepairIsClean() throws Exception {
        int defective = 0;
        for (long seed = 0; seed < OfflineFixtures.SEEDS; seed++) {
            var clean = OfflineFixtures.clean(seed);
            var first = ask("implement", "Begin.", 1, seed);
            assertTrue(!first.containsKey("plan.json"), "the plan stays as refined");
            if (Defect.forSeed(seed).isPresent()) {
                defective++;
                assertNotEquals(clean, first, "seed " + seed);
                assertEquals(Implementation.files(OfflineFixtures.design(seed), OfflineServiceAuthor.defects(seed)), first);
                assertEquals(clean, ask("implement", "## Feedback: attempt 1 of 3 failed these checks\n\n- ...", 2, seed), "seed " + seed);
                assertEquals(clean, ask("validate", "## Feedback: attempt 1 of 3 failed these checks\n\n- ...", 2, seed), "seed " + seed);
            } else {
                assertEquals(clean, first, "seed " + seed);
            }
        }
        assertTrue(defective >= 10 && defective <= 30, defective + " of 50 seeds have a defect");
    }

    @Test
    void anUnknownStageOrCategoryIsAPermanentError() {
        var e = assertThrows(PermanentAuthorException.class, () -> author.reply(OfflineFixtures.request("review", "x", 1, 1)));
        assertTrue(e.getMessage().contains("'review'"), e.getMessage());
        var bad = new AuthorRequest("plan", "s", "p", ModelSettings.DEFAULTS, 1, 1, Map.of("category", "car-sharing"));
        var e2 = assertThrows(PermanentAuthorException.class, () -> author.reply(bad));
        assertTrue(e2.getMessage().contains("car-sharing"), e2.getMessage());
        assertEquals("offline", author.id());
    }
}
