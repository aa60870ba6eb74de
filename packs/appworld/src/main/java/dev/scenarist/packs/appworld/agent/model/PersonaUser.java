package dev.scenarist.packs.appworld.agent.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.ChatMessage;
import dev.scenarist.models.ToolCall;
import dev.scenarist.models.ToolChat;
import dev.scenarist.models.ToolChatReply;
import dev.scenarist.models.ToolChoice;
import dev.scenarist.models.ToolDefinition;
import dev.scenarist.packs.appworld.phone.SimClock;
import dev.scenarist.packs.appworld.phone.notify.Notification;
import dev.scenarist.packs.appworld.phone.tools.ToolDescription;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import dev.scenarist.packs.appworld.play.AgentException;
import dev.scenarist.packs.appworld.play.User;
import dev.scenarist.packs.appworld.play.UserTurn;
import dev.scenarist.packs.appworld.scenario.Persona;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A simulated user played by a model following the scenario's {@link Persona}: when the assistant proposes something
 * ({@code AgentUserInterface__send_message_to_user}), the model is shown the persona and the proposal and answers
 * through one of three user tools — {@code accept_proposal}, {@code reject_proposal} or {@code send_message_to_agent}
 * — by tool calling (a tool call is required). Anything else the user sees (the environment's notifications) gets no
 * model call: the persona user only answers the assistant.
 *
 * <ul>
 *   <li>A reply in text without a tool call is sent to the assistant as a message ({@code send_message_to_agent}).</li>
 *   <li>A call of another tool, malformed arguments or a call the phone refuses (no pending proposal) is answered
 *       with an error naming the fix, and the model is asked again, up to {@link #MAX_REPLIES_PER_TURN} replies.</li>
 *   <li>A model that fails for good ends the play with an {@link AgentException} (the play is not judged).</li>
 * </ul>
 *
 * <p>The conversation is kept across turns, so the user remembers earlier proposals. Not thread-safe: one instance
 * plays one scenario.
 */
public final class PersonaUser implements User {
    public static final String ACCEPT = "AgentUserInterface__accept_proposal";
    public static final String REJECT = "AgentUserInterface__reject_proposal";
    public static final String MESSAGE = "AgentUserInterface__send_message_to_agent";
    /** The tool whose notifications are the assistant's proposals. */
    static final String PROPOSAL = "AgentUserInterface__send_message_to_user";
    static final List<String> ANSWERS = List.of(ACCEPT, REJECT, MESSAGE);
    /** Model replies one turn may take before the user gives up answering (a model that keeps calling badly). */
    public static final int MAX_REPLIES_PER_TURN = 3;
    private static final TypeReference<Map<String, Object>> ARGUMENTS = new TypeReference<>() {};

    private final Persona persona;
    private final ModelConversation conversation;

    public PersonaUser(ToolChat chat, Persona persona) {
        this(chat, persona, ModelSettings.DEFAULTS);
    }

    public PersonaUser(ToolChat chat, Persona persona, ModelSettings settings) {
        this.persona = Objects.requireNonNull(persona, "persona");
        this.conversation = new ModelConversation(chat, settings, "user model");
    }

    @Override
    public String name() {
        return "persona:" + conversation.modelId();
    }

    /** The instructions: who the user is and how to answer. */
    public String systemPrompt() {
        return "You are " + persona.name() + ", the owner of a phone. " + persona.description() + "\n\n"
                + "A proactive assistant on your phone sometimes proposes to do something for you. Answer each proposal as "
                + persona.name() + " would, with exactly one tool call:\n"
                + "- " + ACCEPT + " when you want it done as proposed;\n"
                + "- " + REJECT + " when you do not want it done;\n"
                + "- " + MESSAGE + " to ask a question or ask for something different.\n"
                + "Keep what you write short and in character. Times are the phone's simulated time (UTC).";
    }

    @Override
    public void onTurn(UserTurn turn) throws InterruptedException, AgentException {
        List<Notification> proposals = turn.news().stream().filter(n -> n.source().equals(PROPOSAL)).toList();
        if (proposals.isEmpty()) return;
        conversation.add(new ChatMessage.User(news(turn, proposals)));
        List<ToolDefinition> tools = definitions(turn.tools());
        if (tools.isEmpty()) return;
        for (int reply = 0; reply < MAX_REPLIES_PER_TURN; reply++) {
            ToolChatReply answer = conversation.ask(systemPrompt(), tools, ToolChoice.REQUIRED);
            conversation.add(answer.asMessage());
            if (!answer.callsTools()) {
                if (!answer.text().isBlank()) turn.call(MESSAGE, Map.of("content", answer.text().strip()));
                return;
            }
            boolean answered = false;
            for (ToolCall call : answer.calls()) {
                ChatMessage.ToolOutput out = answered
                        ? new ChatMessage.ToolOutput(call.id(), call.name(), "not run: you already answered this turn", true)
                        : run(turn, call);
                conversation.add(out);
                answered |= !out.error();
            }
            if (answered) return;
        }
    }

    /** Tokens and cost of every model call so far. */
    public Usage usage() {
        return conversation.usage();
    }

    /** How many model calls this user made (each with its retries). */
    public int modelCalls() {
        return conversation.calls();
    }

    /** The conversation so far (without the system prompt), oldest first. */
    public List<ChatMessage> conversation() {
        return conversation.messages();
    }


    private static ChatMessage.ToolOutput run(UserTurn turn, ToolCall call) {
        if (!ANSWERS.contains(call.name())) {
            return new ChatMessage.ToolOutput(call.id(), call.name(), "not run: answer with one of " + String.join(", ", ANSWERS), true);
        }
        return switch (call.arguments()) {
            case ToolCall.Arguments.Malformed m -> new ChatMessage.ToolOutput(call.id(), call.name(), "not run: the arguments are "
                    + m.problem() + "; call " + call.name() + " again with one JSON object such as {\"content\": \"...\"}", true);
            case ToolCall.Arguments.Valid v -> {
                Map<String, Object> args = new LinkedHashMap<>(Json.mapper().convertValue(v.value(), ARGUMENTS));
                yield switch (turn.call(call.name(), args)) {
                    case ToolResult.Ok ok -> new ChatMessage.ToolOutput(call.id(), call.name(), ok.value().toString(), false);
                    case ToolResult.Error err -> new ChatMessage.ToolOutput(call.id(), call.name(), err.message(), true);
                };
            }
        };
    }

    /** What the user is told: the time and the assistant's messages, oldest first. */
    static String news(UserTurn turn, List<Notification> proposals) {
        StringBuilder text = new StringBuilder("It is now ").append(SimClock.format(turn.now())).append(".\nYour assistant writes:");
        for (Notification n : proposals) {
            String content = n.text().startsWith("Assistant: ") ? n.text().substring("Assistant: ".length()) : n.text();
            text.append("\n- [").append(SimClock.format(n.time())).append("] ").append(content);
        }
        return text.append("\nAnswer with one tool call.").toString();
    }

    /** The three answers among the turn's user tools, in a fixed order. */
    private static List<ToolDefinition> definitions(List<ToolDescription> offered) {
        List<ToolDefinition> out = new ArrayList<>();
        for (String name : ANSWERS) {
            offered.stream().filter(t -> t.name().equals(name)).findFirst()
                    .ifPresent(t -> out.add(new ToolDefinition(t.name(), t.description(), t.parameters())));
        }
        return out;
    }
}
