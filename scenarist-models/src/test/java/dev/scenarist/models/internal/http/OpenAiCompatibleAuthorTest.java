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
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.PriceTable;
import dev.scenarist.models.internal.reliability.RateLimitFeedback;
import dev.scenarist.models.internal.reliability.RateLimitFeedback.Snapshot;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleAuthorTest extends HttpAuthorContractTest {
    @Override
    String provider() {
        return "openai";
    }

    @Override
    ProviderSettings settings(FakeProviderServer server) {
        return ProviderSettings.defaults(Provider.OPENAI).withBaseUrl(server.uri("/v1")).withApiKey(key());
    }

    @Override
    HttpChatAuthor author(ProviderSettings settings, RateLimitFeedback feedback, Redactor redactor, Clock clock) {
        return new OpenAiCompatibleAuthor("gpt-4.1", settings, PriceTable.defaults(), feedback, redactor, clock);
    }

    @Override
    AuthorReply expectedReply() {
        // prompt_tokens 2406 of which 2048 cached; $2 input, $0.50 cached input, $8 output per million
        return new AuthorReply(CODE, new Usage(358, 38, 2048, 0, (358 * 2.0 + 38 * 8.0 + 2048 * 0.5) / 1e6), "gpt-4.1-2025-04-14",
                Duration.ofMillis(10));
    }

    @Override
    String badRequestText() {
        return "This model's maximum context length is 1047576 tokens";
    }

    @Override
    void assertKeySent(FakeProviderServer.Received request) {
        assertThat(request.header("Authorization")).contains("Bearer " + KEY);
    }

    @Override
    String structuredResource() {
        return "openai/reply-structured.json";
    }

    @Override
    JsonNode sentSchema(JsonNode body) {
        return body.path("response_format").path("json_schema").path("schema");
    }

    @Override
    boolean asksForStructure(JsonNode body) {
        return body.has("response_format");
    }

    @Override
    String replyCarrying(JsonNode document) {
        return replyWithText(document.toString());
    }

    @Override
    String replyWithText(String text) {
        ObjectNode body = (ObjectNode) json(FakeProviderServer.resource("openai/reply-structured.json"));
        ((ObjectNode) body.path("choices").get(0).path("message")).put("content", text);
        return body.toString();
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theStructuredRequestIsAStrictJsonSchemaResponseFormatBesideTheUsualFields() throws Exception {
        server.enqueue(Scripted.fromResource(200, "openai/reply-structured.json"));
        try (var a = structuredAuthor()) {
            a.reply(fileRequest());
        }
        JsonNode body = server.lastRequest().json();
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("scenario_files");
        assertThat(format.path("json_schema").path("strict").isBoolean()).isTrue();
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("schema").path("properties").path("files").path("items").path("properties")
                .path("path").path("enum")).extracting(JsonNode::asText).containsExactly("scenario/build.py", "scenario/meta.json");
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(ProviderSettings.DEFAULT_MAX_TOKENS);
    }

    @Test
    void aStructuredReplyIsPricedLikeAnyOther() throws Exception {
        server.enqueue(Scripted.fromResource(200, "openai/reply-structured.json"));
        try (var a = structuredAuthor()) {
            AuthorReply reply = a.reply(fileRequest());
            assertThat(reply.model()).isEqualTo("gpt-4.1-2025-04-14");
            assertThat(reply.usage()).isEqualTo(new Usage(358, 61, 2048, 0, reply.usage().costUsd()));
            assertThat(reply.usage().costUsd()).isCloseTo((358 * 2.0 + 61 * 8.0 + 2048 * 0.5) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void structuredOutputIsOnByDefaultOnlyAtOpenAisOwnApi() {
        ProviderSettings openAi = ProviderSettings.defaults(Provider.OPENAI);
        assertThat(structured(openAi)).isTrue();
        assertThat(structured(openAi.withBaseUrl(URI.create("https://eu.api.openai.com/v1")))).isTrue();
        assertThat(structured(openAi.withBaseUrl(URI.create("http://localhost:8000/v1")))).as("vLLM").isFalse();
        assertThat(structured(openAi.withBaseUrl(URI.create("http://localhost:11434/v1")))).as("Ollama's /v1").isFalse();
        assertThat(structured(openAi.withBaseUrl(URI.create("https://api.openai.com.proxy.example/v1")))).isFalse();
        assertThat(structured(openAi.withStructuredOutput(false))).isFalse();
        assertThat(structured(openAi.withBaseUrl(URI.create("http://localhost:8000/v1")).withStructuredOutput(true))).isTrue();
        assertThat(author.structuredOutput()).as("the fake server is not api.openai.com").isFalse();
    }

    private boolean structured(ProviderSettings settings) {
        try (var a = new OpenAiCompatibleAuthor("gpt-4.1", settings, PriceTable.defaults(), RateLimitFeedback.NONE, redactor, clock)) {
            return a.structuredOutput();
        }
    }

    @Test
    void byDefaultAnotherOpenAiCompatibleServerGetsNoResponseFormatAndItsTextIsKept() throws Exception {
        server.enqueue(Scripted.fromResource(200, "openai/reply-structured.json"));
        String text = author.reply(fileRequest()).text();
        assertThat(server.lastRequest().json().has("response_format")).isFalse();
        assertThat(text).startsWith("{\"files\":[").isEqualTo(json(FakeProviderServer.resource("openai/reply-structured.json"))
                .path("choices").get(0).path("message").path("content").asText());
    }

    @Test
    void aRefusalUnderStructuredOutputIsReturnedAsTheRefusalText() throws Exception {
        server.enqueue(Scripted.ok("""
                {"id":"chatcmpl-2","object":"chat.completion","created":1,"model":"gpt-4o-2024-08-06",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I can't help with that."},
                 "finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":6,"total_tokens":16}}"""));
        try (var a = structuredAuthor()) {
            assertThat(a.reply(fileRequest()).text()).isEqualTo("I can't help with that.");
        }
    }

    @Test
    void theRequestIsAChatCompletionWithTheSystemPrefixThenThePrompt() throws Exception {
        server.enqueue(Scripted.fromResource(200, "openai/reply.json"));
        var settings = new ModelSettings(Optional.empty(), OptionalDouble.of(0.3), OptionalInt.of(1200), ModelSettings.DEFAULT_TIMEOUT);

        author.reply(request(settings));

        var sent = server.lastRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Content-Type")).contains("application/json");
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4.1");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("You write MuJoCo scenario builders.");
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Write build() for a ramp.");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1200);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void withoutTheStagesLimitsTheDefaultMaxTokensIsSentAndNoTemperature() throws Exception {
        server.enqueue(Scripted.fromResource(200, "openai/reply.json"));
        author.reply(request());
        assertThat(server.lastRequest().json().path("max_tokens").asInt()).isEqualTo(ProviderSettings.DEFAULT_MAX_TOKENS);
        assertThat(server.lastRequest().json().has("temperature")).isFalse();
    }

    @Test
    void reasoningModelsGetMaxCompletionTokensAndNoTemperature() throws Exception {
        server.enqueue(Scripted.fromResource(200, "openai/reply.json"));
        try (var o4 = new OpenAiCompatibleAuthor("o4-mini", settings(server), PriceTable.defaults(), RateLimitFeedback.NONE, redactor, clock)) {
            o4.reply(request(new ModelSettings(Optional.empty(), OptionalDouble.of(0.2), OptionalInt.of(900), ModelSettings.DEFAULT_TIMEOUT)));
        }
        JsonNode body = server.lastRequest().json();
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(900);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.has("temperature")).isFalse();
        assertThat(OpenAiCompatibleAuthor.isReasoningModel("o3")).isTrue();
        assertThat(OpenAiCompatibleAuthor.isReasoningModel("o3-mini-2025-01-31")).isTrue();
        assertThat(OpenAiCompatibleAuthor.isReasoningModel("gpt-5-mini")).isTrue();
        assertThat(OpenAiCompatibleAuthor.isReasoningModel("gpt-5-chat-latest")).isFalse();
        assertThat(OpenAiCompatibleAuthor.isReasoningModel("gpt-4o")).isFalse();
        assertThat(OpenAiCompatibleAuthor.isReasoningModel("omni-llama")).isFalse();
    }

    @Test
    void anEmptySystemPrefixSendsOnlyTheUserMessage() throws Exception {
        server.enqueue(Scripted.fromResource(200, "openai/reply.json"));
        author.reply(new dev.scenarist.core.author.AuthorRequest("s", "", "hello", ModelSettings.DEFAULTS, 1, 0, Map.of()));
        assertThat(server.lastRequest().json().path("messages")).hasSize(1);
    }

    @Test
    void rateLimitHeadersOfASuccessAreReportedToTheFeedback() throws Exception {
        server.enqueue(Scripted.fromResource(200, "openai/reply.json")
                .withHeader("x-ratelimit-limit-requests", "500").withHeader("x-ratelimit-remaining-requests", "499")
                .withHeader("x-ratelimit-limit-tokens", "30000").withHeader("x-ratelimit-remaining-tokens", "27556")
                .withHeader("x-ratelimit-reset-requests", "120ms").withHeader("x-ratelimit-reset-tokens", "6m0s"));

        author.reply(request());

        assertThat(observed).containsExactly(new Snapshot(OptionalLong.of(499), OptionalLong.of(27556), Optional.of(Duration.ofMillis(120)),
                Optional.of(Duration.ofMinutes(6)), Optional.empty()));
    }

    @Test
    void rateLimitHeadersOfA429AreReportedToo() {
        server.enqueue(Scripted.fromResource(429, "openai/error-429.json").withHeader("x-ratelimit-remaining-tokens", "0")
                .withHeader("x-ratelimit-reset-tokens", "3.12s").withHeader("retry-after", "4"));

        var e = catchThrowableOfType(TransientAuthorException.class, () -> author.reply(request()));

        assertThat(e.getMessage()).contains("Rate limit reached for gpt-4.1");
        assertThat(observed).singleElement().satisfies(s -> {
            assertThat(s.remainingTokens()).hasValue(0);
            assertThat(s.tokensReset()).contains(Duration.ofMillis(3120));
            assertThat(s.retryAfter()).contains(Duration.ofSeconds(4));
        });
    }

    @Test
    void theBaseUrlWorksWithOrWithoutATrailingSlash() throws Exception {
        for (String base : new String[] {"/v1", "/v1/", "/v1//"}) {
            server.enqueue(Scripted.fromResource(200, "openai/reply.json"));
            var settings = settings(server).withBaseUrl(server.uri(base));
            try (var a = new OpenAiCompatibleAuthor("gpt-4.1", settings, PriceTable.defaults(), RateLimitFeedback.NONE, redactor, clock)) {
                a.reply(request());
            }
            assertThat(server.lastRequest().path()).as(base).isEqualTo("/v1/chat/completions");
        }
    }

    @Test
    void aLocalServerWithoutAKeyGetsNoAuthHeaderAndA401SaysWhichVariableToSet() {
        server.enqueue(Scripted.fromResource(200, "openai/reply.json"), Scripted.fromResource(401, "openai/error-401.json"));
        var settings = settings(server).withoutApiKey();
        try (var a = new OpenAiCompatibleAuthor("qwen2.5-coder-32b", settings, PriceTable.defaults(), RateLimitFeedback.NONE, redactor, clock)) {
            assertThat(catchThrowableOfType(Exception.class, () -> a.reply(request()))).isNull();
            assertThat(server.lastRequest().header("Authorization")).isEmpty();
            var e = catchThrowableOfType(PermanentAuthorException.class, () -> a.reply(request()));
            assertThat(e.getMessage()).contains("no API key was sent; set $OPENAI_API_KEY");
        }
    }

    @Test
    void aKeyFromTheEnvironmentIsNamedByItsVariableWhenRejected() {
        server.enqueue(Scripted.fromResource(401, "openai/error-401.json"));
        var settings = ProviderSettings.fromEnvironment("openai", Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", server.uri("/v1").toString()));
        try (var a = new OpenAiCompatibleAuthor("gpt-4.1", settings, PriceTable.defaults(), RateLimitFeedback.NONE, redactor, clock)) {
            var e = catchThrowableOfType(PermanentAuthorException.class, () -> a.reply(request()));
            assertThat(e.getMessage()).startsWith("openai:gpt-4.1: authentication failed (HTTP 401 from " + server.uri("/v1/chat/completions") + ")")
                    .contains("check $OPENAI_API_KEY").doesNotContain(KEY);
        }
        assertThat(server.lastRequest().header("Authorization")).contains("Bearer " + KEY);
    }

    @Test
    void extraHeadersAreSentAndMayReplaceTheAuthHeader() throws Exception {
        server.enqueue(Scripted.fromResource(200, "openai/reply.json"));
        var settings = settings(server).withHeader("OpenAI-Organization", "org-123").withHeader("Authorization", "Bearer proxy-token-123456");
        try (var a = new OpenAiCompatibleAuthor("gpt-4.1", settings, PriceTable.defaults(), RateLimitFeedback.NONE, redactor, clock)) {
            a.reply(request());
        }
        assertThat(server.lastRequest().header("OpenAI-Organization")).contains("org-123");
        assertThat(server.lastRequest().headers().get("authorization")).containsExactly("Bearer proxy-token-123456");
        assertThat(redactor.redact("token proxy-token-123456")).doesNotContain("proxy-token-123456");
    }

    @Test
    void aRefusalIsReturnedAsTheReplyText() throws Exception {
        server.enqueue(Scripted.ok("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-2024-08-06",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I can't help with that."},
                 "finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":6,"total_tokens":16}}"""));
        AuthorReply reply = author.reply(request());
        assertThat(reply.text()).isEqualTo("I can't help with that.");
        assertThat(reply.usage().inputTokens()).isEqualTo(10);
        assertThat(reply.usage().cacheReadTokens()).isZero();
    }

    @Test
    void aServedModelTheTableDoesNotKnowIsPricedAsTheRequestedModel() throws Exception {
        server.enqueue(Scripted.ok(FakeProviderServer.resource("openai/reply.json").replace("gpt-4.1-2025-04-14", "my-finetune")));
        AuthorReply reply = author.reply(request());
        assertThat(reply.model()).isEqualTo("my-finetune");
        assertThat(reply.usage().costUsd()).isCloseTo(expectedReply().usage().costUsd(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theIdIsProviderColonModel() {
        assertThat(author.id()).isEqualTo("openai:gpt-4.1");
        assertThat(author.endpoint()).isEqualTo(URI.create(server.uri("/v1") + "/chat/completions"));
        assertThat(author.toString()).contains("openai:gpt-4.1").contains("/v1/chat/completions");
    }
}
