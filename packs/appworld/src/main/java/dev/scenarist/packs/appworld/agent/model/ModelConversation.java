package dev.scenarist.packs.appworld.agent.model;

import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.ChatMessage;
import dev.scenarist.models.ToolChat;
import dev.scenarist.models.ToolChatReply;
import dev.scenarist.models.ToolChatRequest;
import dev.scenarist.models.ToolChoice;
import dev.scenarist.models.ToolDefinition;
import dev.scenarist.packs.appworld.play.AgentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One side's conversation with its model across the turns of a play (the agent's, or the persona user's): the
 * messages so far, what every call cost, how many calls were made. Not thread-safe, as the players it serves.
 */
final class ModelConversation {
    private final ToolChat chat;
    private final ModelSettings settings;
    private final String who;
    private final List<ChatMessage> messages = new ArrayList<>();
    private Usage usage = Usage.ZERO;
    private int calls;

    /** @param who how a failure names the model's role, e.g. "model" or "user model" */
    ModelConversation(ToolChat chat, ModelSettings settings, String who) {
        this.chat = Objects.requireNonNull(chat, "chat");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.who = who;
    }

    String modelId() {
        return chat.id();
    }

    void add(ChatMessage message) {
        messages.add(message);
    }

    /** Sends the conversation so far; the reply's usage is counted, the reply itself is not added (the caller adds it). */
    ToolChatReply ask(String systemPrompt, List<ToolDefinition> tools, ToolChoice choice) throws InterruptedException, AgentException {
        try {
            ToolChatReply answer = chat.send(new ToolChatRequest(systemPrompt, messages, tools, choice, settings));
            usage = usage.plus(answer.usage());
            calls++;
            return answer;
        } catch (AuthorException e) {
            throw new AgentException(who + " " + chat.id() + " failed: " + e.getMessage(), e);
        }
    }

    Usage usage() {
        return usage;
    }

    int calls() {
        return calls;
    }

    List<ChatMessage> messages() {
        return List.copyOf(messages);
    }
}
