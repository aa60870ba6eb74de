package dev.scenarist.packs.chains;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.packs.chains.reference.ReferenceAssistant;
import dev.scenarist.packs.chains.reference.ReferenceProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-pack and run-scenario against the in-process reference assistant: the planted defect is found and named. */
class PackRunTest {
    @TempDir
    Path tmp;

    @Test
    void runPackFindsThePlantedPronounDefectAndTheBacklogNamesIt() throws Exception {
        try (ReferenceAssistant ref = ReferenceRuns.start(tmp.resolve("product"))) {
            var result = new Chains(ReferenceRuns.CLOCK).runPack(Pools.bundled(Pools.INVENTORY),
                    ReferenceRuns.options(Target.at(ref.baseUri()), tmp.resolve("out")));

            assertThat(result.status()).isNotEqualTo(Status.ACCEPTED);
            Path pack = tmp.resolve("out/inventory");
            String backlog = Files.readString(pack.resolve("backlog.md"));
            assertThat(backlog).contains("[P0] context lost on pronoun_only follow-up: semantic_memory.selected_item");
            JsonNode step = ReferenceRuns.json(pack.resolve("scenarios/low_stock_followup/steps/step_03_stock__pronoun_only/step_state.json"));
            assertThat(step.get("status").asText()).isNotEqualTo("accepted");
            JsonNode canonical = ReferenceRuns.json(pack.resolve("scenarios/low_stock_followup/steps/step_03_stock/step_state.json"));
            assertThat(canonical.get("status").asText()).isEqualTo("accepted");
            JsonNode state = ReferenceRuns.json(pack.resolve("pack_state.json"));
            assertThat(state.get("open_p0").asInt()).isPositive();
            assertThat(state.get("accepted").asBoolean()).isFalse();
        }
    }

    @Test
    void withTheDefectFixedEveryScenarioIsAccepted() throws Exception {
        Path product = tmp.resolve("product");
        ReferenceProduct.ensure(product);
        ReferenceProduct.fix(product);
        try (ReferenceAssistant ref = ReferenceRuns.start(product)) {
            var result = new Chains(ReferenceRuns.CLOCK).runPack(Pools.bundled(Pools.INVENTORY),
                    ReferenceRuns.options(Target.at(ref.baseUri()), tmp.resolve("out")));
            assertThat(result.status()).as(result.reason()).isEqualTo(Status.ACCEPTED);
            assertThat(result.score()).isEqualTo(100);
        }
    }
}
