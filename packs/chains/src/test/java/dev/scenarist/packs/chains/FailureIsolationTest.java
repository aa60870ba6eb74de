package dev.scenarist.packs.chains;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.packs.chains.reference.ReferenceAssistant;
import dev.scenarist.packs.chains.reference.ReferenceProduct;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario whose target step fails is blocked with its reason; the others run; flaky steps are re-run and reported. */
class FailureIsolationTest {
    @TempDir
    Path tmp;

    Path fixedProduct() {
        Path p = tmp.resolve("product");
        ReferenceProduct.ensure(p);
        ReferenceProduct.fix(p);
        return p;
    }

    @Test
    void aScenarioWhoseStepGets500IsBlockedAndTheOthersStillRunAndPass() throws Exception {
        try (ReferenceAssistant ref = ReferenceRuns.start(fixedProduct()); FaultyTarget target = new FaultyTarget(ref.baseUri()).failAlways("Select the second one")) {
            new Chains(ReferenceRuns.CLOCK).runPack(Pools.bundled(Pools.INVENTORY), ReferenceRuns.options(Target.at(target.baseUri()), tmp.resolve("out")));

            JsonNode pack = ReferenceRuns.json(tmp.resolve("out/inventory/pack_state.json"));
            assertThat(pack.get("scenarios").findValuesAsText("status")).containsExactly("accepted", "accepted", "blocked");
            JsonNode blocked = ReferenceRuns.json(tmp.resolve("out/inventory/scenarios/result_set_navigation/steps/step_03_pick/step_state.json"));
            assertThat(blocked.get("status").asText()).isEqualTo("blocked");
            assertThat(blocked.get("reason").asText()).contains("POST /api/assistant/message: HTTP 500");
            JsonNode after = ReferenceRuns.json(tmp.resolve("out/inventory/scenarios/result_set_navigation/steps/step_04_warehouse/step_state.json"));
            assertThat(after.get("reason").asText()).startsWith("not run: step_03_pick before it is blocked");
            assertThat(pack.get("status").asText()).isEqualTo("partial");
        }
    }

    @Test
    void aStepThatFailsOnceIsReRunAcceptedAndReportedFlaky() throws Exception {
        try (ReferenceAssistant ref = ReferenceRuns.start(fixedProduct()); FaultyTarget target = new FaultyTarget(ref.baseUri()).failFirst("Who supplies HB-M6", 1)) {
            var options = new RunOptions(Target.at(target.baseUri()), tmp.resolve("out"), 80, 2, new AnalystSpec.Offline());
            var r = new Chains(ReferenceRuns.CLOCK).runScenario(Pools.bundled(Pools.INVENTORY), "last_order_date", options);

            assertThat(r.status()).isEqualTo(Status.ACCEPTED);
            JsonNode step = ReferenceRuns.json(tmp.resolve("out/last_order_date/steps/step_04_supplier/step_state.json"));
            assertThat(step.get("flaky").asBoolean()).isTrue();
            assertThat(step.get("attempts").findValuesAsText("status")).containsExactly("blocked", "accepted");
        }
    }

    @Test
    void withoutRetriesTheSameStepIsBlocked() throws Exception {
        try (ReferenceAssistant ref = ReferenceRuns.start(fixedProduct()); FaultyTarget target = new FaultyTarget(ref.baseUri()).failFirst("Who supplies HB-M6", 1)) {
            var r = new Chains(ReferenceRuns.CLOCK).runScenario(Pools.bundled(Pools.INVENTORY), "last_order_date",
                    ReferenceRuns.options(Target.at(target.baseUri()), tmp.resolve("out")));

            assertThat(r.status()).isEqualTo(Status.BLOCKED);
            assertThat(r.reason()).startsWith("step_04_supplier: POST /api/assistant/message: HTTP 500");
        }
    }

    @Test
    void anUnsupportedQuestionNeedsAnExactCapability() throws Exception {
        try (ReferenceAssistant ref = ReferenceRuns.start(fixedProduct())) {
            var r = new Chains(ReferenceRuns.CLOCK).runCase("forecast", "Forecast demand for next quarter", java.util.List.of(),
                    ReferenceRuns.options(Target.at(ref.baseUri()), tmp.resolve("out")));

            assertThat(r.status()).isEqualTo(Status.NEEDS_EXACT_CAPABILITY);
            assertThat(r.reason()).contains("the assistant lacks this capability");
        }
    }
}
