package dev.scenarist.packs.appworld.phone.apps.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** ARE's Conversation: participants by name, messages oldest first. */
public record Conversation(String conversationId, String title, List<String> participants, List<Message> messages, Instant lastUpdated) {
    public Conversation {
        participants = List.copyOf(participants);
        messages = List.copyOf(messages);
    }

    Conversation with(Message m) {
        List<Message> more = new ArrayList<>(messages);
        more.add(m);
        return new Conversation(conversationId, title, participants, more, m.timestamp());
    }

    Conversation withParticipants(List<String> people) {
        return new Conversation(conversationId, title, people, messages, lastUpdated);
    }

    /** The last {@code limit} messages after skipping the {@code offset} most recent ones, oldest first. */
    List<Message> recent(int offset, int limit) {
        int end = Math.max(0, messages.size() - offset);
        int start = Math.max(0, end - limit);
        return messages.subList(start, end);
    }
}
