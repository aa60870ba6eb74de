package dev.scenarist.packs.chains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.packs.chains.Results.LoopEnding;
import dev.scenarist.packs.chains.reference.ReferenceAssistant;
import dev.scenarist.packs.chains.reference.ReferenceProduct;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-pack-loop: the scripted coder fixes the planted defect and the gate is met; a killed loop resumes; the endings. */
class LoopTest {
    static final Path FIX = Path.of("reference/fix-pronouns.sh").toAbsolutePath();

    @TempDir
    Path tmp;

    LoopOptions withFix(Path product, java.util.function.IntConsumer after) {
        return new LoopOptions(5, Optional.of(new LoopOptions.Coder("sh " + FIX, tmp, Duration.ofMinutes(1), Map.of("SCENARIST_PRODUCT_DIR", product.toString()))),
                after);
    }

    @Test
    void theScriptedCoderFixesTheDefectAndTheLoopEndsWithTheGateMet() throws Exception {
        Path product = tmp.resolve("product");
        try (ReferenceAssistant ref = ReferenceRuns.start(product)) {
            var r = new Chains(ReferenceRuns.CLOCK).runPackLoop(Pools.bundled(Pools.INVENTORY), ReferenceRuns.options(Target.at(ref.baseUri()), tmp.resolve("out")),
                    withFix(product, i -> {}));

            assertThat(r.ending()).as(r.reason()).isEqualTo(LoopEnding.GATE_MET);
            assertThat(r.iterations()).isEqualTo(2);
            assertThat(r.score()).isEqualTo(100);
            Path loop = tmp.resolve("out/inventory");
            JsonNode state = ReferenceRuns.json(loop.resolve("loop_state.json"));
            assertThat(state.get("status").asText()).isEqualTo("gate_met");
            assertThat(state.get("iterations").findValuesAsText("status")).containsExactly("partial", "accepted");
            JsonNode coder = ReferenceRuns.json(loop.resolve("iterations/01/coder_result.json"));
            assertThat(coder.get("exit_code").asInt()).isZero();
            assertThat(Files.readString(loop.resolve("iterations/01/coder_output.log"))).contains("fixed: pronoun-only follow-ups");
            assertThat(Files.readString(loop.resolve("iterations/01/backlog.md"))).contains("context lost on pronoun_only follow-up");
            assertThat(loop.resolve("iterations/02/analyst_verdict.json")).isRegularFile();
            assertThat(loop.resolve("iterations/02/coder_result.json")).as("no coder once the gate is met").doesNotExist();
            assertThat(ReferenceRuns.json(loop.resolve("pack_state.json")).get("status").asText()).isEqualTo("accepted");
        }
    }

    @Test
    void aLoopKilledAfterItsFirstIterationResumesFromTheNextOne() throws Exception {
        Path product = tmp.resolve("product");
        var pool = Pools.bundled(Pools.INVENTORY);
        try (ReferenceAssistant ref = ReferenceRuns.start(product)) {
            var options = ReferenceRuns.options(Target.at(ref.baseUri()), tmp.resolve("out"));
            assertThatThrownBy(() -> new Chains(ReferenceRuns.CLOCK).runPackLoop(pool, options, withFix(product, i -> {
                throw new IllegalStateException("killed after iteration " + i);
            }))).hasMessage("killed after iteration 1");
            JsonNode mid = ReferenceRuns.json(tmp.resolve("out/inventory/loop_state.json"));
            assertThat(mid.get("status").asText()).isEqualTo("running");
            assertThat(mid.get("next_iteration").asInt()).isEqualTo(2);

            var r = new Chains(ReferenceRuns.CLOCK).runPackLoop(pool, options, withFix(product, i -> {}));

            assertThat(r.ending()).isEqualTo(LoopEnding.GATE_MET);
            JsonNode state = ReferenceRuns.json(tmp.resolve("out/inventory/loop_state.json"));
            assertThat(state.get("iterations").findValuesAsText("iteration")).as("iteration 1 is not run again").containsExactly("1", "2");
            assertThat(state.get("resumes").asInt()).isEqualTo(1);
        }
    }

    @Test
    void withoutACoderPartialDoesNotEndTheLoopButMaxIterationsDoes() throws Exception {
        try (ReferenceAssistant ref = ReferenceRuns.start(tmp.resolve("product"))) {
            var r = new Chains(ReferenceRuns.CLOCK).runPackLoop(Pools.bundled(Pools.INVENTORY),
                    ReferenceRuns.options(Target.at(ref.baseUri()), tmp.resolve("out")), new LoopOptions(2, Optional.empty(), i -> {}));

            assertThat(r.ending()).isEqualTo(LoopEnding.MAX_ITERATIONS);
            assertThat(r.iterations()).isEqualTo(2);
        }
    }

    @Test
    void aTargetThatIsDownEndsTheLoopAsBlocked() throws Exception {
        var target = new Target(URI.create("http://127.0.0.1:9"), Optional.empty(), Duration.ofSeconds(2), Map.of(), Optional.empty());
        var r = new Chains(ReferenceRuns.CLOCK).runPackLoop(Pools.bundled(Pools.INVENTORY), ReferenceRuns.options(target, tmp.resolve("out")),
                new LoopOptions(5, Optional.empty(), i -> {}));

        assertThat(r.ending()).isEqualTo(LoopEnding.BLOCKED);
        assertThat(r.reason()).startsWith("the target is down").contains("cannot reach http://127.0.0.1:9");
        assertThat(r.iterations()).isEqualTo(1);
    }

    @Test
    void aCheckOnAFieldTheAssistantNeverReturnsAsksForAUserDecision() throws Exception {
        var pool = Pools.parse("""
                pack: forecasts
                domain: inventory
                scenarios:
                  - id: stock_forecast
                    title: Stock with a forecast
                    steps:
                      - id: step_01_stock
                        question: How many HB-M6 do we have on hand?
                        expect:
                          - response.forecast_next_month exists
                """, "forecasts.yaml");
        Path product = tmp.resolve("product");
        ReferenceProduct.ensure(product);
        try (ReferenceAssistant ref = ReferenceRuns.start(product)) {
            var r = new Chains(ReferenceRuns.CLOCK).runPackLoop(pool, ReferenceRuns.options(Target.at(ref.baseUri()), tmp.resolve("out")),
                    withFix(product, i -> {}));

            assertThat(r.ending()).isEqualTo(LoopEnding.REQUIRES_USER_DECISION);
            assertThat(r.reason()).startsWith("missing_required_observation: scenario stock_forecast, step_01_stock response.forecast_next_month exists");
            assertThat(r.iterations()).isEqualTo(1);
        }
    }
}
