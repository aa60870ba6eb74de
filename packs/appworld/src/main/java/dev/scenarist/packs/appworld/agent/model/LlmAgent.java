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
import dev.scenarist.packs.appworld.play.Agent;
import dev.scenarist.packs.appworld.play.AgentException;
import dev.scenarist.packs.appworld.play.AgentTurn;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A proactive assistant played by a model through tool calling. Each turn it tells the model what is new (the
 * notifications and the user's messages, with the simulated time), offers the turn's agent tools, runs every tool
 * call the model makes through {@link AgentTurn#call} and sends the results back, until the model answers without
 * tool calls or yields with a wait tool, the play's call budget ({@link AgentTurn#callsLeft()}) is spent, or the turn's
 * reply cap is reached.
 *
 * <p>The conversation is kept across turns, so the model remembers what it read, proposed and did. The model is told
 * the rules of a proactive assistant ({@link #SYSTEM_PROMPT}): notice, propose with
 * {@code AgentUserInterface__send_message_to_user}, act only after the user accepts, then yield.
 *
 * <ul>
 *   <li>{@code AgentUserInterface__wait} is run (it is logged, and may let time pass) and ends the turn;
 *       {@code SystemApp__wait_for_notification} ends the turn without being run — the player, not the agent,
 *       moves time to the next event — and the model is told so.</li>
 *   <li>Arguments that are not a JSON object are answered with an error naming the problem (the phone is not
 *       called), so the model can send them again.</li>
 *   <li>A model that fails for good (a permanent error, or transient errors past the tool chat's retries) ends the
 *       play with an {@link AgentException}, whose message is the model's redacted error.</li>
 * </ul>
 *
 * <p>Not thread-safe: one instance plays one scenario. Tokens and cost of every model call add up in {@link #usage()}.
 */
public final class LlmAgent implements Agent {
    /** How many model replies one turn may take before the agent yields anyway (a model that never stops calling tools). */
    public static final int DEFAULT_MAX_REPLIES_PER_TURN = 30;
    /** Longest tool result sent to the model; longer ones are cut with a note. */
    static final int MAX_RESULT_CHARS = 16_000;
    static final String PROPOSE = "AgentUserInterface__send_message_to_user";
    static final String WAIT = "AgentUserInterface__wait";
    static final String WAIT_FOR_NOTIFICATION = "SystemApp__wait_for_notification";
    private static final Set<String> YIELDS = Set.of(WAIT, WAIT_FOR_NOTIFICATION);

    public static final String SYSTEM_PROMPT = """
            You are a proactive assistant on the user's phone. You see what happens on the phone (notifications, \
            messages from the user) and you act through tools: the functions of the phone's apps.

            Rules:
            1. Notice. When something new happens, decide whether the user would want help with it. Read what you \
            need first (emails, messages, calendar, contacts, ...) with tools that only read.
            2. Propose. Before you change anything, propose one concrete action with \
            AgentUserInterface__send_message_to_user, in plain words, with the details that matter (who, what, when). \
            Then yield and wait for the user's answer.
            3. Act only after the user accepts. When the user has accepted your proposal, do exactly what you proposed \
            with the tools, then yield. When the user rejects it, do not do it.
            4. Never send, reply, book, buy, edit or delete anything on the user's behalf without an accepted proposal. \
            If nothing needs doing, do nothing and yield.
            5. Yield the turn by calling AgentUserInterface__wait or by answering without a tool call. You get a new \
            turn whenever something new happens.

            A tool that fails says why; correct the call and try again. Times are the phone's simulated time (UTC).""";

    private final int maxRepliesPerTurn;
    private final ModelConversation conversation;

    /** The model behind {@code chat} with its default settings and {@link #DEFAULT_MAX_REPLIES_PER_TURN}. */
    public LlmAgent(ToolChat chat) {
        this(chat, ModelSettings.DEFAULTS, DEFAULT_MAX_REPLIES_PER_TURN);
    }

    /**
     * @param settings          temperature, max output tokens and timeout of each model call
     * @param maxRepliesPerTurn model replies one turn may take (≥ 1) before the agent yields anyway
     */
    public LlmAgent(ToolChat chat, ModelSettings settings, int maxRepliesPerTurn) {
        this.conversation = new ModelConversation(chat, settings, "model");
        if (maxRepliesPerTurn < 1) throw new IllegalArgumentException("max replies per turn must be at least 1, got " + maxRepliesPerTurn);
        this.maxRepliesPerTurn = maxRepliesPerTurn;
    }

    @Override
    public String name() {
        return conversation.modelId();
    }

    @Override
    public void onTurn(AgentTurn turn) throws InterruptedException, AgentException {
        if (turn.callsLeft() <= 0) return;
        conversation.add(new ChatMessage.User(news(turn)));
        List<ToolDefinition> tools = definitions(turn.tools());
        for (int reply = 0; reply < maxRepliesPerTurn; reply++) {
            ToolChatReply answer = conversation.ask(SYSTEM_PROMPT, tools, ToolChoice.AUTO);
            conversation.add(answer.asMessage());
            if (!answer.callsTools()) return;
            boolean yielded = false;
            for (ToolCall call : answer.calls()) {
                conversation.add(run(turn, call));
                yielded |= YIELDS.contains(call.name());
            }
            if (yielded || turn.callsLeft() <= 0) return;
        }
    }

    /** Tokens and cost of every model call so far. */
    public Usage usage() {
        return conversation.usage();
    }

    /** How many model calls this agent made (each with its retries). */
    public int modelCalls() {
        return conversation.calls();
    }

    /** The conversation so far (without the system prompt, {@link #SYSTEM_PROMPT}), oldest first. */
    public List<ChatMessage> conversation() {
        return conversation.messages();
    }


    /** Runs one call the model made (or says why not) and returns its result for the conversation. */
    private static ChatMessage.ToolOutput run(AgentTurn turn, ToolCall call) {
        if (call.name().equals(WAIT_FOR_NOTIFICATION)) {
            return output(call, "{\"message\": \"Turn yielded. You will get a new turn when something new happens.\"}", false);
        }
        if (turn.callsLeft() <= 0) {
            return output(call, "not run: the tool calls allowed in this play are used up", true);
        }
        return switch (call.arguments()) {
            case ToolCall.Arguments.Malformed m -> output(call, "not run: the arguments are " + m.problem() + "; call " + call.name()
                    + " again with one JSON object that matches its parameters", true);
            case ToolCall.Arguments.Valid v -> switch (turn.call(call.name(), Json.mapper().convertValue(v.value(), ARGUMENTS))) {
                case ToolResult.Ok ok -> output(call, ok.value().toString(), false);
                case ToolResult.Error err -> output(call, err.message(), true);
            };
        };
    }

    private static final TypeReference<Map<String, Object>> ARGUMENTS = new TypeReference<>() {};

    private static ChatMessage.ToolOutput output(ToolCall call, String content, boolean error) {
        String text = content.length() > MAX_RESULT_CHARS
                ? content.substring(0, MAX_RESULT_CHARS) + "… (cut: " + (content.length() - MAX_RESULT_CHARS) + " more characters; ask for less)"
                : content;
        return new ChatMessage.ToolOutput(call.id(), call.name(), text, error);
    }

    /** What the model is told at the start of a turn: the time, and what is new, oldest first. */
    static String news(AgentTurn turn) {
        StringBuilder text = new StringBuilder("It is now ").append(SimClock.format(turn.now())).append(".\n");
        List<Notification> news = turn.news();
        if (news.isEmpty()) return text.append("Nothing new has happened since your last turn.").toString();
        text.append("New since your last turn:");
        for (Notification n : news) {
            text.append("\n- [").append(SimClock.format(n.time())).append("] ").append(n.app()).append(": ").append(n.text());
        }
        return text.toString();
    }

    private static List<ToolDefinition> definitions(List<ToolDescription> tools) {
        return tools.stream().map(t -> new ToolDefinition(t.name(), t.description(), t.parameters())).toList();
    }
}
