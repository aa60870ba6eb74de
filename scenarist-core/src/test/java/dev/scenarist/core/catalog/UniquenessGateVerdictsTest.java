package dev.scenarist.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.GateDecision;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UniquenessGateVerdictsTest {
    private static final String DINNER = "Anna asks the assistant to book a table for four at the harbour restaurant on Friday and to tell Bruno";
    // one word changed: sequence ratio 0.95 → duplicate
    private static final String DINNER_COPY = "Anna asks the assistant to book a table for four at the harbour restaurant on Sunday and to tell Bruno";
    // about half of it reworded: sequence ratio ~0.73, shingle Jaccard ~0.45 → in the band below 0.8
    private static final String DINNER_NEAR = "Anna asks the assistant to book a table for four at a sushi bar downtown next Friday and to call Bruno";
    private static final String PLANTS = "Water the balcony plants every second day while Grace is travelling in Osaka";

    @TempDir
    Path dir;

    private final UniquenessIndex index = new UniquenessIndex(pack -> pack.equals("phone")
            ? Optional.of(new UniquenessPolicy(UniquenessRules.DEFAULTS, text -> text.contains("Osaka") ? "travel" : "home"))
            : Optional.empty(), Optional.empty());

    private GateContext context(String text) {
        return new GateContext(new RunContext("run-1", "c-1", "phone", 1, Map.of()), new Workspace(dir), text, index);
    }

    private void accept(String id, String title, String text) {
        index.add("phone", id, title, text);
    }

    @Test
    void aRewordingOfOneWordIsADuplicateAndTheFeedbackNamesTheNearestAndWhatTheyShare() {
        accept("phone-1", "Harbour dinner", DINNER);
        accept("phone-2", "Plants", PLANTS);
        var verdict = index.verdict("phone", CatalogItem.of("run-1", DINNER_COPY)).orElseThrow();
        assertThat(verdict).isInstanceOf(UniquenessVerdict.Duplicate.class);
        Similar nearest = verdict.nearest().getFirst();
        assertThat(nearest.item().id()).isEqualTo("phone-1");
        assertThat(nearest.measure()).isEqualTo(Measure.SEQUENCE_RATIO);
        assertThat(verdict.feedback()).contains("phone-1 \"Harbour dinner\"", "sequence ratio 0.95 (duplicate at 0.80)",
                "\"anna asks the assistant to book a table for four at the harbour restaurant on\"", "words ");
    }

    @Test
    void somethingElseIsUniqueAndTheBandBelowTheThresholdsIsBorderline() {
        accept("phone-1", "Harbour dinner", DINNER);
        assertThat(index.verdict("phone", CatalogItem.of("run-1", PLANTS)).orElseThrow()).isInstanceOf(UniquenessVerdict.Unique.class);
        var near = LexicalIndex.scores(DINNER, DINNER_NEAR);
        assertThat(near.reaches(LexicalThresholds.DEFAULTS, 0)).as("%s", near).isFalse();
        assertThat(near.reaches(LexicalThresholds.DEFAULTS, 0.1)).as("%s", near).isTrue();
        assertThat(index.verdict("phone", CatalogItem.of("run-1", DINNER_NEAR)).orElseThrow()).isInstanceOf(UniquenessVerdict.Borderline.class);
    }

    @Test
    void aPackWithoutAPolicyGetsNoVerdictButTheShingleSimilarityAsBefore() {
        index.add("other", "o-1", "T", DINNER);
        assertThat(index.verdict("other", CatalogItem.of("x", DINNER_COPY))).isEmpty();
        assertThat(index.nearest("other", DINNER_COPY, 1).getFirst().similarity())
                .isEqualTo(ShingleSimilarityIndex.similarity(DINNER, DINNER_COPY));
    }

    @Test
    void theJudgeIsAskedOnlyInTheBorderlineBand() throws Exception {
        accept("phone-1", "Harbour dinner", DINNER);
        AtomicInteger asked = new AtomicInteger();
        List<String> seen = new ArrayList<>();
        var gate = new CatalogUniquenessGate(UniquenessRules.DEFAULTS, (candidate, nearest) -> {
            asked.incrementAndGet();
            seen.add(nearest.item().id());
            return new UniquenessJudge.Answer.Retry("same dinner, another venue");
        });
        assertThat(gate.decide(context(PLANTS))).isInstanceOf(GateDecision.Pass.class);
        assertThat(gate.decide(context(DINNER_COPY))).isInstanceOf(GateDecision.Reject.class);
        assertThat(asked).hasValue(0);
        var decision = gate.decide(context(DINNER_NEAR));
        assertThat(asked).hasValue(1);
        assertThat(seen).containsExactly("phone-1");
        assertThat(((GateDecision.Reject) decision).findings().getFirst().message()).contains("same dinner, another venue", "phone-1");
    }

    @Test
    void aJudgesPassKeepsABorderlineScenario() throws Exception {
        accept("phone-1", "Harbour dinner", DINNER);
        var gate = new CatalogUniquenessGate(UniquenessRules.DEFAULTS, (c, n) -> new UniquenessJudge.Answer.Pass("another venue and guest list"));
        assertThat(gate.decide(context(DINNER_NEAR))).isInstanceOfSatisfying(GateDecision.Pass.class,
                p -> assertThat(p.note()).contains("judged new", "another venue"));
    }

    @Test
    void withoutAJudgeBorderlineFollowsTheRulesDefaultWhichIsToPass() throws Exception {
        accept("phone-1", "Harbour dinner", DINNER);
        // the default gate asks the context's critic; this context has none, so the rule without a judge applies
        assertThat(new CatalogUniquenessGate(UniquenessRules.DEFAULTS).decide(context(DINNER_NEAR))).isInstanceOfSatisfying(GateDecision.Pass.class,
                p -> assertThat(p.note()).contains("borderline, kept", "phone-1"));
        var strict = UniquenessRules.DEFAULTS.askJudge(false).withoutJudge(UniquenessRules.Borderline.RETRY);
        AtomicInteger asked = new AtomicInteger();
        var gate = new CatalogUniquenessGate(strict, (c, n) -> {
            asked.incrementAndGet();
            return new UniquenessJudge.Answer.Pass("");
        });
        assertThat(gate.decide(context(DINNER_NEAR))).isInstanceOf(GateDecision.Reject.class);
        assertThat(asked).as("a judge the rules do not ask for is never called").hasValue(0);
    }

    @Test
    void aModelJudgeIsAskedThroughTheCriticAndItsReplyParsed() throws Exception {
        accept("phone-1", "Harbour dinner", DINNER);
        List<String> purposes = new ArrayList<>();
        var ctx = new GateContext(new RunContext("run-1", "c-1", "phone", 1, Map.of()), new Workspace(dir), DINNER_NEAR, index,
                (purpose, system, prompt) -> {
                    purposes.add(purpose);
                    assertThat(prompt).contains(DINNER, DINNER_NEAR);
                    return "**RETRY**: the same dinner with another restaurant";
                });
        var decision = new CatalogUniquenessGate(UniquenessRules.DEFAULTS).decide(ctx);
        assertThat(purposes).containsExactly(UniquenessJudge.PURPOSE);
        assertThat(((GateDecision.Reject) decision).findings().getFirst().message()).contains("the same dinner with another restaurant");
    }

    @Test
    void anUnreadableJudgeReplyFallsBackToTheRuleWithoutAJudge() throws Exception {
        accept("phone-1", "Harbour dinner", DINNER);
        var gate = new CatalogUniquenessGate(UniquenessRules.DEFAULTS, (c, n) -> UniquenessJudge.parse("I think it is fine"));
        assertThat(gate.decide(context(DINNER_NEAR))).isInstanceOfSatisfying(GateDecision.Pass.class,
                p -> assertThat(p.note()).contains("no judge answered"));
        var failing = new CatalogUniquenessGate(UniquenessRules.DEFAULTS, (c, n) -> {
            throw new PermanentAuthorException("model down");
        });
        assertThat(failing.decide(context(DINNER_NEAR))).isInstanceOf(GateDecision.Pass.class);
    }

    @Test
    void withSameGroupOnlyScenariosOfOtherGroupsAreNotCompared() {
        var grouped = new UniquenessIndex(pack -> Optional.of(new UniquenessPolicy(UniquenessRules.DEFAULTS.sameGroupOnly(true),
                text -> text.contains("Osaka") ? "travel" : "home")), Optional.empty());
        grouped.add("phone", "phone-1", "Harbour dinner", DINNER);
        assertThat(grouped.verdict("phone", CatalogItem.of("c", DINNER_COPY)).orElseThrow()).isInstanceOf(UniquenessVerdict.Duplicate.class);
        assertThat(grouped.verdict("phone", CatalogItem.of("c", DINNER_COPY + " in Osaka")).orElseThrow()).isInstanceOf(UniquenessVerdict.Unique.class);
    }

    @Test
    void anEmbeddingNearDuplicateIsADuplicateByTheSemanticMeasure() {
        // a fake embedder: texts about dinner point one way, everything else another
        Embedder fake = new Embedder() {
            public String id() { return "fake"; }
            public int dimensions() { return 3; }
            public float[] embed(String text) {
                return text.contains("dinner") ? new float[] {1, 0.05f, 0} : new float[] {0, 1, 0.2f};
            }
        };
        var semantic = new UniquenessIndex(pack -> Optional.of(UniquenessPolicy.DEFAULTS), Optional.of(fake));
        semantic.add("phone", "phone-1", "Dinner", "a dinner for four at the harbour");
        var verdict = semantic.verdict("phone", CatalogItem.of("c", "the evening meal with friends, a dinner"));
        assertThat(verdict.orElseThrow()).isInstanceOf(UniquenessVerdict.Duplicate.class);
        assertThat(verdict.get().nearest().getFirst().measure()).isEqualTo(Measure.EMBEDDING_COSINE);
    }
}
