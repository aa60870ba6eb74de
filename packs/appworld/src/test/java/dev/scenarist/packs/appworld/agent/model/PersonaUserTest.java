package dev.scenarist.packs.appworld.agent.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.engine.RetryOptions;
import dev.scenarist.core.engine.TimeAndChance;
import dev.scenarist.core.model.Ids;
import dev.scenarist.models.CallServices;
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
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import dev.scenarist.packs.appworld.play.Cast;
import dev.scenarist.packs.appworld.play.Judge;
import dev.scenarist.packs.appworld.play.OracleAgent;
import dev.scenarist.packs.appworld.play.PlayOptions;
import dev.scenarist.packs.appworld.play.PlayResult;
import dev.scenarist.packs.appworld.play.Player;
import dev.scenarist.packs.appworld.play.Transcript;
import dev.scenarist.packs.appworld.play.Verdict;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioFiles;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The persona-driven user answering the oracle agent's proposals through a scripted OpenAI-compatible server. */
class PersonaUserTest {
    static final String KEY = "sk-test-PERSONAUSER0123456789";
    final FakeProviderServer server = FakeProviderServer.start();
    final ToolChat chat = ModelAuthors.toolChat(ModelRef.parse("openai:gpt-4.1-mini"),
            ProviderSettings.defaults(Provider.OPENAI).withBaseUrl(server.uri("/v1")).withApiKey(new Secret(KEY, "$OPENAI_API_KEY")),
            new CallServices(PriceTable.defaults(), ProviderThrottle.perMinute(OptionalLong.empty(), OptionalLong.empty()), new Redactor(),
                    new TimeAndChance(Clock.systemUTC(), d -> { }, new Ids(), () -> new SplittableRandom(1)),
                    new RetryOptions(1, Duration.ofMillis(1), 2.0, Duration.ofMillis(5), 0)));
    final Scenario invitation = ScenarioFiles.read("valid", "invitation-reply");

    @AfterEach
    void stop() {
        chat.close();
        server.close();
    }

    Transcript play(PersonaUser user) throws InterruptedException {
        PlayResult r = new Player(PlayOptions.DEFAULTS).play(invitation, new Cast(OracleAgent::faithful, cues -> user, true));
        assertThat(r).isInstanceOf(PlayResult.Played.class);
        return ((PlayResult.Played) r).transcript();
    }

    static List<String> userCalls(Transcript t) {
        return t.calls().stream().filter(c -> c.actor() == Actor.USER).map(LogEntry.ToolCall::tool).toList();
    }

    @Test
    void thePersonaAcceptsTheProposalAndTheOracleFinishesSoThePlayPasses() throws Exception {
        PersonaUser user = new PersonaUser(chat, invitation.description().persona().orElseThrow());
        server.enqueue(FakeProviderServer.openAiReply("", new Call("u1", PersonaUser.ACCEPT, "{\"content\": \"Yes, lovely!\"}")));

        Transcript t = play(user);

        assertThat(userCalls(t)).containsExactly("accept_proposal");
        assertThat(new Judge(invitation.validation()).judge(t)).isInstanceOf(Verdict.Passed.class);
        assertThat(server.requests()).as("one model call: only the proposal is answered, not the email trigger").hasSize(1);
        FakeProviderServer.Received asked = server.requests().getFirst();
        assertThat(asked.toolNames()).containsExactly(PersonaUser.ACCEPT, PersonaUser.REJECT, PersonaUser.MESSAGE);
        assertThat(asked.json().path("tool_choice").asText()).isEqualTo("required");
        assertThat(asked.json().path("messages").get(0).path("content").asText())
                .startsWith("You are Sam Doe, the owner of a phone. A busy product manager");
        assertThat(asked.json().path("messages").get(1).path("content").asText())
                .contains("Your assistant writes:").contains("Lisa invites you to dinner at Luigi's").doesNotContain("Assistant: ");
        assertThat(asked.body()).doesNotContain(KEY);
        assertThat(user.modelCalls()).isEqualTo(1);
        assertThat(user.name()).isEqualTo("persona:openai:gpt-4.1-mini");
    }

    @Test
    void thePersonaRejectsSoTheOracleDoesNothingAndTheValidationFails() throws Exception {
        PersonaUser user = new PersonaUser(chat, invitation.description().persona().orElseThrow());
        server.enqueue(FakeProviderServer.openAiReply("", new Call("u1", PersonaUser.REJECT, "{\"content\": \"Not this week.\"}")));

        Transcript t = play(user);

        assertThat(userCalls(t)).containsExactly("reject_proposal");
        assertThat(t.snapshot().path("apps").path("AgentUserInterface").path("proposals").toString()).contains("rejected");
        Verdict v = new Judge(invitation.validation()).judge(t);
        assertThat(v).isInstanceOfSatisfying(Verdict.Failed.class, f ->
                assertThat(f.missed()).extracting(Verdict.Missed::goalId).contains("dinner_in_calendar", "lisa_answered"));
    }

    @Test
    void aWrongToolIsAnsweredWithAnErrorAndATextReplyBecomesAMessageToTheAgent() throws Exception {
        PersonaUser user = new PersonaUser(chat, invitation.description().persona().orElseThrow());
        server.enqueue(
                FakeProviderServer.openAiReply("", new Call("u1", "EmailClientApp__send_email", "{}")),
                FakeProviderServer.openAiReply("Which Saturday exactly?"));

        Transcript t = play(user);

        assertThat(userCalls(t)).containsExactly("send_message_to_agent");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.lastRequest().toolResults()).singleElement().satisfies(r -> {
            assertThat(r.content()).startsWith("Error: not run: answer with one of ").contains("answer with one of " + PersonaUser.ACCEPT);
        });
        assertThat(t.snapshot().path("apps").path("AgentUserInterface").path("messages").toString()).contains("Which Saturday exactly?");
    }
}
