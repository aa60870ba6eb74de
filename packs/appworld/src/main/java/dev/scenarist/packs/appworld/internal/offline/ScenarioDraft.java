package dev.scenarist.packs.appworld.internal.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.internal.offline.Casting.Person;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioReader;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One scenario document under construction, the builder every family writes with: the JSON tree in the scenario
 * format (description, app seeds, events, validation), read back through {@link ScenarioReader} at the end so a family
 * hands out exactly what the format accepts.
 *
 * <p>Events are the env triggers (with their notification) and the oracle's proposal, the user's acceptance and the
 * oracle's actions; each names the events it waits for last ({@code after}). Goals include the standard "proposed
 * before acting" one. The seed helpers add the entities most families seed (inbox emails, calendar events, contacts,
 * conversations and their messages, reminders) in the phone's field names; they return the entity so a family can add
 * the optional fields it needs.
 */
final class ScenarioDraft {
    static final String EMAIL = "EmailClientApp";
    static final String CALENDAR = "CalendarApp";
    static final String CONTACTS = "ContactsApp";
    static final String MESSAGING = "MessagingApp";
    static final String REMINDER = "ReminderApp";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode apps;
    private final ArrayNode events;
    private final ArrayNode goals;

    /** The document of {@code family}'s scenario for {@code seed}: its id, start time and core apps. */
    ScenarioDraft(Family family, long seed, LocalDateTime start) {
        root.put("id", family.id() + "-" + seed);
        root.put("start_time", Casting.time(start));
        root.set("core_apps", strings(family.coreApps()));
        apps = root.putObject("apps");
        events = root.putArray("events");
        goals = root.putObject("validation").putArray("goals");
    }

    /** The description's title, narrative and persona. */
    void describe(String title, String narrative, String personaName, String personaDescription) {
        root.put("title", title);
        root.put("description", narrative);
        ObjectNode persona = root.putObject("persona");
        persona.put("name", personaName);
        persona.put("description", personaDescription);
    }

    // ---- app seeds ----

    /** The seed of one app (created on first use). */
    ObjectNode app(String name) {
        return apps.has(name) ? (ObjectNode) apps.get(name) : apps.putObject(name);
    }

    /** A list inside an app's seed (created on first use). */
    ArrayNode table(String app, String field) {
        ObjectNode a = app(app);
        return a.has(field) ? (ArrayNode) a.get(field) : a.putArray(field);
    }

    static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    // ---- seed entities ----

    /**
     * An email already in the inbox, to the user ({@code user_email} of the email app, which must be set first); the
     * phone reads it as unread unless {@code is_read} is added.
     */
    ObjectNode email(String id, String sender, String subject, String content, LocalDateTime at) {
        ObjectNode e = table(EMAIL, "emails").addObject();
        e.put("email_id", id);
        e.put("sender", sender);
        e.set("recipients", strings(List.of(app(EMAIL).required("user_email").asText())));
        e.put("subject", subject);
        e.put("content", content);
        e.put("timestamp", Casting.time(at));
        return e;
    }

    /** A calendar event; no attendees (an empty list) leaves the field out. */
    ObjectNode calendarEvent(String id, String title, LocalDateTime from, LocalDateTime to, List<String> attendees) {
        ObjectNode e = table(CALENDAR, "events").addObject();
        e.put("event_id", id);
        e.put("title", title);
        e.put("start_datetime", Casting.time(from));
        e.put("end_datetime", Casting.time(to));
        if (!attendees.isEmpty()) e.set("attendees", strings(attendees));
        return e;
    }

    /** A contact card of someone else. */
    ObjectNode contact(String id, Person p) {
        ObjectNode o = table(CONTACTS, "contacts").addObject();
        o.put("contact_id", id);
        o.put("first_name", p.first());
        o.put("last_name", p.last());
        o.put("email", p.email());
        o.put("phone", p.phone());
        return o;
    }

    /** The user's own contact card. */
    ObjectNode userContact(String id, Person user) {
        return contact(id, user).put("is_user", true);
    }

    /** A conversation of the messaging app; a null title leaves the field out. Add messages with {@link #message}. */
    ObjectNode conversation(String id, String title, List<String> participants) {
        ObjectNode o = table(MESSAGING, "conversations").addObject();
        o.put("conversation_id", id);
        if (title != null) o.put("title", title);
        o.set("participants", strings(participants));
        o.putArray("messages");
        return o;
    }

    /** A message already in {@code conversation}. */
    static ObjectNode message(ObjectNode conversation, String sender, String content, LocalDateTime at) {
        ObjectNode m = ((ArrayNode) conversation.get("messages")).addObject();
        m.put("sender", sender);
        m.put("content", content);
        m.put("timestamp", Casting.time(at));
        return m;
    }

    /** A reminder of the reminder app. */
    ObjectNode reminder(String id, String title, LocalDateTime due) {
        ObjectNode r = table(REMINDER, "reminders").addObject();
        r.put("reminder_id", id);
        r.put("title", title);
        r.put("due_datetime", Casting.time(due));
        return r;
    }

    // ---- events ----

    private ObjectNode event(String id, String kind, int delay, String... after) {
        ObjectNode e = events.addObject();
        e.put("id", id);
        e.put("kind", kind);
        if (after.length > 0) e.set("depends_on", strings(List.of(after)));
        e.put("delay_seconds", delay);
        return e;
    }

    /** An env event: the world calls {@code tool} and the user sees {@code notification}. */
    void env(String id, int delay, String tool, ObjectNode args, String notification, String... after) {
        ObjectNode t = event(id, "env", delay, after).putObject("trigger");
        t.put("tool", tool);
        t.set("args", args);
        t.put("notification", notification);
    }

    /** The oracle's proposal to the user, citing the event it reacts to. */
    void proposal(String id, int delay, String content, String cites, String... after) {
        ObjectNode p = event(id, "oracle", delay, after).putObject("proposal");
        p.put("content", content);
        p.put("cites", cites);
    }

    /** The user accepts the proposal. */
    void accept(String id, int delay, String content, String... after) {
        ObjectNode r = event(id, "oracle", delay, after).putObject("user_reply");
        r.put("answer", "accept");
        r.put("content", content);
    }

    /** One of the oracle's actions. */
    void action(String id, int delay, String tool, ObjectNode args, String... after) {
        ObjectNode a = event(id, "oracle", delay, after).putObject("action");
        a.put("tool", tool);
        a.set("args", args);
    }

    // ---- goals ----

    void goal(String id, String rationale, String... predicates) {
        ObjectNode g = goals.addObject();
        g.put("id", id);
        g.set("predicates", strings(List.of(predicates)));
        g.put("rationale", rationale);
    }

    /** The standard last goal: an agent proposal, then one of {@code writeTools} succeeding after it. */
    void proposedBeforeActing(String rationale, String... writeTools) {
        String tools = writeTools.length == 1 ? "w.tool == " + q(writeTools[0]) : "w.tool in " + list(List.of(writeTools));
        goal("proposed_before_acting", rationale, "log.exists(p, p.actor == 'agent' && p.tool == 'send_message_to_user' && log.exists(w, w.actor == 'agent' && "
                + tools + " && w.outcome == 'ok' && w.seq > p.seq))");
    }

    /** Someone must hear back by email: a sent reply to {@code emailId}, or a sent email to {@code address}. */
    void emailAnswered(String id, String rationale, String emailId, String address) {
        String mails = "apps.EmailClientApp.emails";
        goal(id, rationale, mails + ".exists(k, " + mails + "[k].folder == 'SENT' && " + mails + "[k].parent_id == " + q(emailId) + ")",
                mails + ".exists(k, " + mails + "[k].folder == 'SENT' && " + q(address) + " in " + mails + "[k].recipients)");
    }

    /** A CEL string literal (single quotes) of {@code s}. */
    static String q(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** CEL: {@code key} is in the map {@code table} and its {@code field} is the string {@code value}. */
    static String entryHas(String table, String key, String field, String value) {
        return q(key) + " in " + table + " && " + table + "[" + q(key) + "]." + field + " == " + q(value);
    }

    /** A CEL list of string literals. */
    static String list(List<String> values) {
        return "[" + values.stream().map(ScenarioDraft::q).collect(Collectors.joining(", ")) + "]";
    }

    /** The finished scenario, as the scenario reader reads the document. */
    Scenario build() {
        return new ScenarioReader().read(root);
    }
}
