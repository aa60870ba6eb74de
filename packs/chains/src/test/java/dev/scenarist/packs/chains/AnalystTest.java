package dev.scenarist.packs.chains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.model.Usage;
import dev.scenarist.packs.chains.reference.ReferenceAssistant;
import dev.scenarist.packs.chains.reference.ReferenceProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model analyst: it sees the runs and the rubric, its score decides the gate, deterministic P0s stay, bad output fails loudly. */
class AnalystTest {
    @TempDir
    Path tmp;

    static Author scripted(String reply, List<AuthorRequest> seen) {
        return new Author() {
            @Override
            public String id() {
                return "fake:analyst";
            }

            @Override
            public AuthorReply reply(AuthorRequest request) {
                seen.add(request);
                return new AuthorReply(reply, Usage.ZERO, "fake", Duration.ZERO);
            }
        };
    }

    Path fixed() {
        Path p = tmp.resolve("product");
        ReferenceProduct.ensure(p);
        ReferenceProduct.fix(p);
        return p;
    }

    @Test
    void aModelsScoreBelowTheGateKeepsAllPassingChecksFromBeingAccepted() throws Exception {
        List<AuthorRequest> seen = new ArrayList<>();
        String reply = "Here is my verdict: {\"score\": 62, \"scenario_scores\": {\"last_order_date\": 62}, \"defects\": [{\"priority\": \"P1\","
                + " \"scenario_id\": \"last_order_date\", \"step_id\": \"step_03_same_day\", \"wording\": \"canonical\", \"title\": \"answer buries the date\","
                + " \"detail\": \"the date comes last\"}], \"requires_user_decision\": false, \"summary\": \"dates are weak\"}";
        try (ReferenceAssistant ref = ReferenceRuns.start(fixed())) {
            var options = new RunOptions(Target.at(ref.baseUri()), tmp.resolve("out"), 80, 0, new AnalystSpec.Model(scripted(reply, seen)));
            var r = new Chains(ReferenceRuns.CLOCK).runScenario(Pools.bundled(Pools.INVENTORY), "last_order_date", options);

            assertThat(r.status()).isEqualTo(Status.PARTIAL);
            assertThat(r.reason()).contains("the analyst (fake:analyst) scored 62 against gate 80");
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).system()).contains("pronoun_only").contains("P0");
            assertThat(seen.get(0).prompt()).contains("When did we last order it?").contains("selected_date");
            assertThat(Files.readString(tmp.resolve("out/last_order_date/scenario_summary.md"))).contains("answer buries the date");
        }
    }

    @Test
    void aModelThatAnswersNoJsonIsAnAnalystFailureNotAVerdict() throws Exception {
        try (ReferenceAssistant ref = ReferenceRuns.start(fixed())) {
            var options = new RunOptions(Target.at(ref.baseUri()), tmp.resolve("out"), 80, 0, new AnalystSpec.Model(scripted("Looks fine to me!", new ArrayList<>())));

            assertThatThrownBy(() -> new Chains(ReferenceRuns.CLOCK).runScenario(Pools.bundled(Pools.INVENTORY), "last_order_date", options))
                    .isInstanceOf(AnalystFailedException.class).hasMessageContaining("did not answer one JSON object");
        }
    }

    @Test
    void theOfflineScoreFollowsTheDocumentedWeights() throws Exception {
        try (ReferenceAssistant ref = ReferenceRuns.start(tmp.resolve("product"))) {
            var r = new Chains(ReferenceRuns.CLOCK).runCase("stock_of_it", "How many of it do we have?",
                    List.of("response.on_hand exists", "semantic_memory.selected_item exists"), ReferenceRuns.options(Target.at(ref.baseUri()), tmp.resolve("out")));

            // reply present (answer 2, passed) + on_hand (answer 2, failed) + selected_item (carryover 3, failed) = 2/7
            assertThat(r.score()).isEqualTo(29);
            assertThat(r.status()).isEqualTo(Status.PARTIAL);
        }
    }
}
