package dev.scenarist.packs.appworld.phone.apps.aui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.SimClock;
import dev.scenarist.packs.appworld.phone.apps.AppContext;
import dev.scenarist.packs.appworld.phone.apps.EntityTable;
import dev.scenarist.packs.appworld.phone.apps.PhoneApp;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.seed.SeedNode;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import dev.scenarist.packs.appworld.phone.tools.Args;
import dev.scenarist.packs.appworld.phone.tools.Layer;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolSet;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.scenarist.packs.appworld.phone.tools.JsonType.INTEGER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;

/**
 * The channel between assistant and user (ARE's AgentUserInterface with PARE's proposal tools). The assistant's
 * {@code send_message_to_user} is a proposal; the user answers with {@code accept_proposal}, {@code reject_proposal}
 * or a free {@code send_message_to_agent}. Every message is also a notification for the other side, so
 * {@code wait_for_notification} wakes on it.
 */
public final class AgentUserInterface implements PhoneApp {
    public static final String NAME = "AgentUserInterface";
    private final AppContext ctx;
    private final EntityTable<AuiMessage> messages;
    private final EntityTable<Proposal> proposals;

    public AgentUserInterface(AppContext ctx) {
        this.ctx = ctx;
        this.messages = ctx.table(NAME, "message");
        this.proposals = ctx.table(NAME, "proposal");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Screen rootScreen() {
        return Screen.HOME;
    }

    @Override
    public List<Tool> tools() {
        ToolSet t = new ToolSet(NAME);
        t.agent("send_message_to_user", "Send a message to the user. It is your proposal: the user will accept or reject it.")
                .required("content", STRING, "the proposal, in plain words")
                .handle(this::propose);
        t.agent("wait", "Keep observing without acting; optionally let some time pass.")
                .optional("time", INTEGER, "seconds to let pass (default 0)")
                .handle(a -> {
                    int seconds = a.nonNegative("time", 0);
                    if (seconds > 0) ctx.services().sleep(Duration.ofSeconds(seconds), "agent wait");
                    return Map.of("message", "Continuing to observe user activity.", "current_datetime", SimClock.format(ctx.clock().now()));
                });
        t.agent("get_last_message_from_user", "The user's most recent message, or null when there is none.")
                .handle(a -> from("user").reduce((x, y) -> y).orElse(null));
        t.agent("get_last_unread_messages", "The user's messages you have not read yet (marks them read).")
                .handle(a -> from("user").filter(m -> m.timeRead().isEmpty()).map(this::markRead).toList());
        t.agent("get_all_messages", "Every message between you and the user, oldest first.")
                .handle(a -> ordered());
        t.global("accept_proposal", "Accept the assistant's pending proposal.", Layer.USER)
                .optional("content", STRING, "what to tell the assistant")
                .handle(a -> answer(a, "accepted", "accept"));
        t.global("reject_proposal", "Reject the assistant's pending proposal.", Layer.USER)
                .optional("content", STRING, "what to tell the assistant")
                .handle(a -> answer(a, "rejected", "reject"));
        t.global("send_message_to_agent", "Write to the assistant.", Layer.USER)
                .required("content", STRING, "the message")
                .handle(a -> userMessage("message", a.text("content"), a.spec().qualifiedName()));
        t.global("get_last_message_from_agent", "The assistant's most recent message, or null when there is none.", Layer.USER)
                .handle(a -> from("agent").reduce((x, y) -> y).orElse(null));
        return t.build();
    }

    private String propose(Args a) {
        String content = a.text("content");
        pending().ifPresent(p -> proposals.put(p.proposalId(), p.answered("superseded", "", ctx.clock().now())));
        String messageId = add("agent", "proposal", content);
        String proposalId = proposals.newId("proposal");
        proposals.put(proposalId, new Proposal(proposalId, messageId, content, ctx.clock().now(), "pending", Optional.empty(), Optional.empty()));
        ctx.services().post(NAME, a.spec().qualifiedName(), "Assistant: " + content, Set.of(Actor.USER));
        return messageId;
    }

    private String answer(Args a, String status, String kind) {
        Proposal p = pending().orElseThrow(() -> a.fail("there is no pending proposal to answer"
                + (proposals.size() == 0 ? "; the assistant has not proposed anything yet" : "; the last one is already " + latest().orElseThrow().status())));
        String content = a.string("content", "");
        proposals.put(p.proposalId(), p.answered(status, content, ctx.clock().now()));
        return userMessage(kind, content, a.spec().qualifiedName());
    }

    private String userMessage(String kind, String content, String source) {
        String id = add("user", kind, content);
        String text = switch (kind) {
            case "accept" -> "User accepted the proposal" + (content.isEmpty() ? "" : ": " + content);
            case "reject" -> "User rejected the proposal" + (content.isEmpty() ? "" : ": " + content);
            default -> "User: " + content;
        };
        ctx.services().post(NAME, source, text, Set.of(Actor.AGENT));
        return id;
    }

    private String add(String sender, String kind, String content) {
        String id = messages.newId("aui_msg");
        messages.put(id, new AuiMessage(id, sender, kind, content, ctx.clock().now(), Optional.empty()));
        return id;
    }

    private AuiMessage markRead(AuiMessage m) {
        AuiMessage r = m.readAt(ctx.clock().now());
        messages.put(m.messageId(), r);
        return r;
    }

    private List<AuiMessage> ordered() {
        return messages.values().stream().sorted(Comparator.comparing(AuiMessage::timestamp).thenComparing(m -> seqOf(m.messageId()))).toList();
    }

    private java.util.stream.Stream<AuiMessage> from(String sender) {
        return ordered().stream().filter(m -> m.sender().equals(sender));
    }

    private Optional<Proposal> latest() {
        return proposals.values().stream().max(Comparator.comparing(Proposal::proposedAt).thenComparing(p -> seqOf(p.proposalId())));
    }

    private Optional<Proposal> pending() {
        return latest().filter(p -> p.status().equals("pending"));
    }

    private static long seqOf(String id) {
        String digits = id.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits.length() > 18 ? digits.substring(0, 18) : digits);
    }

    @Override
    public void seed(SeedNode node) {
        node.object(Set.of("messages"));
        messages.clear();
        for (SeedNode m : node.list("messages")) {
            m.object(Set.of("message_id", "sender", "content", "timestamp"));
            String sender = m.string("sender");
            if (!sender.equals("agent") && !sender.equals("user")) throw m.at("sender", "\"" + sender + "\" is not a sender; valid: agent, user");
            String id = m.optString("message_id").orElseGet(() -> messages.newId("aui_msg"));
            messages.load(id, new AuiMessage(id, sender, "message", m.string("content"), m.instant("timestamp", ctx.clock().now()), Optional.of(ctx.clock().now())));
        }
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode o = ctx.json().createObjectNode();
        o.set("messages", messages.snapshot());
        o.set("proposals", proposals.snapshot());
        return o;
    }
}
