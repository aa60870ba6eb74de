package dev.scenarist.packs.chains;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.scenarist.packs.chains.reference.ReferenceAssistant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The artifact tree is exactly the contract's, every JSON file validates against its published schema, and no secret is written. */
class ArtifactContractTest {
    static final String TOKEN = "Bearer sk-chains-test-9f2c1e77";
    static final List<String> SCHEMAS = List.of("turn", "debug", "step_state", "scenario_manifest", "scenario_state", "pack_manifest", "pack_state",
            "analyst_verdict", "backlog", "loop_state", "coder_result", "assistant_response", "session", "chain_manifest");
    static final Map<String, String> SCHEMA_OF = Map.ofEntries(Map.entry("turn.json", "turn"), Map.entry("debug.json", "debug"),
            Map.entry("step_state.json", "step_state"), Map.entry("scenario_manifest.json", "scenario_manifest"),
            Map.entry("scenario_state.json", "scenario_state"), Map.entry("pack_manifest.json", "pack_manifest"), Map.entry("pack_state.json", "pack_state"),
            Map.entry("analyst_verdict.json", "analyst_verdict"), Map.entry("backlog.json", "backlog"), Map.entry("loop_state.json", "loop_state"),
            Map.entry("coder_result.json", "coder_result"), Map.entry("assistant_response.json", "assistant_response"), Map.entry("session.json", "session"));

    final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @TempDir
    Path tmp;

    static String schemaText(String name) throws IOException {
        try (InputStream in = ArtifactContractTest.class.getResourceAsStream("/dev/scenarist/packs/chains/schemas/" + name + ".schema.json")) {
            assertThat(in).as("schema " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everySchemaIsValidDraft202012AndVersionedInItsId() throws IOException {
        Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (String name : SCHEMAS) {
            String text = schemaText(name);
            assertThat(meta.validate(text, InputFormat.JSON)).as(name).isEmpty();
            assertThat(text).contains("\"$id\": \"https://scenarist.dev/schemas/chains/" + name + ".v1.json\"");
        }
    }

    @Test
    void aPackRunWritesTheContractsTreeValidatesAndNeverWritesTheAuthHeader() throws Exception {
        Path out = tmp.resolve("domain_runs");
        try (ReferenceAssistant ref = ReferenceRuns.start(tmp.resolve("product"), Optional.of(TOKEN))) {
            Target target = new Target(ref.baseUri(), Optional.of(new Target.AuthHeader("Authorization", TOKEN)), Target.DEFAULT_TIMEOUT,
                    Map.of("model", "gpt-4.1-mini"), Optional.of("warehouse-manager"));
            var r = new Chains(ReferenceRuns.CLOCK).runPack(Pools.bundled(Pools.INVENTORY), ReferenceRuns.options(target, out));
            assertThat(r.status()).as("the token was accepted: nothing is blocked").isEqualTo(Status.PARTIAL);
        }
        Path pack = out.resolve("inventory");
        for (String f : List.of("pack_manifest.json", "pack_state.json", "pack_summary.md", "final_status.md", "backlog.json", "backlog.md")) {
            assertThat(pack.resolve(f)).isRegularFile();
        }
        for (String scenario : List.of("low_stock_followup", "last_order_date", "result_set_navigation")) {
            Path s = pack.resolve("scenarios").resolve(scenario);
            for (String f : List.of("scenario_brief.md", "scenario_manifest.json", "scenario_state.json", "scenario_summary.md", "scenario_output.md", "final_status.md")) {
                assertThat(s.resolve(f)).isRegularFile();
            }
            try (Stream<Path> steps = Files.list(s.resolve("steps"))) {
                for (Path step : steps.toList()) {
                    for (String f : List.of("output.md", "debug.json", "turn.json", "session.json", "assistant_response.json", "step_state.json")) {
                        assertThat(step.resolve(f)).isRegularFile();
                    }
                }
            }
        }
        assertThat(pack.resolve("scenarios/low_stock_followup/steps")).isDirectoryContaining(p -> p.getFileName().toString().equals("step_01_inventory"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("step_03_stock__pronoun_only"));

        Map<String, Integer> validated = new TreeMap<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                assertThat(text).as(f + " holds no secret").doesNotContain("sk-chains-test-9f2c1e77");
                String schema = SCHEMA_OF.get(f.getFileName().toString());
                if (schema == null) continue;
                assertThat(registry.getSchema(schemaText(schema), InputFormat.JSON).validate(text, InputFormat.JSON)).as(f.toString()).isEmpty();
                validated.merge(schema, 1, Integer::sum);
            }
        }
        assertThat(validated).containsKeys("turn", "debug", "step_state", "scenario_manifest", "scenario_state", "pack_manifest", "pack_state",
                "analyst_verdict", "backlog", "assistant_response", "session");
        String debug = Files.readString(pack.resolve("scenarios/low_stock_followup/steps/step_01_inventory/debug.json"));
        assertThat(debug).contains("\"Authorization\" : \"[REDACTED]\"");
        String turn = Files.readString(pack.resolve("scenarios/low_stock_followup/steps/step_01_inventory/turn.json"));
        assertThat(turn).contains("\"profile\" : \"warehouse-manager\"").contains("\"model\" : \"gpt-4.1-mini\"");
        String session = Files.readString(pack.resolve("scenarios/low_stock_followup/steps/step_02_select/session.json"));
        assertThat(session).as("the LLM/profile settings reached the assistant").contains("warehouse-manager");
    }

    @Test
    void aWrongTokenIsAnHttpErrorThatBlocksEveryScenario() throws Exception {
        try (ReferenceAssistant ref = ReferenceRuns.start(tmp.resolve("product"), Optional.of(TOKEN))) {
            var r = new Chains(ReferenceRuns.CLOCK).runPack(Pools.bundled(Pools.INVENTORY), ReferenceRuns.options(Target.at(ref.baseUri()), tmp.resolve("out")));

            assertThat(r.status()).isEqualTo(Status.BLOCKED);
            assertThat(Files.readString(tmp.resolve("out/inventory/scenarios/last_order_date/final_status.md"))).contains("HTTP 401");
        }
    }
}
