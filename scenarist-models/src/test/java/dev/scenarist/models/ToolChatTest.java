package dev.scenarist.models;

import static dev.scenarist.models.testing.FakeProviderServer.Scripted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.core.engine.RetryOptions;
import dev.scenarist.core.engine.TimeAndChance;
import dev.scenarist.core.model.Ids;
import dev.scenarist.core.model.Json;
import dev.scenarist.models.testing.FakeProviderServer;
import dev.scenarist.models.testing.FakeProviderServer.Call;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tool calling through {@link ModelAuthors#toolChat} against the fake provider server, per provider's wire format. */
class ToolChatTest {
    static final String KEY = "sk-test-TOOLCHATSECRET0123456789";
    static final String SYSTEM = "You are a phone assistant.";

    final FakeProviderServer server = FakeProviderServer.start();
    final List<Duration> slept = new CopyOnWriteArrayList<>();
    final Redactor redactor = new Redactor();

    @AfterEach
    void stop() {
        server.close();
    }

    ToolChat chat(String model, ProviderSettings settings, RetryOptions retry) {
        TimeAndChance time = new TimeAndChance(Clock.systemUTC(), slept::add, new Ids(), () -> new SplittableRandom(7));
        CallServices services = new CallServices(PriceTable.defaults(), ProviderThrottle.perMinute(OptionalLong.empty(), OptionalLong.empty()),
                redactor, time, retry);
        return ModelAuthors.toolChat(ModelRef.parse(model), settings, services);
    }

    ToolChat openAi() {
        return chat("openai:gpt-4.1", ProviderSettings.defaults(Provider.OPENAI).withBaseUrl(server.uri("/v1")).withApiKey(new Secret(KEY, "$OPENAI_API_KEY")),
                new RetryOptions(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(30), 0));
    }

    ToolChat anthropic() {
        return chat("anthropic:claude-sonnet-4-5", ProviderSettings.defaults(Provider.ANTHROPIC).withBaseUrl(server.uri("/v1"))
                .withApiKey(new Secret(KEY, "$ANTHROPIC_API_KEY")), new RetryOptions(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(30), 0));
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final ToolDefinition READ_EMAIL = new ToolDefinition("EmailClientApp__get_email_by_id", "Read one email.",
            json("{\"type\":\"object\",\"properties\":{\"email_id\":{\"type\":\"string\"}},\"required\":[\"email_id\"],\"additionalProperties\":false}"));
    static final ToolDefinition PROPOSE = new ToolDefinition("AgentUserInterface__send_message_to_user", "Propose something to the user.",
            json("{\"type\":\"object\",\"properties\":{\"content\":{\"type\":\"string\"}},\"required\":[\"content\"]}"));

    static ToolChatRequest firstRequest() {
        return ToolChatRequest.of(SYSTEM, List.of(new ChatMessage.User("A new email arrived: e1")), List.of(READ_EMAIL, PROPOSE));
    }

    /** The conversation after the model called both tools and got their results (the second one failed). */
    static ToolChatRequest secondRequest(ToolChatReply first) {
        return ToolChatRequest.of(SYSTEM, List.of(new ChatMessage.User("A new email arrived: e1"), first.asMessage(),
                new ChatMessage.ToolOutput("call_a", READ_EMAIL.name(), "{\"subject\":\"Lunch?\"}", false),
                new ChatMessage.ToolOutput("call_b", PROPOSE.name(), "no pending proposal", true)), List.of(READ_EMAIL, PROPOSE));
    }

    // ---- OpenAI-compatible ---------------------------------------------------------------------------------------

    @Test
    void openAiGetsTheToolsAsFunctionsAndItsToolCallsComeBackInOrderWithTheirIds() throws Exception {
        server.enqueue(FakeProviderServer.openAiReply("Let me look.", new Call("call_a", READ_EMAIL.name(), "{\"email_id\":\"e1\"}"),
                new Call("call_b", PROPOSE.name(), "{\"content\":\"Reply to Bob?\"}")));
        ToolChatReply reply;
        try (ToolChat chat = openAi()) {
            reply = chat.send(firstRequest());
        }
        JsonNode body = server.lastRequest().json();
        assertThat(server.lastRequest().path()).isEqualTo("/v1/chat/completions");
        assertThat(server.lastRequest().toolNames()).containsExactly(READ_EMAIL.name(), PROPOSE.name());
        JsonNode f = body.path("tools").get(0);
        assertThat(f.path("type").asText()).isEqualTo("function");
        assertThat(f.path("function").path("description").asText()).isEqualTo("Read one email.");
        assertThat(f.path("function").path("parameters")).isEqualTo(READ_EMAIL.parameters());
        assertThat(body.path("tool_choice").asText()).isEqualTo("auto");
        assertThat(server.lastRequest().roles()).containsExactly("system", "user");

        assertThat(reply.text()).isEqualTo("Let me look.");
        assertThat(reply.calls()).extracting(ToolCall::id).containsExactly("call_a", "call_b");
        assertThat(reply.calls().get(0).arguments()).isEqualTo(new ToolCall.Arguments.Valid(json("{\"email_id\":\"e1\"}")));
        assertThat(reply.usage().inputTokens()).isEqualTo(100);
        assertThat(reply.usage().outputTokens()).isEqualTo(20);
        assertThat(reply.usage().costUsd()).isEqualTo((100 * 2.0 + 20 * 8.0) / 1e6);
        assertThat(reply.model()).isEqualTo("gpt-4.1-2025-04-14");
    }

    @Test
    void openAiGetsTheCallsBackOnTheAssistantMessageAndEachResultAsAToolMessageWithItsId() throws Exception {
        server.enqueue(FakeProviderServer.openAiReply("", new Call("call_a", READ_EMAIL.name(), "{\"email_id\":\"e1\"}"),
                new Call("call_b", PROPOSE.name(), "{\"content\":\"Reply to Bob?\"}")), FakeProviderServer.openAiReply("Done."));
        try (ToolChat chat = openAi()) {
            ToolChatReply first = chat.send(firstRequest());
            ToolChatReply second = chat.send(secondRequest(first));
            assertThat(second.callsTools()).isFalse();
            assertThat(second.text()).isEqualTo("Done.");
        }
        FakeProviderServer.Received r = server.lastRequest();
        assertThat(r.roles()).containsExactly("system", "user", "assistant", "tool", "tool");
        JsonNode assistant = r.json().path("messages").get(2);
        assertThat(assistant.path("content").isNull()).isTrue();
        assertThat(assistant.path("tool_calls").get(1).path("id").asText()).isEqualTo("call_b");
        assertThat(assistant.path("tool_calls").get(1).path("function").path("arguments").asText()).isEqualTo("{\"content\":\"Reply to Bob?\"}");
        assertThat(r.toolResults()).containsExactly(new FakeProviderServer.ToolResultSent("call_a", "{\"subject\":\"Lunch?\"}", false),
                new FakeProviderServer.ToolResultSent("call_b", "Error: no pending proposal", false));
    }

    @Test
    void malformedArgumentsFromTheModelComeBackAsMalformedSayingWhatIsWrongNotAsACrash() throws Exception {
        server.enqueue(FakeProviderServer.openAiReply("", new Call("call_a", READ_EMAIL.name(), "{\"email_id\": \"e1"),
                new Call("call_b", PROPOSE.name(), "[1, 2]"), new Call("call_c", PROPOSE.name(), "")));
        ToolChatReply reply;
        try (ToolChat chat = openAi()) {
            reply = chat.send(firstRequest());
        }
        assertThat(reply.calls()).hasSize(3);
        var cut = (ToolCall.Arguments.Malformed) reply.calls().get(0).arguments();
        assertThat(cut.json()).isEqualTo("{\"email_id\": \"e1");
        assertThat(cut.problem()).contains("not valid JSON");
        var array = (ToolCall.Arguments.Malformed) reply.calls().get(1).arguments();
        assertThat(array.problem()).isEqualTo("not a JSON object but an array");
        assertThat(reply.calls().get(2).arguments()).isEqualTo(new ToolCall.Arguments.Valid(Json.mapper().createObjectNode()));
    }

    @Test
    void aReplyWhoseToolCallsAreNotAListIsAMalformedResponseRetriedThenReported() throws Exception {
        String bad = "{\"model\":\"gpt-4.1\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":{\"id\":\"x\"}}}]}";
        server.enqueue(Scripted.ok(bad), Scripted.ok(bad), Scripted.ok(bad), Scripted.ok(bad));
        try (ToolChat chat = openAi()) {
            TransientAuthorException e = catchThrowableOfType(TransientAuthorException.class, () -> chat.send(firstRequest()));
            assertThat(e.getMessage()).contains("openai:gpt-4.1: malformed response").contains("tool_calls is not an array");
        }
        assertThat(server.requests()).hasSize(4);
        assertThat(slept).hasSize(3);
    }

    @Test
    void aRateLimitIsRetriedAfterWhatRetryAfterAsksAndTheSameRequestIsSentAgain() throws Exception {
        server.enqueue(Scripted.fromResource(429, "openai/error-429.json").withHeader("Retry-After", "2"),
                FakeProviderServer.openAiReply("", new Call("call_a", READ_EMAIL.name(), "{\"email_id\":\"e1\"}")));
        ToolChatReply reply;
        try (ToolChat chat = openAi()) {
            reply = chat.send(firstRequest());
        }
        assertThat(reply.calls()).extracting(ToolCall::name).containsExactly(READ_EMAIL.name());
        assertThat(slept).containsExactly(Duration.ofSeconds(2));
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(0).body()).isEqualTo(server.requests().get(1).body());
    }

    @Test
    void theApiKeyIsSentButNeverInAnyMessage() throws Exception {
        String echo = "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Incorrect API key provided: " + KEY + "\"}}";
        server.enqueue(Scripted.json(401, echo));
        try (ToolChat chat = openAi()) {
            PermanentAuthorException e = catchThrowableOfType(PermanentAuthorException.class, () -> chat.send(firstRequest()));
            assertThat(e.getMessage()).contains("authentication failed").contains("$OPENAI_API_KEY").doesNotContain(KEY);
            assertThat(server.lastRequest().header("Authorization")).contains("Bearer " + KEY);
            assertThat(chat.toString()).doesNotContain(KEY);
        }
        server.enqueue(Scripted.json(429, echo), Scripted.json(429, echo), Scripted.json(429, echo), Scripted.json(429, echo));
        try (ToolChat chat = openAi()) {
            AuthorException e = catchThrowableOfType(AuthorException.class, () -> chat.send(firstRequest()));
            assertThat(e).isInstanceOf(TransientAuthorException.class);
            assertThat(e.getMessage()).contains("rate limited").doesNotContain(KEY);
        }
        assertThat(slept).hasSize(3);
    }

    @Test
    void aToolChoiceAndTheStageSettingsAreSent() throws Exception {
        server.enqueue(FakeProviderServer.openAiReply("", new Call("call_a", PROPOSE.name(), "{\"content\":\"x\"}")));
        var settings = new ModelSettings(java.util.Optional.empty(), java.util.OptionalDouble.of(0.2), java.util.OptionalInt.of(900),
                ModelSettings.DEFAULT_TIMEOUT);
        try (ToolChat chat = openAi()) {
            chat.send(new ToolChatRequest(SYSTEM, List.of(new ChatMessage.User("go")), List.of(PROPOSE), ToolChoice.REQUIRED, settings));
        }
        JsonNode body = server.lastRequest().json();
        assertThat(body.path("tool_choice").asText()).isEqualTo("required");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(900);
    }

    // ---- Anthropic -----------------------------------------------------------------------------------------------

    @Test
    void anthropicGetsTheToolsWithInputSchemasAndItsToolUseBlocksBecomeCalls() throws Exception {
        server.enqueue(FakeProviderServer.anthropicReply("Reading it.", new Call("toolu_1", READ_EMAIL.name(), "{\"email_id\":\"e1\"}"),
                new Call("toolu_2", PROPOSE.name(), "{\"content\":\"Reply to Bob?\"}")));
        ToolChatReply reply;
        try (ToolChat chat = anthropic()) {
            reply = chat.send(firstRequest());
        }
        FakeProviderServer.Received r = server.lastRequest();
        assertThat(r.path()).isEqualTo("/v1/messages");
        assertThat(r.header("x-api-key")).contains(KEY);
        JsonNode body = r.json();
        assertThat(r.toolNames()).containsExactly(READ_EMAIL.name(), PROPOSE.name());
        assertThat(body.path("tools").get(0).path("input_schema")).isEqualTo(READ_EMAIL.parameters());
        assertThat(body.path("tool_choice").path("type").asText()).isEqualTo("auto");
        assertThat(body.path("system").get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        assertThat(reply.text()).isEqualTo("Reading it.");
        assertThat(reply.calls()).extracting(ToolCall::id).containsExactly("toolu_1", "toolu_2");
        assertThat(reply.calls().get(1).arguments()).isEqualTo(new ToolCall.Arguments.Valid(json("{\"content\":\"Reply to Bob?\"}")));
        assertThat(reply.usage().inputTokens()).isEqualTo(100);
        assertThat(reply.usage().costUsd()).isPositive();
    }

    @Test
    void anthropicGetsToolUseBlocksBackAndTheResultsAsToolResultBlocksOfOneUserMessage() throws Exception {
        server.enqueue(FakeProviderServer.anthropicReply("", new Call("call_a", READ_EMAIL.name(), "{\"email_id\":\"e1\"}"),
                new Call("call_b", PROPOSE.name(), "{\"content\":\"Reply to Bob?\"}")), FakeProviderServer.anthropicReply("Proposed."));
        try (ToolChat chat = anthropic()) {
            ToolChatReply first = chat.send(firstRequest());
            List<ChatMessage> more = new java.util.ArrayList<>(secondRequest(first).messages());
            more.add(new ChatMessage.User("The user accepted."));
            chat.send(ToolChatRequest.of(SYSTEM, more, List.of(READ_EMAIL, PROPOSE)));
        }
        FakeProviderServer.Received r = server.lastRequest();
        assertThat(r.roles()).containsExactly("user", "assistant", "user");
        JsonNode assistant = r.json().path("messages").get(1).path("content");
        assertThat(assistant).hasSize(2);
        assertThat(assistant.get(0).path("type").asText()).isEqualTo("tool_use");
        assertThat(assistant.get(0).path("input")).isEqualTo(json("{\"email_id\":\"e1\"}"));
        JsonNode user = r.json().path("messages").get(2).path("content");
        assertThat(user).extracting(b -> b.path("type").asText()).containsExactly("tool_result", "tool_result", "text");
        assertThat(r.toolResults()).containsExactly(new FakeProviderServer.ToolResultSent("call_a", "{\"subject\":\"Lunch?\"}", false),
                new FakeProviderServer.ToolResultSent("call_b", "no pending proposal", true));
    }

    @Test
    void anthropicIsAskedForAnyToolWhenATooLIsRequiredAndAnOverloadIsRetried() throws Exception {
        server.enqueue(Scripted.fromResource(529, "anthropic/error-529.json"),
                FakeProviderServer.anthropicReply("", new Call("toolu_1", PROPOSE.name(), "{\"content\":\"x\"}")));
        try (ToolChat chat = anthropic()) {
            ToolChatReply reply = chat.send(new ToolChatRequest(SYSTEM, List.of(new ChatMessage.User("go")), List.of(PROPOSE), ToolChoice.REQUIRED,
                    ModelSettings.DEFAULTS));
            assertThat(reply.calls()).hasSize(1);
        }
        assertThat(server.lastRequest().json().path("tool_choice").path("type").asText()).isEqualTo("any");
        assertThat(slept).hasSize(1);
    }

    @Test
    void anthropicInputThatIsNotAnObjectIsMalformed() throws Exception {
        server.enqueue(Scripted.ok("{\"type\":\"message\",\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\","
                + "\"name\":\"AgentUserInterface__send_message_to_user\",\"input\":\"oops\"}],\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}"));
        try (ToolChat chat = anthropic()) {
            ToolChatReply reply = chat.send(firstRequest());
            assertThat(reply.calls().get(0).arguments()).isInstanceOf(ToolCall.Arguments.Malformed.class);
        }
    }

    // ---- Ollama --------------------------------------------------------------------------------------------------

    @Test
    void ollamaGetsFunctionsAndReturnsObjectArgumentsAndResultsNamedByTool() throws Exception {
        server.enqueue(Scripted.ok("{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":"
                        + "{\"name\":\"EmailClientApp__get_email_by_id\",\"arguments\":{\"email_id\":\"e1\"}}}]},\"done\":true,"
                        + "\"prompt_eval_count\":50,\"eval_count\":10}"),
                Scripted.ok("{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"Done\"},\"done\":true}"));
        try (ToolChat chat = chat("ollama:qwen3", ProviderSettings.defaults(Provider.OLLAMA).withBaseUrl(server.baseUri()), RetryOptions.NONE)) {
            ToolChatReply first = chat.send(firstRequest());
            assertThat(first.calls()).containsExactly(ToolCall.of("call_1", READ_EMAIL.name(), json("{\"email_id\":\"e1\"}")));
            assertThat(first.usage().inputTokens()).isEqualTo(50);
            chat.send(ToolChatRequest.of(SYSTEM, List.of(new ChatMessage.User("A new email arrived: e1"), first.asMessage(),
                    new ChatMessage.ToolOutput("call_1", READ_EMAIL.name(), "{}", false)), List.of(READ_EMAIL)));
        }
        FakeProviderServer.Received r = server.lastRequest();
        assertThat(r.path()).isEqualTo("/api/chat");
        assertThat(r.toolNames()).containsExactly(READ_EMAIL.name());
        assertThat(r.roles()).containsExactly("system", "user", "assistant", "tool");
        JsonNode assistant = r.json().path("messages").get(2);
        assertThat(assistant.path("tool_calls").get(0).path("function").path("arguments")).isEqualTo(json("{\"email_id\":\"e1\"}"));
        assertThat(r.json().path("messages").get(3).path("tool_name").asText()).isEqualTo(READ_EMAIL.name());
    }

    // ---- the request's own checks ----------------------------------------------------------------------------------

    @Test
    void aToolWithABadNameOrNonObjectParametersIsRefusedWithTheFix() {
        var e = catchThrowableOfType(IllegalArgumentException.class, () -> new ToolDefinition("send email", "x", json("{\"type\":\"object\"}")));
        assertThat(e.getMessage()).contains("'send email'").contains("letters, digits");
        var p = catchThrowableOfType(IllegalArgumentException.class, () -> new ToolDefinition("t", "x", json("{\"type\":\"array\"}")));
        assertThat(p.getMessage()).contains("\"type\": \"object\"");
    }
}
