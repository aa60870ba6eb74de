package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.model.Json;
import dev.scenarist.models.testing.FakeProviderServer;
import dev.scenarist.models.testing.FakeProviderServer.Scripted;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on a real (local, fake) OpenAI-compatible server: generate, record, replay offline, models check. */
class RealModelCliTest {
    static final String KEY = "sk-test-SECRETSECRETSECRET1234";

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
        Map<?, ?> json() {
            return Json.read(out, Map.class);
        }
    }

    Result cli(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** An OpenAI chat completion whose message is the scripted reply, as the model would have written it. */
    static String completion(String topicDir, String file) throws Exception {
        Path replies = Path.of(System.getProperty("user.dir")).resolve("../packs/examples/sql-quiz/offline/replies").normalize();
        String text = Files.readString(replies.resolve(topicDir).resolve(file)).replace("{{difficulty}}", "easy");
        ObjectNode body = (ObjectNode) Json.read(FakeProviderServer.resource("openai/reply.json"), JsonNode.class);
        ((ObjectNode) body.get("choices").get(0).get("message")).put("content", text);
        return Json.write(body);
    }

    @Test
    void generateOnARealModelRecordsACassetteThatReplaysOfflineToTheSameScenario() throws Exception {
        Path cassette = tmp.resolve("recorded.jsonl");
        Map<?, ?> live;
        try (var server = FakeProviderServer.start()) {
            for (String f : List.of("describe-1.md", "database-1.md", "queries-1.md", "queries.judge.answerable-1.md", "review-1.md")) {
                server.enqueue(Scripted.ok(completion("music-streaming", f)));
            }
            var env = Map.of("OPENAI_BASE_URL", server.uri("/v1").toString(), "OPENAI_API_KEY", KEY);
            // seed 8: the run's seed 9 picks topic 9 (music streaming) at easy difficulty
            var r = cli(env, "--data-dir", tmp.resolve("live").toString(), "--json", "generate", "--pack", "sql-quiz", "--count", "1",
                    "--seed", "8", "--concurrency", "1", "--author", "openai:gpt-4.1", "--record", cassette.toString());
            assertThat(r.code()).as(r.err()).isZero();
            live = r.json();
            assertThat(live.get("accepted")).isEqualTo(1);
            assertThat(((Number) live.get("cost_usd")).doubleValue()).isPositive();
            assertThat(((Number) live.get("cached_input_share")).doubleValue()).isPositive();
            assertThat(server.requests()).hasSize(5);
        }
        var replay = cli(Map.of(), "--data-dir", tmp.resolve("replay").toString(), "--json", "generate", "--pack", "sql-quiz", "--count", "1",
                "--seed", "8", "--concurrency", "1", "--author", "cassette:" + cassette);
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(manifestHash(live)).isEqualTo(manifestHash(replay.json()));

        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as("the API key never reaches %s", f).doesNotContain(KEY);
            }
        }
    }

    private static String manifestHash(Map<?, ?> doc) throws Exception {
        String path = (String) ((Map<?, ?>) ((List<?>) doc.get("scenarios")).getFirst()).get("path");
        return (String) Json.read(Files.readString(Path.of(path).resolve("manifest.json")), Map.class).get("content_hash");
    }

    @Test
    void modelsCheckReportsLatencyAndTokensWhenTheModelAnswers() {
        try (var server = FakeProviderServer.start()) {
            server.enqueue(Scripted.fromResource(200, "openai/reply.json"));
            var r = cli(Map.of("OPENAI_BASE_URL", server.uri("/v1").toString(), "OPENAI_API_KEY", KEY), "--json", "models", "check", "openai:gpt-4.1");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.json().get("ok")).isEqualTo(true);
            assertThat(r.err()).contains("openai:gpt-4.1 answered in").contains("input").contains("output tokens");
        }
    }

    @Test
    void modelsCheckSaysWhenTheKeyIsMissing() {
        var r = cli(Map.of(), "models", "check", "anthropic:claude-sonnet-4-5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no API key").contains("ANTHROPIC_API_KEY");
    }

    @Test
    void modelsCheckSaysWhenNothingListensAtTheUrl() throws Exception {
        int closedPort;
        try (var s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var r = cli(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:" + closedPort + "/v1"), "models", "check", "openai:gpt-4.1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("did not answer").contains("127.0.0.1:" + closedPort);
    }

    @Test
    void modelsCheckSaysWhenTheModelIsUnknown() {
        try (var server = FakeProviderServer.start()) {
            server.enqueue(Scripted.fromResource(404, "openai/error-404.json"));
            var r = cli(Map.of("OPENAI_BASE_URL", server.uri("/v1").toString(), "OPENAI_API_KEY", KEY), "models", "check", "openai:gpt-9");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("did not answer").containsIgnoringCase("model").doesNotContain(KEY);
        }
    }

    @Test
    void anUnknownProviderIsAUsageError() {
        var r = cli(Map.of(), "--data-dir", tmp.resolve("d").toString(), "generate", "--pack", "sql-quiz", "--count", "1", "--author", "gemini:pro");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown model provider 'gemini'").contains("openai");
    }
}
