package dev.scenarist.packs.appworld.phone.apps.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.apps.AppContext;
import dev.scenarist.packs.appworld.phone.apps.EntityTable;
import dev.scenarist.packs.appworld.phone.apps.PhoneApp;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.seed.SeedNode;
import dev.scenarist.packs.appworld.phone.tools.Args;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.scenarist.packs.appworld.phone.tools.JsonType.INTEGER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING_ARRAY;

/** ARE's MessagingApp; the user sees a conversation list and one conversation at a time. */
public final class MessagingApp implements PhoneApp {
    public static final String NAME = "MessagingApp";
    static final String LIST = "conversation_list";
    static final String CONVERSATION = "conversation";

    private final AppContext ctx;
    private final EntityTable<Conversation> conversations;
    private String userName = "Me";

    public MessagingApp(AppContext ctx) {
        this.ctx = ctx;
        this.conversations = ctx.table(NAME, "conversation");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Screen rootScreen() {
        return Screen.of(NAME, LIST);
    }

    /** A page of a conversation's messages. */
    public record MessagesPage(String conversationId, String title, List<String> participants, List<Message> messages, int totalMessages) {}

    @Override
    public List<Tool> tools() {
        ToolSet t = new ToolSet(NAME);
        t.agent("create_conversation", "Start a conversation with people (the user is added). Returns its id.")
                .required("participants", STRING_ARRAY, "names of the other participants")
                .optional("title", STRING, "title (default: the participants' names)")
                .handle(this::create);
        t.agent("list_recent_conversations", "Conversations, most recently updated first, each with its latest messages.")
                .optional("offset", INTEGER, "index of the first conversation (default 0)")
                .optional("limit", INTEGER, "how many conversations (default 5)")
                .optional("offset_recent_messages_per_conversation", INTEGER, "skip this many latest messages per conversation (default 0)")
                .optional("limit_recent_messages_per_conversation", INTEGER, "messages shown per conversation (default 5)")
                .alsoUserOn(LIST)
                .handle(a -> recent(conversations.values(), a));
        t.agent("list_conversations_by_participant", "Conversations that include a participant, most recent first.")
                .required("participant", STRING, "the participant's name")
                .optional("offset", INTEGER, "index of the first conversation (default 0)")
                .optional("limit", INTEGER, "how many conversations (default 5)")
                .optional("offset_recent_messages_per_conversation", INTEGER, "skip this many latest messages per conversation (default 0)")
                .optional("limit_recent_messages_per_conversation", INTEGER, "messages shown per conversation (default 5)")
                .handle(a -> recent(conversations.values().stream().filter(c -> c.participants().contains(a.text("participant"))).toList(), a));
        t.agent("read_conversation", "Read a conversation's messages (the latest ones, oldest first).")
                .required("conversation_id", STRING, "id of the conversation")
                .optional("offset", INTEGER, "skip this many latest messages (default 0)")
                .optional("limit", INTEGER, "how many messages (default 10)")
                .handle(a -> page(conversations.require(a, "conversation_id"), a));
        t.agent("send_message", "Send a message in a conversation. Returns the message's id.")
                .required("conversation_id", STRING, "id of the conversation")
                .required("content", STRING, "the message")
                .handle(a -> post(conversations.require(a, "conversation_id"), userName, a.text("content")));
        t.agent("add_participant_to_conversation", "Add someone to a conversation.")
                .required("conversation_id", STRING, "id of the conversation")
                .required("participant", STRING, "name to add")
                .handle(a -> {
                    Conversation c = conversations.require(a, "conversation_id");
                    String who = a.text("participant");
                    if (c.participants().contains(who)) throw a.fail(who + " is already in conversation '" + c.conversationId() + "'");
                    List<String> people = new ArrayList<>(c.participants());
                    people.add(who);
                    conversations.put(c.conversationId(), c.withParticipants(people));
                    return c.conversationId();
                });
        t.agent("remove_participant_from_conversation", "Remove someone from a conversation.")
                .required("conversation_id", STRING, "id of the conversation")
                .required("participant", STRING, "name to remove")
                .handle(a -> {
                    Conversation c = conversations.require(a, "conversation_id");
                    String who = a.text("participant");
                    if (!c.participants().contains(who)) throw a.unknown("participant in conversation '" + c.conversationId() + "'", "participant", who, c.participants());
                    conversations.put(c.conversationId(), c.withParticipants(c.participants().stream().filter(p -> !p.equals(who)).toList()));
                    return c.conversationId();
                });
        t.agent("search", "Ids of conversations whose title, participants or messages contain the query (case-insensitive).")
                .required("query", STRING, "text to look for")
                .alsoUserOn(LIST)
                .handle(a -> search(a.text("query")));
        t.env("create_and_add_message", "Someone writes in a conversation.", "New message from {sender}: {content}")
                .required("conversation_id", STRING, "id of the conversation")
                .required("sender", STRING, "who writes")
                .required("content", STRING, "the message")
                .handle(a -> post(conversations.require(a, "conversation_id"), a.text("sender"), a.text("content")));
        t.user("open_conversation", "Open a conversation.", LIST)
                .required("conversation_id", STRING, "id of the conversation")
                .handle(a -> {
                    Conversation c = conversations.require(a, "conversation_id");
                    ctx.navigation().push(Screen.of(NAME, CONVERSATION, "conversation_id", c.conversationId()));
                    return page(c, a);
                });
        t.user("view_messages", "Scroll the conversation shown.", CONVERSATION)
                .optional("offset", INTEGER, "skip this many latest messages (default 0)")
                .optional("limit", INTEGER, "how many messages (default 10)")
                .handle(a -> page(shown(a), a));
        t.user("send_reply", "Write in the conversation shown.", CONVERSATION)
                .required("content", STRING, "the message")
                .handle(a -> post(shown(a), userName, a.text("content")));
        return t.build();
    }

    private Conversation shown(Args a) {
        return conversations.require(a, "conversation_id", a.screen().param("conversation_id"));
    }

    private String create(Args a) {
        List<String> others = a.strings("participants");
        if (others.isEmpty()) throw a.fail("argument 'participants' must name at least one person");
        List<String> people = new ArrayList<>(others);
        if (!people.contains(userName)) people.add(0, userName);
        String id = conversations.newId("conversation");
        conversations.put(id, new Conversation(id, a.string("title", String.join(", ", others)), people, List.of(), ctx.clock().now()));
        return id;
    }

    private String post(Conversation c, String sender, String content) {
        String id = ctx.ids().next("message", this::messageIdTaken);
        conversations.put(c.conversationId(), c.with(new Message(id, sender, content, ctx.clock().now())));
        return id;
    }

    private boolean messageIdTaken(String id) {
        return conversations.values().stream().anyMatch(c -> c.messages().stream().anyMatch(m -> m.messageId().equals(id)));
    }

    private MessagesPage page(Conversation c, Args a) {
        int offset = a.spec().param("offset").isPresent() ? a.nonNegative("offset", 0) : 0;
        int limit = a.spec().param("limit").isPresent() ? a.nonNegative("limit", 10) : 10;
        return new MessagesPage(c.conversationId(), c.title(), c.participants(), c.recent(offset, limit), c.messages().size());
    }

    private List<MessagesPage> recent(java.util.Collection<Conversation> all, Args a) {
        int offset = a.nonNegative("offset", 0);
        int limit = a.nonNegative("limit", 5);
        int mOffset = a.nonNegative("offset_recent_messages_per_conversation", 0);
        int mLimit = a.nonNegative("limit_recent_messages_per_conversation", 5);
        return all.stream().sorted(Comparator.comparing(Conversation::lastUpdated).reversed().thenComparing(Conversation::conversationId))
                .skip(offset).limit(limit)
                .map(c -> new MessagesPage(c.conversationId(), c.title(), c.participants(), c.recent(mOffset, mLimit), c.messages().size())).toList();
    }

    private List<String> search(String query) {
        String q = query.toLowerCase(Locale.ROOT);
        return conversations.values().stream().filter(c -> (c.title() + "\n" + String.join("\n", c.participants()) + "\n"
                + String.join("\n", c.messages().stream().map(Message::content).toList())).toLowerCase(Locale.ROOT).contains(q))
                .map(Conversation::conversationId).sorted().toList();
    }

    @Override
    public void seed(SeedNode node) {
        node.object(Set.of("user_name", "conversations"));
        userName = node.string("user_name", userName);
        conversations.clear();
        for (SeedNode c : node.list("conversations")) {
            c.object(Set.of("conversation_id", "title", "participants", "messages"));
            String id = c.optString("conversation_id").orElseGet(() -> conversations.newId("conversation"));
            if (conversations.contains(id)) throw c.at("conversation_id", "duplicate conversation id '" + id + "'");
            List<String> people = c.strings("participants");
            if (people.isEmpty()) throw c.at("participants", "a conversation needs at least one participant");
            List<Message> messages = new ArrayList<>();
            for (SeedNode m : c.list("messages")) {
                m.object(Set.of("message_id", "sender", "content", "timestamp"));
                messages.add(new Message(m.optString("message_id").orElseGet(() -> ctx.ids().next("message", this::messageIdTaken)), m.string("sender"), m.string("content"),
                        m.instant("timestamp", ctx.clock().now())));
            }
            messages.sort(Comparator.comparing(Message::timestamp));
            Instant last = messages.isEmpty() ? ctx.clock().now() : messages.get(messages.size() - 1).timestamp();
            conversations.load(id, new Conversation(id, c.string("title", String.join(", ", people)), people, messages, last));
        }
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode o = ctx.json().createObjectNode();
        o.put("user_name", userName);
        o.set("conversations", conversations.snapshot());
        return o;
    }
}
