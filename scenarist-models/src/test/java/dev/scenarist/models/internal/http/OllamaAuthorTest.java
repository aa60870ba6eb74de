package dev.scenarist.models.internal.http;

import dev.scenarist.models.testing.FakeProviderServer;
import dev.scenarist.models.Provider;
import dev.scenarist.models.ProviderSettings;
import static dev.scenarist.models.testing.FakeProviderServer.Scripted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.ModelRef;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.Price;
import dev.scenarist.models.PriceTable;
import dev.scenarist.models.internal.reliability.RateLimitFeedback;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OllamaAuthorTest extends HttpAuthorContractTest {
    @Override
    String provider() {
        return "ollama";
    }

    /** Ollama takes no key, but one may be configured for a proxy in front of it; the contract tests send one. */
    @Override
    ProviderSettings settings(FakeProviderServer server) {
        return ProviderSettings.defaults(Provider.OLLAMA).withBaseUrl(server.baseUri()).withApiKey(key());
    }

    @Override
    HttpChatAuthor author(ProviderSettings settings, RateLimitFeedback feedback, Redactor redactor, Clock clock) {
        return new OllamaAuthor("qwen2.5-coder:14b", settings, PriceTable.defaults(), feedback, redactor, clock);
    }

    @Override
    AuthorReply expectedReply() {
        return new AuthorReply(CODE, new Usage(2406, 38, 0, 0, 0.0), "qwen2.5-coder:14b", Duration.ofMillis(10));
    }

    @Override
    String badRequestText() {
        return "invalid options: num_predict must be an integer";
    }

    @Override
    void assertKeySent(FakeProviderServer.Received request) {
        assertThat(request.header("Authorization")).contains("Bearer " + KEY);
    }

    @Override
    String structuredResource() {
        return "ollama/reply-structured.json";
    }

    @Override
    JsonNode sentSchema(JsonNode body) {
        return body.path("format");
    }

    @Override
    boolean asksForStructure(JsonNode body) {
        return body.has("format");
    }

    @Override
    String replyCarrying(JsonNode document) {
        return replyWithText(document.toString());
    }

    @Override
    String replyWithText(String text) {
        ObjectNode body = (ObjectNode) OpenAiCompatibleAuthorTest.json(FakeProviderServer.resource("ollama/reply-structured.json"));
        ((ObjectNode) body.path("message")).put("content", text);
        return body.toString();
    }

    @Test
    void structuredOutputIsOnByDefaultAndSendsTheSchemaAsFormatBesideTheOptions() throws Exception {
        server.enqueue(Scripted.fromResource(200, "ollama/reply-structured.json"));
        assertThat(author.structuredOutput()).isTrue();
        AuthorReply reply = author.reply(fileRequest());

        JsonNode body = server.lastRequest().json();
        assertThat(body.path("format").isObject()).isTrue();
        assertThat(body.path("format").path("required")).extracting(JsonNode::asText).containsExactly("files");
        assertThat(body.path("stream").asBoolean(true)).isFalse();
        assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(ProviderSettings.DEFAULT_MAX_TOKENS);
        assertThat(reply.text()).isEqualTo(FILE_BLOCKS);
        assertThat(reply.usage()).isEqualTo(Usage.tokens(2406, 74));
    }

    @Test
    void theRequestIsANonStreamingChatWithOptions() throws Exception {
        server.enqueue(Scripted.fromResource(200, "ollama/reply.json"));
        author.reply(request(new ModelSettings(Optional.empty(), OptionalDouble.of(0.7), OptionalInt.of(3000), ModelSettings.DEFAULT_TIMEOUT)));

        var sent = server.lastRequest();
        assertThat(sent.path()).isEqualTo("/api/chat");
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("qwen2.5-coder:14b");
        assertThat(body.path("stream").asBoolean(true)).isFalse();
        assertThat(body.path("options").path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(3000);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Write build() for a ramp.");
    }

    @Test
    void withoutAKeyNoAuthHeaderIsSent() throws Exception {
        server.enqueue(Scripted.fromResource(200, "ollama/reply.json"));
        try (var a = new OllamaAuthor("qwen2.5-coder:14b", settings(server).withoutApiKey(), PriceTable.defaults(), RateLimitFeedback.NONE,
                redactor, clock)) {
            a.reply(request());
        }
        assertThat(server.lastRequest().header("Authorization")).isEmpty();
    }

    @Test
    void anOllamaHostWithoutSchemeFromTheEnvironmentReachesTheServer() throws Exception {
        for (String host : new String[] {"127.0.0.1:" + server.baseUri().getPort(), "http://127.0.0.1:" + server.baseUri().getPort() + "/"}) {
            server.enqueue(Scripted.fromResource(200, "ollama/reply.json"));
            var settings = ProviderSettings.fromEnvironment("ollama", Map.of("OLLAMA_HOST", host));
            try (var a = HttpChatAuthor.forModel(ModelRef.parse("ollama:qwen2.5-coder:14b"), settings, PriceTable.defaults(),
                    RateLimitFeedback.NONE, redactor, clock)) {
                assertThat(a).isInstanceOf(OllamaAuthor.class);
                assertThat(a.id()).isEqualTo("ollama:qwen2.5-coder:14b");
                assertThat(a.reply(request()).text()).isEqualTo(CODE);
            }
            assertThat(server.lastRequest().path()).as(host).isEqualTo("/api/chat");
        }
    }

    @Test
    void aMissingModelIsPermanentAndQuotesOllama() {
        server.enqueue(Scripted.fromResource(404, "ollama/error-404.json"));
        var e = catchThrowableOfType(PermanentAuthorException.class, () -> author.reply(request()));
        assertThat(e.getMessage()).contains("model qwen2.5-coder:14b").contains("try pulling it first").contains("$OLLAMA_HOST");
    }

    @Test
    void localModelsAreFreeUnlessTheTableSaysOtherwise() throws Exception {
        server.enqueue(Scripted.fromResource(200, "ollama/reply.json"), Scripted.fromResource(200, "ollama/reply.json"));
        assertThat(author.reply(request()).usage().costUsd()).isZero();
        var priced = PriceTable.defaults().withOverrides(Map.of("qwen2.5-coder", Price.of(1.0, 2.0)));
        try (var a = new OllamaAuthor("qwen2.5-coder:14b", settings(server), priced, RateLimitFeedback.NONE, redactor, clock)) {
            assertThat(a.reply(request()).usage().costUsd()).isCloseTo((2406 * 1.0 + 38 * 2.0) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void aPromptOllamaHadCachedReportsNoPromptTokensWithoutFailing() throws Exception {
        server.enqueue(Scripted.ok("{\"model\":\"qwen2.5-coder:14b\",\"created_at\":\"2025-11-20T10:31:52Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"done\":true,\"eval_count\":2}"));
        assertThat(author.reply(request()).usage()).isEqualTo(Usage.tokens(0, 2));
    }
}
