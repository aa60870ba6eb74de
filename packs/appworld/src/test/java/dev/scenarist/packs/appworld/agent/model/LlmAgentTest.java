package dev.scenarist.packs.appworld.agent.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scenarist.core.engine.RetryOptions;
import dev.scenarist.core.engine.TimeAndChance;
import dev.scenarist.core.model.Ids;
import dev.scenarist.models.CallServices;
import dev.scenarist.models.ChatMessage;
import dev.scenarist.models.ModelAuthors;
import dev.scenarist.models.ModelRef;
import dev.scenarist.models.PriceTable;
import dev.scenarist.models.Provider;
import dev.scenarist.models.ProviderSettings;
import dev.scenarist.models.ProviderThrottle;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.Secret;
import dev.scenarist.models.ToolChat;
import dev.scenarist.models.testing.FakeProviderServer;
import dev.scenarist.models.testing.FakeProviderServer.Call;
import dev.scenarist.packs.appworld.phone.Phone;
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import dev.scenarist.packs.appworld.phone.tools.ToolDescription;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import dev.scenarist.packs.appworld.play.AgentException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model agent playing a real phone through a scripted OpenAI-compatible server. */
class LlmAgentTest {
    static final String KEY = "sk-test-LLMAGENTSECRET0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    final FakeProviderServer server = FakeProviderServer.start();
    Phone phone;
    PhoneTurns turns;
    ToolChat chat;

    @BeforeEach
    void phoneWithAnEmailOnItsWay() throws Exception {
        phone = Phone.builder().startAt(Instant.parse("2024-10-15T09:00:00Z"))
                .seed(JSON.readTree("""
                        {"EmailClientApp": {"user_email": "me@home.org", "emails": [
                          {"email_id": "e0", "sender": "news@shop.com", "subject": "Sale", "content": "50% off", "timestamp": "2024-10-14 08:00:00", "is_read": true}]},
                         "ContactsApp": {"contacts": [{"contact_id": "c1", "first_name": "Bob", "last_name": "Stone", "email": "bob@work.com"}]}}
                        """))
                .build();
        phone.schedule(Duration.ofMinutes(5), "EmailClientApp__send_email_to_user_only",
                JSON.readTree("{\"sender\": \"bob@work.com\", \"subject\": \"Lunch?\", \"content\": \"Lunch at noon tomorrow?\"}"));
        phone.advance(Duration.ofMinutes(5), "event flow");
        turns = new PhoneTurns(phone, 20);
        chat = chat(RetryOptions.NONE);
    }

    ToolChat chat(RetryOptions retry) {
        TimeAndChance time = new TimeAndChance(Clock.systemUTC(), d -> { }, new Ids(), () -> new SplittableRandom(1));
        return ModelAuthors.toolChat(ModelRef.parse("openai:gpt-4.1"),
                ProviderSettings.defaults(Provider.OPENAI).withBaseUrl(server.uri("/v1")).withApiKey(new Secret(KEY, "$OPENAI_API_KEY")),
                new CallServices(PriceTable.defaults(), ProviderThrottle.perMinute(OptionalLong.empty(), OptionalLong.empty()), new Redactor(), time, retry));
    }

    @AfterEach
    void stop() {
        chat.close();
        server.close();
    }

    /** The agent's calls in the action log, in order, as "tool" names. */
    List<String> agentCalls() {
        return phone.log().entries(LogEntry.ToolCall.class).stream().filter(c -> c.actor() == Actor.AGENT).map(LogEntry.ToolCall::tool).toList();
    }

    String lunchId() {
        for (JsonNode e : phone.snapshot().path("apps").path("EmailClientApp").path("emails")) {
            if (e.path("subject").asText().equals("Lunch?")) return e.path("email_id").asText();
        }
        throw new AssertionError("no Lunch? email in " + phone.snapshot().path("apps").path("EmailClientApp"));
    }

    @Test
    void theAgentReadsTheEmailProposesAndRepliesOnlyAfterTheUserAccepts() throws Exception {
        LlmAgent agent = new LlmAgent(chat);
        String id = lunchId();
        server.enqueue(
                FakeProviderServer.openAiReply("", new Call("call_1", "EmailClientApp__get_email_by_id", "{\"email_id\": \"" + id + "\"}")),
                FakeProviderServer.openAiReply("", new Call("call_2", "AgentUserInterface__send_message_to_user",
                        "{\"content\": \"Bob asks whether you can have lunch at noon tomorrow. Shall I reply that you will be there?\"}")),
                FakeProviderServer.openAiReply("I proposed a reply to Bob and am waiting for your answer."));

        agent.onTurn(turns.next());

        assertThat(agentCalls()).containsExactly("get_email_by_id", "send_message_to_user");
        assertThat(server.requests()).hasSize(3);
        FakeProviderServer.Received first = server.requests().get(0);
        assertThat(first.toolNames()).containsExactlyElementsOf(phone.agentTools().stream().map(ToolDescription::name).toList());
        assertThat(first.json().path("messages").get(0).path("content").asText()).isEqualTo(LlmAgent.SYSTEM_PROMPT);
        assertThat(first.json().path("messages").get(1).path("content").asText())
                .startsWith("It is now 2024-10-15 09:05:00.").contains("EmailClientApp: New email from bob@work.com: Lunch?");
        assertThat(server.requests().get(1).toolResults()).singleElement().satisfies(r -> {
            assertThat(r.callId()).isEqualTo("call_1");
            assertThat(r.content()).contains("Lunch at noon tomorrow?");
        });
        assertThat(phone.snapshot().path("apps").path("AgentUserInterface").path("proposals").toString()).contains("pending");

        // the simulated user accepts; the player gives the agent its next turn
        assertThat(phone.call(Actor.USER, "AgentUserInterface__accept_proposal", Map.of("content", "Yes please")).ok()).isTrue();
        server.enqueue(
                FakeProviderServer.openAiReply("Replying now.", new Call("call_3", "EmailClientApp__reply_to_email",
                        "{\"email_id\": \"" + id + "\", \"content\": \"Noon works, see you there!\"}")),
                FakeProviderServer.openAiReply("", new Call("call_4", "AgentUserInterface__wait", "{}")));

        agent.onTurn(turns.next());

        assertThat(agentCalls()).containsExactly("get_email_by_id", "send_message_to_user", "reply_to_email", "wait");
        assertThat(server.requests()).hasSize(5);
        FakeProviderServer.Received fourth = server.requests().get(3);
        // the model remembers the first turn: the whole conversation goes again, then the news of this turn
        assertThat(fourth.roles()).containsExactly("system", "user", "assistant", "tool", "assistant", "tool", "assistant", "user");
        assertThat(fourth.json().path("messages").get(7).path("content").asText()).contains("User accepted the proposal: Yes please");
        assertThat(server.requests().get(4).toolResults()).extracting(FakeProviderServer.ToolResultSent::callId)
                .containsExactly("call_1", "call_2", "call_3");
        assertThat(phone.snapshot().path("apps").path("EmailClientApp").path("emails").toString()).contains("Noon works, see you there!");

        // every call of the log in order: the agent's, the user's acceptance between them
        List<String> all = phone.log().entries(LogEntry.ToolCall.class).stream().map(c -> c.actor().wireName() + ":" + c.tool()).toList();
        assertThat(all).containsSubsequence("env:send_email_to_user_only", "agent:get_email_by_id", "agent:send_message_to_user",
                "user:accept_proposal", "agent:reply_to_email", "agent:wait");
        assertThat(agent.modelCalls()).isEqualTo(5);
        assertThat(agent.usage().inputTokens()).isEqualTo(500);
        assertThat(agent.usage().outputTokens()).isEqualTo(100);
        assertThat(agent.usage().costUsd()).isPositive();
        assertThat(agent.name()).isEqualTo("openai:gpt-4.1");
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.body()).doesNotContain(KEY));
    }

    @Test
    void malformedArgumentsAndABadToolAreAnsweredWithErrorsTheModelCanFix() throws Exception {
        LlmAgent agent = new LlmAgent(chat);
        server.enqueue(
                FakeProviderServer.openAiReply("", new Call("call_1", "EmailClientApp__get_email_by_id", "{\"email_id\": \"e"),
                        new Call("call_2", "EmailClientApp__no_such_tool", "{}")),
                FakeProviderServer.openAiReply("Nothing to do."));

        agent.onTurn(turns.next());

        assertThat(agentCalls()).containsExactly("no_such_tool");
        List<FakeProviderServer.ToolResultSent> results = server.lastRequest().toolResults();
        assertThat(results).extracting(FakeProviderServer.ToolResultSent::callId).containsExactly("call_1", "call_2");
        assertThat(results.get(0).content()).startsWith("Error: not run: the arguments are not valid JSON")
                .contains("call EmailClientApp__get_email_by_id again with one JSON object");
        assertThat(results.get(1).content()).startsWith("Error: ");
    }

    @Test
    void waitingForANotificationYieldsWithoutMovingTheClock() throws Exception {
        LlmAgent agent = new LlmAgent(chat);
        server.enqueue(FakeProviderServer.openAiReply("", new Call("call_1", "SystemApp__wait_for_notification", "{\"timeout\": 3600}")));
        Instant before = phone.now();

        agent.onTurn(turns.next());

        assertThat(phone.now()).isEqualTo(before);
        assertThat(agentCalls()).isEmpty();
        assertThat(server.requests()).hasSize(1);
        assertThat(agent.conversation().getLast()).isInstanceOfSatisfying(ChatMessage.ToolOutput.class,
                o -> assertThat(o.content()).contains("Turn yielded"));
    }

    @Test
    void whenThePlaysCallsRunOutTheAgentStopsAndAnswersTheCallsItCouldNotRun() throws Exception {
        turns = new PhoneTurns(phone, 1);
        LlmAgent agent = new LlmAgent(chat);
        server.enqueue(FakeProviderServer.openAiReply("", new Call("call_1", "EmailClientApp__list_emails", "{}"),
                new Call("call_2", "ContactsApp__get_contacts", "{}")));

        agent.onTurn(turns.next());

        assertThat(agentCalls()).containsExactly("list_emails");
        assertThat(server.requests()).hasSize(1);
        assertThat(agent.conversation().getLast()).isInstanceOfSatisfying(ChatMessage.ToolOutput.class, o -> {
            assertThat(o.callId()).isEqualTo("call_2");
            assertThat(o.error()).isTrue();
        });
        agent.onTurn(turns.next());
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aModelThatFailsForGoodEndsThePlayWithAnAgentExceptionThatNeverShowsTheKey() throws Exception {
        chat.close();
        chat = chat(new RetryOptions(2, Duration.ofMillis(1), 2.0, Duration.ofMillis(10), 0));
        LlmAgent agent = new LlmAgent(chat);
        String echo = "{\"error\":{\"message\":\"overloaded, key " + KEY + "\"}}";
        server.enqueue(FakeProviderServer.Scripted.json(503, echo), FakeProviderServer.Scripted.json(503, echo),
                FakeProviderServer.Scripted.json(503, echo));

        AgentException e = catchThrowableOfType(AgentException.class, () -> agent.onTurn(turns.next()));

        assertThat(e.getMessage()).startsWith("model openai:gpt-4.1 failed: openai:gpt-4.1: server error (HTTP 503").doesNotContain(KEY);
        assertThat(server.requests()).hasSize(3);
        assertThat(agentCalls()).isEmpty();
    }

    @Test
    void aTransientFailureIsRetriedInsideTheTurn() throws Exception {
        chat.close();
        chat = chat(new RetryOptions(2, Duration.ofMillis(1), 2.0, Duration.ofMillis(10), 0));
        LlmAgent agent = new LlmAgent(chat);
        server.enqueue(FakeProviderServer.Scripted.fromResource(429, "openai/error-429.json"), FakeProviderServer.openAiReply("Nothing needs doing."));

        agent.onTurn(turns.next());

        assertThat(server.requests()).hasSize(2);
        assertThat(agent.modelCalls()).isEqualTo(1);
    }
}
