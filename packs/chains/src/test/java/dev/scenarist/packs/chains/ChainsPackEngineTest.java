package dev.scenarist.packs.chains;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.scenarist.core.catalog.UniquenessIndex;
import dev.scenarist.core.testing.EngineHarness;
import dev.scenarist.core.testing.ScriptedAuthor;
import dev.scenarist.packs.chains.pool.QuestionPool;
import dev.scenarist.packs.chains.reference.ReferenceAssistant;
import dev.scenarist.packs.chains.reference.ReferenceProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chains pack through the engine: the offline author's chains are accepted, unique and runnable as they are; a
 * model's chain whose placeholders do not resolve is repaired from the findings (the strict reader's line, then the
 * dry run's); a chain the catalog already has is stopped at the uniqueness gate.
 */
class ChainsPackEngineTest {
    @TempDir
    Path data;

    private final ChainsPack pack = new ChainsPack();

    private EngineHarness harness() {
        return new EngineHarness(data, new UniquenessIndex(name -> Optional.of(pack.uniquenessPolicy()), Optional.empty()));
    }

    @Test
    void offline_generation_accepts_ten_unique_chains_each_a_pool_the_runner_runs_with_its_manifest() throws Exception {
        var report = harness().generate(EngineHarness.spec(pack, 10), pack, pack.offlineAuthor());

        assertThat(report.accepted()).as(report.toString()).isEqualTo(10);
        assertThat(report.runs()).as("no run was rejected: ten seeds, ten routes " + report).isEqualTo(10);
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(ArtifactContractTest.schemaText("chain_manifest"), InputFormat.JSON);
        Set<String> chains = new HashSet<>();
        Path fixed = data.resolve("fixed-product");
        ReferenceProduct.ensure(fixed);
        ReferenceProduct.fix(fixed);
        try (ReferenceAssistant ref = ReferenceRuns.start(fixed)) {
            for (var s : report.scenarios()) {
                Path dir = data.resolve(s.path());
                QuestionPool pool = Pools.read(dir.resolve("pool.yaml"));
                assertThat(chains.add(pool.scenarios().getFirst().id())).isTrue();
                String manifest = Files.readString(dir.resolve("chain_manifest.json"));
                assertThat(schema.validate(manifest, InputFormat.JSON)).as(manifest).isEmpty();
                var m = ReferenceRuns.JSON.readTree(manifest);
                assertThat(m.get("scenario_id").asText()).isEqualTo(s.id());
                assertThat(m.get("run").asText()).isEqualTo("scenarist chains run-pack --pool pool.yaml --target reference");
                assertThat(m.get("dry_run")).allMatch(step -> step.get("status").asText().equals("accepted"));
                assertThat(m.get("carry_over_paths")).isNotEmpty();
                var run = new Chains(ReferenceRuns.CLOCK).runPack(pool, ReferenceRuns.options(Target.at(ref.baseUri()), data.resolve("runs-out")));
                assertThat(run.status()).as(s.path() + ": " + run.reason()).isEqualTo(Status.ACCEPTED);
            }
        }
    }

    @Test
    void a_model_chain_with_unresolvable_placeholders_is_repaired_from_the_reader_s_line_and_then_the_dry_run_s_finding() throws Exception {
        String unknownStep = GeneratedChains.canonical("step_07_pick.item");
        String unknownField = GeneratedChains.canonical("step_01_details.sku");
        var author = new ScriptedAuthor()
                .on("chain", GeneratedChains.file(unknownStep), GeneratedChains.file(unknownField), GeneratedChains.file(GeneratedChains.GOOD_CANONICAL))
                .on("wordings", GeneratedChains.file(GeneratedChains.withWordings(false)), GeneratedChains.file(GeneratedChains.withWordings(true)));

        var report = harness().generate(EngineHarness.spec(pack, 1), pack, author);

        assertThat(report.accepted()).as(report.toString()).isEqualTo(1);
        var chain = author.requests("chain");
        assertThat(chain).hasSize(3);
        assertThat(chain.getFirst().system()).as("the prompt documents the pool format").contains("## The pool format").contains("pronoun_only");
        assertThat(chain.getFirst().system()).as("the stage names the domain").contains("Domain: inventory and purchasing");
        assertThat(chain.get(1).prompt()).contains("POOL_FORMAT at pool.yaml:" + GeneratedChains.lineOf(unknownStep, "step_07_pick"))
                .contains("names 'step_07_pick', which is no earlier step");
        assertThat(chain.get(2).prompt()).contains("DRY_RUN_BLOCKED at pool.yaml:" + GeneratedChains.lineOf(unknownField, "id: step_02_stock"))
                .contains("{{step_01_details.sku}}").contains("no field 'sku'");
        var wordings = author.requests("wordings");
        assertThat(wordings).hasSize(2);
        assertThat(wordings.get(1).prompt()).contains("WORDING_MISSING").contains("step_03_order has no pronoun_only wording");
        Path dir = data.resolve(report.scenarios().getFirst().path());
        assertThat(Files.readString(dir.resolve("pool.yaml"))).isEqualTo(GeneratedChains.withWordings(true));
    }

    @Test
    void a_chain_the_catalog_already_has_is_stopped_at_the_uniqueness_gate_before_its_wordings_are_asked_for() throws Exception {
        var author = new ScriptedAuthor().always("chain", r -> GeneratedChains.file(GeneratedChains.GOOD_CANONICAL))
                .always("wordings", r -> GeneratedChains.file(GeneratedChains.withWordings(true)));
        var s = EngineHarness.spec(pack, 2);
        var spec = new dev.scenarist.core.campaign.CampaignSpec(s.pack(), 2, s.author(), s.seed(), 1,
                new dev.scenarist.core.campaign.CampaignBudget(java.util.OptionalInt.of(2), java.util.OptionalLong.empty(),
                        java.util.OptionalDouble.empty(), Optional.empty()), s.stageSettings(), Map.of());

        var report = harness().generate(spec, pack, author);

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejectedByReason()).as(report.toString()).containsKey("duplicate");
        assertThat(author.requests("wordings")).as("the duplicate never reached the wordings stage").hasSize(1);
    }
}
