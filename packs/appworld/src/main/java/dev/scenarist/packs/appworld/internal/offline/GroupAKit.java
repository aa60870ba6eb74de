package dev.scenarist.packs.appworld.internal.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioReader;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A scenario document under construction, for the group-A families (reply to an invitation, a contact's new number,
 * a calendar conflict, a cancelled event's reminders): the JSON tree in the scenario format, read back through
 * {@link ScenarioReader} at the end so the family hands out exactly what the format accepts.
 */
final class GroupAKit {
    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode apps;
    private final ArrayNode events;
    private final ArrayNode goals;

    GroupAKit(String id, String title, String narrative, LocalDateTime start, String personaName, String personaDescription, List<String> coreApps) {
        root.put("id", id);
        root.put("title", title);
        root.put("description", narrative);
        root.put("start_time", Casting.time(start));
        ObjectNode persona = root.putObject("persona");
        persona.put("name", personaName);
        persona.put("description", personaDescription);
        ArrayNode core = root.putArray("core_apps");
        coreApps.forEach(core::add);
        apps = root.putObject("apps");
        events = root.putArray("events");
        goals = root.putObject("validation").putArray("goals");
    }


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

    static ArrayNode arr(String... values) {
        ArrayNode a = JSON.createArrayNode();
        for (String v : values) a.add(v);
        return a;
    }

    private ObjectNode event(String id, String kind, int delay, String... dependsOn) {
        ObjectNode e = events.addObject();
        e.put("id", id);
        e.put("kind", kind);
        if (dependsOn.length > 0) e.set("depends_on", arr(dependsOn));
        e.put("delay_seconds", delay);
        return e;
    }

    void env(String id, int delay, String tool, ObjectNode args, String notification, String... dependsOn) {
        ObjectNode t = event(id, "env", delay, dependsOn).putObject("trigger");
        t.put("tool", tool);
        t.set("args", args);
        t.put("notification", notification);
    }

    void proposal(String id, int delay, String content, String cites, String... dependsOn) {
        ObjectNode p = event(id, "oracle", delay, dependsOn).putObject("proposal");
        p.put("content", content);
        p.put("cites", cites);
    }

    void accept(String id, int delay, String content, String... dependsOn) {
        ObjectNode r = event(id, "oracle", delay, dependsOn).putObject("user_reply");
        r.put("answer", "accept");
        r.put("content", content);
    }

    void action(String id, int delay, String tool, ObjectNode args, String... dependsOn) {
        ObjectNode a = event(id, "oracle", delay, dependsOn).putObject("action");
        a.put("tool", tool);
        a.set("args", args);
    }

    void goal(String id, String rationale, String... predicates) {
        ObjectNode g = goals.addObject();
        g.put("id", id);
        g.set("predicates", arr(predicates));
        g.put("rationale", rationale);
    }

    /** The "proposed before acting" goal: an agent proposal, then one of {@code writes} succeeding after it. */
    void proposedBeforeActing(String rationale, String... writes) {
        StringBuilder tools = new StringBuilder();
        for (String w : writes) tools.append(tools.isEmpty() ? "" : ", ").append("'").append(w).append("'");
        goal("proposed_before_acting", rationale,
                "log.exists(p, p.actor == 'agent' && p.tool == 'send_message_to_user' && log.exists(w, w.actor == 'agent' && w.tool in ["
                        + tools + "] && w.outcome == 'ok' && w.seq > p.seq))");
    }

    Scenario build() {
        return new ScenarioReader().read(root);
    }

    // ---- wording helpers ----

    /** Fills {@code {0}}, {@code {1}}, ... in a template. */
    static String fill(String template, Object... values) {
        String out = template;
        for (int i = values.length - 1; i >= 0; i--) out = out.replace("{" + i + "}", String.valueOf(values[i]));
        return out;
    }

    /** "a" or "an" before {@code noun}, e.g. "an architect". */
    static String a(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    /** {@code HH:mm}. */
    static String hm(LocalDateTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    /** e.g. "Thursday 14 March". */
    static String day(LocalDateTime t) {
        String s = Casting.spoken(t);
        return s.substring(0, s.lastIndexOf(" at "));
    }

    /** e.g. "Thursday". */
    static String weekday(LocalDateTime t) {
        return t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
    }

    /** {@code yyyy-MM-dd}. */
    static String date(LocalDateTime t) {
        return t.toLocalDate().toString();
    }

    /** A CEL string literal (single quotes) of {@code s}. */
    static String q(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
