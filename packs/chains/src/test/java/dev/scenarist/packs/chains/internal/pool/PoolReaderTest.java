package dev.scenarist.packs.chains.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.packs.chains.ChainsFormatException;
import dev.scenarist.packs.chains.Pools;
import dev.scenarist.packs.chains.pool.CheckKind;
import dev.scenarist.packs.chains.pool.Expectation;
import dev.scenarist.packs.chains.pool.Priority;
import dev.scenarist.packs.chains.pool.Wording;
import org.junit.jupiter.api.Test;

class PoolReaderTest {
    static String pool(String steps) {
        return "pack: p\ndomain: d\nscenarios:\n  - id: s1\n    title: T\n    steps:\n" + steps;
    }

    static ChainsFormatException refused(String text) {
        try {
            new PoolReader("pool.yaml").read(text, "pool.yaml");
        } catch (ChainsFormatException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void theBundledPoolHasThreeScenariosAndAtLeastTenStepsInEveryWording() {
        var p = Pools.bundled(Pools.INVENTORY);

        assertThat(p.scenarios()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(p.stepCount()).isGreaterThanOrEqualTo(10);
        assertThat(p.scenarios().stream().flatMap(s -> s.wordings().stream())).contains(Wording.CANONICAL, Wording.COLLOQUIAL, Wording.PRONOUN_ONLY);
    }

    @Test
    void checksGetTheirKindAndPriorityFromTheirPath() {
        var p = new PoolReader("pool.yaml").read(pool("""
                      - id: step_01
                        question: Q?
                        expect:
                          - semantic_memory.selected_item == "X"
                          - response.on_hand >= 1
                          - response.reply contains "x"
                          - check: session.turn_count == 1
                            priority: P0
                """), "pool.yaml");
        var e = p.scenarios().get(0).steps().get(0).expectations();

        assertThat(e).extracting(Expectation::kind).containsExactly(CheckKind.CARRYOVER, CheckKind.ANSWER, CheckKind.PRESENTATION, CheckKind.STATE);
        assertThat(e).extracting(Expectation::priority).containsExactly(Priority.P0, Priority.P1, Priority.P2, Priority.P0);
        assertThat(e.get(0).location()).isEqualTo("pool.yaml:10");
    }

    @Test
    void anUnknownFieldIsRefusedAtItsLineWithDidYouMean() {
        var e = refused(pool("      - id: step_01\n        questoin: Q?\n"));

        assertThat(e.getMessage()).startsWith("pool.yaml:8:9: scenarios[0].steps[0]: unknown field 'questoin'; did you mean 'question'?");
    }

    @Test
    void aPlaceholderNamingNoEarlierStepIsRefusedBeforeAnythingRuns() {
        var e = refused(pool("      - id: step_01\n        question: Q {{step_02.item}}?\n      - id: step_02\n        question: R?\n"));

        assertThat(e.line()).isEqualTo(8);
        assertThat(e.getMessage()).contains("placeholder {{step_02.item}} names 'step_02', which is no earlier step of this chain");
    }

    @Test
    void aCheckWithAnUnknownOperatorOrRootIsRefused() {
        assertThat(refused(pool("      - id: step_01\n        question: Q?\n        expect:\n          - response.x =~ 3\n")).getMessage())
                .contains("pool.yaml:10:").contains("is not PATH OP VALUE");
        assertThat(refused(pool("      - id: step_01\n        question: Q?\n        expect:\n          - reply.x == 3\n")).getMessage())
                .contains("must start with response., session. or semantic_memory.");
    }

    @Test
    void duplicateStepIdsAndBadIdsAreRefused() {
        assertThat(refused(pool("      - id: step_01\n        question: Q?\n      - id: step_01\n        question: R?\n")).getMessage())
                .contains("step id 'step_01' is used twice");
        assertThat(refused(pool("      - id: Step.1\n        question: Q?\n")).getMessage()).contains("'Step.1' is not a valid id");
    }
}
