package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.catalog.LexicalIndex;
import dev.scenarist.core.catalog.LexicalScores;
import dev.scenarist.packs.chains.AnalystSpec;
import dev.scenarist.packs.chains.Chains;
import dev.scenarist.packs.chains.Pools;
import dev.scenarist.packs.chains.RunOptions;
import dev.scenarist.packs.chains.Status;
import dev.scenarist.packs.chains.Target;
import dev.scenarist.packs.chains.pool.ChainScenario;
import dev.scenarist.packs.chains.pool.QuestionPool;
import dev.scenarist.packs.chains.reference.ReferenceAssistant;
import dev.scenarist.packs.chains.reference.ReferenceProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generating chains as a user does: {@code generate --pack chains} offline accepts chains that are unique and that the
 * chains runner runs as they are — through its API and through {@code chains run-pack --pool}; a domain option the pack
 * does not know is refused before anything is written.
 */
class ChainsGenerateCliTest {
    @TempDir
    Path tmp;

    @Test
    void offline_generation_accepts_five_unique_chains_each_a_pool_the_runner_runs_against_the_reference_assistant() throws Exception {
        Path data = tmp.resolve("data");
        var gen = CliRun.in(data, "--json", "generate", "--pack", "chains", "--count", "5");
        assertThat(gen.code()).as(gen.out() + gen.err()).isZero();
        List<?> scenarios = (List<?>) gen.json().get("scenarios");
        assertThat(scenarios).hasSize(5);

        List<QuestionPool> pools = new ArrayList<>();
        Set<String> chains = new HashSet<>();
        for (Object o : scenarios) {
            Path dir = Path.of((String) ((Map<?, ?>) o).get("path"));
            assertThat(dir.resolve("chain_manifest.json")).content().contains("\"scenario_id\" : \"" + ((Map<?, ?>) o).get("id") + "\"");
            QuestionPool pool = Pools.read(dir.resolve("pool.yaml"));
            assertThat(chains.add(pool.scenarios().getFirst().id())).as("distinct chains").isTrue();
            pools.add(pool);
        }
        // unique as the gate compares them: every pair under the lexical thresholds
        for (int i = 0; i < pools.size(); i++) {
            for (int j = i + 1; j < pools.size(); j++) {
                LexicalScores s = LexicalIndex.scores(text(pools.get(i)), text(pools.get(j)));
                assertThat(s.sequenceRatio() < 0.8 && s.shingleJaccard() < 0.8 && s.tokenCosine() < 0.93).as(s.toString()).isTrue();
            }
        }

        Path fixed = tmp.resolve("fixed-product");
        ReferenceProduct.ensure(fixed);
        ReferenceProduct.fix(fixed);
        try (ReferenceAssistant ref = ReferenceAssistant.start("127.0.0.1", 0, fixed, Optional.empty())) {
            for (QuestionPool pool : pools) {
                var run = new Chains(Clock.systemUTC()).runPack(pool, new RunOptions(Target.at(ref.baseUri()), tmp.resolve("api-runs"), 80, 0,
                        new AnalystSpec.Offline()));
                assertThat(run.status()).as(pool.source() + ": " + run.reason()).isEqualTo(Status.ACCEPTED);
            }
        }

        // validate re-runs every stage's checks on the folder, the dry run included (the bundled domain's target is the reference)
        Path first = Path.of((String) ((Map<?, ?>) scenarios.getFirst()).get("path"));
        var valid = CliRun.in(data, "validate", "--pack", "chains", first.toString());
        assertThat(valid.code()).as(valid.out() + valid.err()).isZero();
        assertThat(valid.out()).contains("dry-run").doesNotContain("DRY_RUN_SKIPPED");

        // and straight from the scenario folder, against the shipped reference assistant with its planted defect
        var run = CliRun.in(data, "--json", "chains", "run-pack", "--pool", first.resolve("pool.yaml").toString(), "--target", "reference",
                "--flaky-retries", "0");
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        Path packDir = Path.of((String) run.json().get("dir"));
        assertThat(packDir.resolve("backlog.md")).content().contains("pronoun_only");
    }

    private static String text(QuestionPool pool) {
        ChainScenario c = pool.scenarios().getFirst();
        StringBuilder b = new StringBuilder(c.title()).append('\n').append(c.brief()).append('\n');
        c.steps().forEach(s -> b.append(s.question()).append('\n'));
        return b.toString();
    }

    /** A chain for the inventory domain as a model writes it; {@code stock} is what its second question names. */
    private static String chain(String stock, boolean variants) {
        String v2 = variants ? "        variants:\n          colloquial: how many goggles we got left?\n          pronoun_only: How many of it do we have?\n" : "";
        String v1 = variants ? "        variants:\n          colloquial: tell me about the safety goggles\n" : "";
        return "<file path=\"pool.yaml\">\npack: inventory-goggles\ndomain: inventory and purchasing\nscenarios:\n  - id: goggles\n"
                + "    title: The goggles and their count\n    steps:\n"
                + "      - id: step_01_details\n        question: Show me the details of SG-CL.\n" + v1
                + "        expect:\n          - semantic_memory.selected_item == \"SG-CL\"\n"
                + "      - id: step_02_stock\n        question: How many {{" + stock + "}} do we have on hand?\n" + v2
                + "        expect:\n          - semantic_memory.selected_item == \"{{step_01_details.item}}\"\n</file>";
    }

    @Test
    void a_model_s_chain_whose_placeholder_cannot_be_resolved_is_repaired_from_the_dry_run_s_finding() throws Exception {
        try (var server = dev.scenarist.models.testing.FakeProviderServer.start()) {
            server.enqueue(dev.scenarist.models.testing.FakeProviderServer.openAiReply(chain("step_01_details.sku", false)),
                    dev.scenarist.models.testing.FakeProviderServer.openAiReply(chain("step_01_details.item", false)),
                    dev.scenarist.models.testing.FakeProviderServer.openAiReply(chain("step_01_details.item", true)));
            var env = Map.of("OPENAI_BASE_URL", server.uri("/v1").toString(), "OPENAI_API_KEY", "sk-test-chains-000000000",
                    "SCENARIST_SEMANTIC_UNIQUENESS", "off");
            var gen = CliRun.in(tmp.resolve("data"), env, "--json", "generate", "--pack", "chains", "--count", "1", "--author", "openai:gpt-4.1");
            assertThat(gen.code()).as(gen.out() + gen.err()).isZero();
            var requests = server.requests();
            assertThat(requests).hasSize(3);
            assertThat(requests.getFirst().body()).as("the prompt documents the pool format").contains("The pool format").contains("pronoun_only");
            assertThat(requests.get(1).body()).contains("DRY_RUN_BLOCKED").contains("pool.yaml:").contains("no field 'sku'");
            Path dir = Path.of((String) ((Map<?, ?>) ((List<?>) gen.json().get("scenarios")).getFirst()).get("path"));
            assertThat(Pools.read(dir.resolve("pool.yaml")).scenarios().getFirst().steps()).hasSize(2);
        }
    }

    @Test
    void a_domain_the_pack_does_not_have_or_another_option_is_refused_before_the_data_folder_is_made() throws Exception {
        Path data = tmp.resolve("fresh");
        var unknown = CliRun.in(data, "generate", "--pack", "chains", "--option", "domain=inventroy", "--count", "1");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no bundled domain 'inventroy'").contains("inventory");
        var other = CliRun.in(data, "generate", "--pack", "chains", "--family", "x", "--count", "1");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("no option 'family'").contains("--option domain=");
        Path domain = tmp.resolve("billing.yaml");
        Files.writeString(domain, "domain: billing\nname: billing\ntarget: https://billing.example\ndescriptoin: x\n");
        var bad = CliRun.in(data, "generate", "--pack", "chains", "--option", "domain=" + domain, "--count", "1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains(domain + ":4:1").contains("unknown field 'descriptoin'").contains("did you mean 'description'");
        assertThat(data).as("nothing written").doesNotExist();
    }
}
