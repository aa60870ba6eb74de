package dev.scenarist.packs.appworld.phone.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.SimClock;
import dev.scenarist.packs.appworld.phone.notify.Notification;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import java.time.Instant;

/**
 * One line of the action log. {@code seq} orders entries by when they began (a {@code wait_for_notification} call
 * comes before the triggers it lets fire); {@code time} is simulated time.
 */
public sealed interface LogEntry {
    long seq();

    Instant time();

    /** The entry as one JSON object with a fixed key order (so JSON lines are byte-stable). */
    ObjectNode toJson();

    /** A tool call by the agent, the user or the environment, with its outcome. */
    record ToolCall(long seq, Instant time, Actor actor, String app, String tool, JsonNode arguments, ToolResult result) implements LogEntry {
        @Override
        public ObjectNode toJson() {
            ObjectNode o = head(this, "call");
            o.put("actor", actor.wireName());
            o.put("app", app);
            o.put("tool", tool);
            o.set("args", arguments.deepCopy());
            switch (result) {
                case ToolResult.Ok ok -> {
                    o.put("outcome", "ok");
                    o.set("result", ok.value().deepCopy());
                }
                case ToolResult.Error err -> {
                    o.put("outcome", "error");
                    o.put("error", err.message());
                }
            }
            return o;
        }
    }

    /** One entity of one app created, updated or deleted (navigation counts: entity "screen"). */
    record StateChange(long seq, Instant time, String app, String entity, String id, Change change) implements LogEntry {
        @Override
        public ObjectNode toJson() {
            ObjectNode o = head(this, "change");
            o.put("app", app);
            o.put("entity", entity);
            o.put("id", id);
            o.put("change", change.kind());
            switch (change) {
                case Change.Created c -> o.set("after", c.value().deepCopy());
                case Change.Updated u -> {
                    o.set("before", u.before().deepCopy());
                    o.set("after", u.after().deepCopy());
                }
                case Change.Deleted d -> o.set("before", d.before().deepCopy());
            }
            return o;
        }
    }

    /** The simulated clock moved. */
    record ClockAdvanced(long seq, Instant time, Instant to, String reason) implements LogEntry {
        @Override
        public ObjectNode toJson() {
            ObjectNode o = head(this, "clock");
            o.put("to", SimClock.format(to));
            o.put("reason", reason);
            return o;
        }
    }

    /** A notification was posted. */
    record Notified(long seq, Instant time, Notification notification) implements LogEntry {
        @Override
        public ObjectNode toJson() {
            ObjectNode o = head(this, "notification");
            o.put("id", notification.id());
            o.put("app", notification.app());
            o.put("source", notification.source());
            o.put("text", notification.text());
            var audience = o.putArray("audience");
            notification.audience().stream().sorted().forEach(a -> audience.add(a.wireName()));
            return o;
        }
    }

    private static ObjectNode head(LogEntry e, String type) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("seq", e.seq());
        o.put("time", SimClock.format(e.time()));
        o.put("type", type);
        return o;
    }
}
