package dev.scenarist.packs.yaml.internal.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.catalog.ShingleSimilarityIndex;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.GateDecision;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UniquenessGateTest {
    private final ShingleSimilarityIndex catalog = new ShingleSimilarityIndex();

    @TempDir
    Path dir;

    private GateDecision decide(double threshold, String text) {
        RunContext run = new RunContext("r", "c", "sql-quiz", 1, Map.of());
        return new UniquenessGate(threshold).decide(new GateContext(run, new Workspace(dir), text, catalog));
    }

    @Test
    void passes_when_nothing_has_been_accepted_yet() {
        assertThat(decide(0.8, "How many books are out?")).isInstanceOfSatisfying(GateDecision.Pass.class,
                p -> assertThat(p.note()).contains("no accepted scenario"));
    }

    @Test
    void rejects_a_duplicate_naming_the_most_similar_scenario() {
        catalog.add("sql-quiz", "sq-1", "Which members have books out on loan right now?");
        catalog.add("sql-quiz", "sq-2", "Average delivery time per cuisine");

        GateDecision d = decide(0.8, "Which members have books out on loan right now?");

        assertThat(d).isInstanceOfSatisfying(GateDecision.Reject.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.DUPLICATE);
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo("DUPLICATE");
                assertThat(f.message()).contains("sq-1").contains("1.00").contains("0.80");
            });
        });
    }

    @Test
    void passes_a_different_scenario_noting_the_closest_one() {
        catalog.add("sql-quiz", "sq-1", "Which members have books out on loan right now?");

        assertThat(decide(0.8, "Average delivery time per cuisine in February")).isInstanceOfSatisfying(GateDecision.Pass.class,
                p -> assertThat(p.note()).contains("sq-1"));
    }

    @Test
    void only_compares_with_scenarios_of_the_same_pack() {
        catalog.add("other-pack", "op-1", "Which members have books out on loan right now?");

        assertThat(decide(0.8, "Which members have books out on loan right now?")).isInstanceOf(GateDecision.Pass.class);
    }

    @Test
    void the_threshold_is_inclusive_and_must_be_a_fraction() {
        catalog.add("sql-quiz", "sq-1", "alpha beta");

        assertThat(decide(1.0, "alpha beta")).isInstanceOf(GateDecision.Reject.class);
        assertThatThrownBy(() -> new UniquenessGate(1.5)).hasMessageContaining("[0,1]");
    }

    @Test
    void the_human_gate_waits_for_a_person_with_its_question() {
        GateDecision d = new HumanGate("Is this fair?").decide(null);

        assertThat(d).isEqualTo(new GateDecision.AwaitHuman("Is this fair?"));
    }
}
