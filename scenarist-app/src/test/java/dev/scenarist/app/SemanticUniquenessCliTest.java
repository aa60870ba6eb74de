package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.catalog.LexicalIndex;
import dev.scenarist.core.catalog.LexicalScores;
import dev.scenarist.core.catalog.LexicalThresholds;
import dev.scenarist.core.catalog.UniquenessRules;
import dev.scenarist.models.testing.FakeProviderServer;
import dev.scenarist.models.testing.FakeProviderServer.Scripted;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semantic catalog uniqueness as the CLI wires it: a paraphrase of an accepted appworld scenario — lexically far below
 * every threshold, the same situation — is rejected by the uniqueness gate, naming the scenario it repeats by its
 * embedding cosine; the accepted scenarios' vectors are kept beside the catalog; {@code SCENARIST_SEMANTIC_UNIQUENESS=off}
 * lets the paraphrase through; and a process that embeds nothing never loads the model.
 */
class SemanticUniquenessCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The pack example's situation (Lisa's dinner invitation at Luigi's), told in other words. */
    private static final String PARAPHRASE_TITLE = "Say yes to a dinner invite received by email";
    private static final String PARAPHRASE = "Lisa, a friend of Sam, writes to invite Sam for dinner at Luigi's this Saturday, 19 October, "
            + "from 7 to 9 pm. The assistant should spot the message, offer to add the dinner to Sam's calendar and let Lisa know Sam "
            + "is coming; once Sam agrees, it creates the calendar entry and answers Lisa's mail.";

    @TempDir
    Path tmp;

    @Test
    void a_paraphrase_of_an_accepted_scenario_is_rejected_by_its_embedding_cosine_unless_semantic_uniqueness_is_off() throws Exception {
        ObjectNode example = example();
        ObjectNode paraphrased = example.deepCopy();
        paraphrased.put("id", "dinner-invite-yes").put("title", PARAPHRASE_TITLE).put("description", PARAPHRASE);
        // below every lexical threshold, and below the lexical borderline band too: only meaning can catch it
        LexicalScores lexical = LexicalIndex.scores(uniquenessText(example), uniquenessText(paraphrased));
        assertThat(lexical.reaches(LexicalThresholds.DEFAULTS, UniquenessRules.DEFAULTS.lexicalMargin())).as(lexical.toString()).isFalse();

        for (boolean semantic : List.of(true, false)) {
            Path data = tmp.resolve(semantic ? "on" : "off");
            Map<String, String> env = new HashMap<>();
            if (!semantic) env.put("SCENARIST_SEMANTIC_UNIQUENESS", "off");
            String firstId;
            try (var server = FakeProviderServer.start()) {
                env.put("OPENAI_BASE_URL", server.uri("/v1").toString());
                env.put("OPENAI_API_KEY", "sk-test-semantic-000000000");
                server.enqueue(sectionReplies(example).toArray(Scripted[]::new));
                var first = CliRun.in(data, env, "--json", "generate", "--pack", "appworld", "--count", "1", "--author", "openai:gpt-4.1");
                assertThat(first.code()).as(first.out() + first.err()).isZero();
                firstId = (String) ((Map<?, ?>) ((List<?>) first.json().get("scenarios")).getFirst()).get("id");

                // another process: it reads the first scenario's vector from the file, embeds only the candidate
                server.enqueue(sectionReplies(paraphrased).toArray(Scripted[]::new));
                var second = CliRun.in(data, env, "--json", "generate", "--pack", "appworld", "--count", "1", "--author", "openai:gpt-4.1",
                        "--max-runs", "1");
                var runs = (List<?>) CliRun.in(data, "--json", "runs").json().get("runs");
                Map<?, ?> last = runs.stream().map(r -> (Map<?, ?>) r).filter(r -> !r.get("state").equals("accepted")).findFirst().orElse(null);
                if (semantic) {
                    assertThat(second.code()).as(second.out() + second.err()).isEqualTo(1);
                    assertThat(last).as("the paraphrase's run: %s", runs).isNotNull();
                    assertThat(last.get("state")).isEqualTo("rejected");
                    assertThat(last.get("reject_reason")).isEqualTo("duplicate");
                    assertThat((String) last.get("stage")).isEqualTo("uniqueness");
                    String detail = (String) last.get("detail");
                    assertThat(detail).contains("Too similar to existing scenarios").contains(firstId).contains("embedding cosine")
                            .contains("(duplicate at 0.92)");
                    // the vector of the accepted scenario is kept beside the catalog
                    Path vectors = data.resolve("catalog/embeddings/appworld.vectors");
                    assertThat(vectors).exists();
                    assertThat(Files.size(vectors)).as("one record: header, id, hash, model, 384 floats").isGreaterThan(384 * 4);
                    assertThat(Files.readString(vectors, StandardCharsets.ISO_8859_1)).contains(firstId).contains("all-minilm-l6-v2");
                } else {
                    assertThat(second.code()).as("lexical measures alone let the paraphrase in: " + second.out() + second.err()).isZero();
                    assertThat(data.resolve("catalog/embeddings")).doesNotExist();
                }
            }
        }
    }

    @Test
    void a_bad_setting_is_a_configuration_error() {
        var r = CliRun.in(tmp.resolve("data"), Map.of("SCENARIST_SEMANTIC_UNIQUENESS", "maybe"), "runs");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("SCENARIST_SEMANTIC_UNIQUENESS").contains("on, hnsw or off");
    }

    /**
     * The model (ONNX Runtime) loads only in a process that embeds: not to list the packs, not for a pack without a
     * uniqueness policy, not with the setting off; and it does for an appworld run.
     */
    @Test
    void only_a_process_that_embeds_loads_the_model() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(classesLoaded(data, Map.of(), "packs")).doesNotContain("ai.onnxruntime.");
        assertThat(classesLoaded(data, Map.of("SCENARIST_SEMANTIC_UNIQUENESS", "off"), "generate", "--pack", "appworld", "--count", "1"))
                .doesNotContain("ai.onnxruntime.");
        assertThat(classesLoaded(data, Map.of(), "generate", "--pack", "appworld", "--count", "1")).contains("ai.onnxruntime.OrtEnvironment");
    }

    private String classesLoaded(Path data, Map<String, String> env, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", data.toString()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(tmp, "classes", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("SCENARIST_HOME");
        pb.environment().remove("SCENARIST_SEMANTIC_UNIQUENESS");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out.lines().filter(l -> !l.contains("[class,load]")).toList().toString()).isZero();
        return out;
    }

    /** The text the appworld pack's uniqueness gate compares (apps line, title, narrative). */
    private static String uniquenessText(ObjectNode doc) {
        List<String> apps = new ArrayList<>();
        doc.get("core_apps").forEach(a -> apps.add(a.asText()));
        return "apps:" + String.join(" ", new java.util.TreeSet<>(apps)) + "\n" + doc.get("title").asText() + "\n" + doc.get("description").asText();
    }

    /** The four section files of a scenario document, as a model would write them, one reply each. */
    private static List<Scripted> sectionReplies(ObjectNode doc) {
        ObjectNode description = doc.deepCopy();
        for (String f : List.of("apps", "events", "validation")) description.remove(f);
        List<Scripted> out = new ArrayList<>(List.of(reply("description", description.toPrettyString())));
        for (String f : List.of("apps", "events", "validation")) {
            ObjectNode part = JSON.createObjectNode();
            part.set(f, doc.get(f));
            out.add(reply(f, part.toPrettyString()));
        }
        return out;
    }

    private static Scripted reply(String name, String content) {
        return FakeProviderServer.openAiReply("<file path=\"" + name + ".json\">\n" + content + "\n</file>");
    }

    private static ObjectNode example() throws IOException {
        try (InputStream in = SemanticUniquenessCliTest.class.getResourceAsStream("/dev/scenarist/packs/appworld/example-scenario.json")) {
            return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
