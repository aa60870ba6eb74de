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
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.PriceTable;
import dev.scenarist.models.internal.reliability.RateLimitFeedback;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AnthropicAuthorTest extends HttpAuthorContractTest {
    @Override
    String provider() {
        return "anthropic";
    }

    @Override
    ProviderSettings settings(FakeProviderServer server) {
        return ProviderSettings.defaults(Provider.ANTHROPIC).withBaseUrl(server.uri("/v1/")).withApiKey(key());
    }

    @Override
    HttpChatAuthor author(ProviderSettings settings, RateLimitFeedback feedback, Redactor redactor, Clock clock) {
        return new AnthropicAuthor("claude-sonnet-4-5", settings, PriceTable.defaults(), feedback, redactor, clock);
    }

    @Override
    AuthorReply expectedReply() {
        // $3 input, $15 output, $0.30 cache read per million
        return new AuthorReply(CODE, new Usage(312, 41, 2093, 0, (312 * 3.0 + 41 * 15.0 + 2093 * 0.3) / 1e6),
                "claude-sonnet-4-5-20250929", Duration.ofMillis(10));
    }

    @Override
    String badRequestText() {
        return "invalid_request_error: prompt is too long: 212804 tokens > 200000 maximum";
    }

    @Override
    void assertKeySent(FakeProviderServer.Received request) {
        assertThat(request.header("x-api-key")).contains(KEY);
        assertThat(request.header("Authorization")).isEmpty();
    }

    @Override
    String structuredResource() {
        return "anthropic/reply-tool-use.json";
    }

    @Override
    JsonNode sentSchema(JsonNode body) {
        return body.path("tools").path(0).path("input_schema");
    }

    @Override
    boolean asksForStructure(JsonNode body) {
        return body.has("tools") || body.has("tool_choice");
    }

    @Override
    String replyCarrying(JsonNode document) {
        ObjectNode body = toolUseReply();
        ((ObjectNode) body.path("content").get(0)).set("input", document);
        return body.toString();
    }

    @Override
    String replyWithText(String text) {
        ObjectNode body = toolUseReply();
        body.putArray("content").addObject().put("type", "text").put("text", text);
        body.put("stop_reason", "end_turn");
        return body.toString();
    }

    static ObjectNode toolUseReply() {
        return (ObjectNode) OpenAiCompatibleAuthorTest.json(FakeProviderServer.resource("anthropic/reply-tool-use.json"));
    }

    @Test
    void structuredOutputIsOnByDefaultAndForcesTheWriteFilesToolKeepingTheCachedSystemBlock() throws Exception {
        server.enqueue(Scripted.fromResource(200, "anthropic/reply-tool-use.json"));
        assertThat(author.structuredOutput()).isTrue();

        AuthorReply reply = author.reply(fileRequest());

        JsonNode body = server.lastRequest().json();
        assertThat(body.path("tools")).hasSize(1);
        JsonNode tool = body.path("tools").get(0);
        assertThat(tool.path("name").asText()).isEqualTo("write_files");
        assertThat(tool.path("description").asText()).isNotBlank();
        assertThat(tool.path("input_schema").path("type").asText()).isEqualTo("object");
        assertThat(body.path("tool_choice")).isEqualTo(OpenAiCompatibleAuthorTest.json("{\"type\":\"tool\",\"name\":\"write_files\"}"));
        assertThat(body.path("system").get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(ProviderSettings.DEFAULT_MAX_TOKENS);
        assertThat(reply.text()).isEqualTo(FILE_BLOCKS);
        assertThat(reply.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(reply.usage().cacheReadTokens()).isEqualTo(2093);
        assertThat(reply.usage().costUsd()).isCloseTo((312 * 3.0 + 118 * 15.0 + 2093 * 0.3) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void severalWriteFilesCallsAreJoinedAndOtherToolsIgnored() throws Exception {
        ObjectNode body = toolUseReply();
        var content = body.putArray("content");
        content.addObject().put("type", "tool_use").put("id", "toolu_1").put("name", "write_files")
                .set("input", OpenAiCompatibleAuthorTest.json("{\"files\":[{\"path\":\"scenario/build.py\",\"content\":\"x = 1\"}]}"));
        content.addObject().put("type", "tool_use").put("id", "toolu_2").put("name", "something_else")
                .set("input", OpenAiCompatibleAuthorTest.json("{\"files\":[{\"path\":\"nope\",\"content\":\"no\"}]}"));
        content.addObject().put("type", "tool_use").put("id", "toolu_3").put("name", "write_files")
                .set("input", OpenAiCompatibleAuthorTest.json("{\"files\":[{\"path\":\"scenario/meta.json\",\"content\":\"{}\\n\"}]}"));
        server.enqueue(Scripted.ok(body.toString()));

        assertThat(author.reply(fileRequest()).text()).isEqualTo(
                "<file path=\"scenario/build.py\">\nx = 1\n</file>\n<file path=\"scenario/meta.json\">\n{}\n</file>\n");
    }

    @Test
    void aNonConformingToolInputComesBackAfterAnyTextAsJson() throws Exception {
        ObjectNode body = toolUseReply();
        var content = body.putArray("content");
        content.addObject().put("type", "text").put("text", "Here are the files.");
        content.addObject().put("type", "tool_use").put("id", "toolu_1").put("name", "write_files")
                .set("input", OpenAiCompatibleAuthorTest.json("{\"files\":[{\"path\":\"scenario/build.py\"}]}"));
        server.enqueue(Scripted.ok(body.toString()));

        assertThat(author.reply(fileRequest()).text()).isEqualTo("Here are the files.\n{\"files\":[{\"path\":\"scenario/build.py\"}]}");
    }

    @Test
    void turnedOffTheToolIsNotOfferedAndTheTextBlocksAreTheReplyAsBefore() throws Exception {
        server.enqueue(Scripted.fromResource(200, "anthropic/reply.json"));
        try (var a = new AnthropicAuthor("claude-sonnet-4-5", settings(server).withStructuredOutput(false), PriceTable.defaults(),
                RateLimitFeedback.NONE, redactor, clock)) {
            assertThat(a.reply(fileRequest()).text()).isEqualTo(CODE);
        }
        JsonNode body = server.lastRequest().json();
        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("tool_choice")).isFalse();
        assertThat(body.path("system").get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
    }

    @Test
    void theSystemPrefixIsOneCachedBlockAndThePromptTheUserMessage() throws Exception {
        server.enqueue(Scripted.fromResource(200, "anthropic/reply.json"));
        var settings = new ModelSettings(Optional.empty(), OptionalDouble.of(0.5), OptionalInt.of(2000), ModelSettings.DEFAULT_TIMEOUT);

        author.reply(request(settings));

        var sent = server.lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.header("anthropic-version")).contains("2023-06-01");
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(2000);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
        JsonNode system = body.path("system");
        assertThat(system.isArray()).isTrue();
        assertThat(system).hasSize(1);
        assertThat(system.get(0).path("type").asText()).isEqualTo("text");
        assertThat(system.get(0).path("text").asText()).isEqualTo("You write MuJoCo scenario builders.");
        assertThat(system.get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Write build() for a ramp.");
    }

    @Test
    void maxTokensIsAlwaysSentBecauseAnthropicRequiresIt() throws Exception {
        server.enqueue(Scripted.fromResource(200, "anthropic/reply.json"));
        author.reply(request());
        assertThat(server.lastRequest().json().path("max_tokens").asInt()).isEqualTo(ProviderSettings.DEFAULT_MAX_TOKENS);
        assertThat(server.lastRequest().json().has("temperature")).isFalse();
    }

    @Test
    void aTemperatureAboveAnthropicsRangeIsClampedToOne() throws Exception {
        server.enqueue(Scripted.fromResource(200, "anthropic/reply.json"));
        author.reply(request(new ModelSettings(Optional.empty(), OptionalDouble.of(1.4), OptionalInt.empty(), ModelSettings.DEFAULT_TIMEOUT)));
        assertThat(server.lastRequest().json().path("temperature").asDouble()).isEqualTo(1.0);
    }

    @Test
    void anEmptySystemPrefixSendsNoSystemField() throws Exception {
        server.enqueue(Scripted.fromResource(200, "anthropic/reply.json"));
        author.reply(new dev.scenarist.core.author.AuthorRequest("s", "", "hello", ModelSettings.DEFAULTS, 1, 0, Map.of()));
        assertThat(server.lastRequest().json().has("system")).isFalse();
    }

    @Test
    void cacheWritesAndReadsArePricedAtTheirOwnRates() throws Exception {
        server.enqueue(Scripted.ok(FakeProviderServer.resource("anthropic/reply.json")
                .replace("\"cache_creation_input_tokens\": 0", "\"cache_creation_input_tokens\": 2051")
                .replace("\"cache_read_input_tokens\": 2093", "\"cache_read_input_tokens\": 0")));

        Usage usage = author.reply(request()).usage();

        assertThat(usage.cacheWriteTokens()).isEqualTo(2051);
        assertThat(usage.cacheReadTokens()).isZero();
        assertThat(usage.costUsd()).isCloseTo((312 * 3.0 + 41 * 15.0 + 2051 * 3.75) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void anthropicRateLimitHeadersAreReportedWithResetsRelativeToTheClock() throws Exception {
        server.enqueue(Scripted.fromResource(200, "anthropic/reply.json")
                .withHeader("anthropic-ratelimit-requests-limit", "50").withHeader("anthropic-ratelimit-requests-remaining", "49")
                .withHeader("anthropic-ratelimit-requests-reset", "2025-11-20T10:00:01Z")
                .withHeader("anthropic-ratelimit-tokens-limit", "30000").withHeader("anthropic-ratelimit-tokens-remaining", "27000")
                .withHeader("anthropic-ratelimit-tokens-reset", "2025-11-20T10:01:00Z")
                .withHeader("request-id", "req_011CVKqf1W2x8jJ3uZoBnT6a"));

        author.reply(request());

        assertThat(observed).singleElement().satisfies(s -> {
            assertThat(s.remainingRequests()).isEqualTo(OptionalLong.of(49));
            assertThat(s.remainingTokens()).isEqualTo(OptionalLong.of(27000));
            assertThat(s.requestsReset()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1)));
            assertThat(s.tokensReset()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60)));
            assertThat(s.retryAfter()).isEmpty();
        });
    }

    @Test
    void anOverloadedErrorIsTransientWhateverItsStatus() {
        server.enqueue(Scripted.fromResource(500, "anthropic/error-529.json"), Scripted.fromResource(400, "anthropic/error-529.json"));
        assertThat(catchThrowableOfType(TransientAuthorException.class, () -> author.reply(request())).getMessage())
                .contains("provider overloaded").contains("overloaded_error: Overloaded");
        assertThat(catchThrowableOfType(TransientAuthorException.class, () -> author.reply(request()))).isNotNull();
    }

    @Test
    void theBaseUrlMayOmitV1AsTheAnthropicSdksTakeIt() throws Exception {
        for (String base : new String[] {"", "/", "/v1", "/v1/", "/proxy/anthropic"}) {
            server.enqueue(Scripted.fromResource(200, "anthropic/reply.json"));
            var settings = settings(server).withBaseUrl(server.uri(base));
            try (var a = new AnthropicAuthor("claude-sonnet-4-5", settings, PriceTable.defaults(), RateLimitFeedback.NONE, redactor, clock)) {
                a.reply(request());
            }
            assertThat(server.lastRequest().path()).as(base)
                    .isEqualTo(base.startsWith("/proxy") ? "/proxy/anthropic/v1/messages" : "/v1/messages");
        }
    }

    @Test
    void aRejectedKeyFromTheEnvironmentNamesAnthropicsVariable() {
        server.enqueue(Scripted.fromResource(401, "anthropic/error-401.json"));
        var settings = ProviderSettings.fromEnvironment("anthropic", Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL", server.baseUri().toString()));
        try (var a = new AnthropicAuthor("claude-haiku-4-5", settings, PriceTable.defaults(), RateLimitFeedback.NONE, redactor, clock)) {
            var e = catchThrowableOfType(PermanentAuthorException.class, () -> a.reply(request()));
            assertThat(e.getMessage()).contains("check $ANTHROPIC_API_KEY").contains("authentication_error: invalid x-api-key").doesNotContain(KEY);
        }
    }

    @Test
    void anUnknownModelSaysWhichModelAndWhichVariableToCheck() {
        server.enqueue(Scripted.fromResource(404, "anthropic/error-404.json"));
        var e = catchThrowableOfType(PermanentAuthorException.class, () -> author.reply(request()));
        assertThat(e.getMessage()).contains("model claude-sonnet-4-5").contains("$ANTHROPIC_BASE_URL").contains("not_found_error: model: claude-sonnet-9");
    }

    @Test
    void anthropicsMessagesEndpointAddsV1OnlyWhenTheBaseLacksIt() {
        ProviderSettings d = ProviderSettings.defaults(Provider.ANTHROPIC);
        assertThat(AnthropicAuthor.messagesEndpoint(d)).isEqualTo(URI.create("https://api.anthropic.com/v1/messages"));
        assertThat(AnthropicAuthor.messagesEndpoint(d.withBaseUrl(URI.create("https://api.anthropic.com"))))
                .isEqualTo(URI.create("https://api.anthropic.com/v1/messages"));
        assertThat(AnthropicAuthor.messagesEndpoint(d.withBaseUrl(URI.create("http://litellm:4000/"))))
                .isEqualTo(URI.create("http://litellm:4000/v1/messages"));
    }
}
