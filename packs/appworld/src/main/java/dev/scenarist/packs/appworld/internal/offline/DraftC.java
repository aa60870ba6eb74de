package dev.scenarist.packs.appworld.internal.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioReader;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JSON tree of one scenario being built by a group-C family (duplicate orders, missing contacts, lease renewal,
 * moved meetings), read through {@link ScenarioReader} at the end so the family returns exactly what a reader gives.
 */
final class DraftC {
    static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode apps;
    private final ArrayNode events;
    private final ArrayNode goals;

    DraftC(String id, String title, String narrative, LocalDateTime start, String personaName, String personaDescription, List<String> coreApps) {
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

    ObjectNode app(String name) {
        return apps.has(name) ? (ObjectNode) apps.get(name) : apps.putObject(name);
    }

    static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    static ArrayNode arr(List<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private ObjectNode event(String id, String kind, List<String> dependsOn, int delay) {
        ObjectNode e = events.addObject();
        e.put("id", id);
        e.put("kind", kind);
        if (!dependsOn.isEmpty()) e.set("depends_on", arr(dependsOn));
        e.put("delay_seconds", delay);
        return e;
    }

    void env(String id, List<String> dependsOn, int delay, String tool, ObjectNode args, String notification) {
        ObjectNode t = event(id, "env", dependsOn, delay).putObject("trigger");
        t.put("tool", tool);
        t.set("args", args);
        t.put("notification", notification);
    }

    void proposal(String id, String after, int delay, String content, String cites) {
        ObjectNode p = event(id, "oracle", List.of(after), delay).putObject("proposal");
        p.put("content", content);
        p.put("cites", cites);
    }

    void accept(String id, String after, int delay, String content) {
        ObjectNode r = event(id, "oracle", List.of(after), delay).putObject("user_reply");
        r.put("answer", "accept");
        r.put("content", content);
    }

    void action(String id, String after, int delay, String tool, ObjectNode args) {
        ObjectNode a = event(id, "oracle", List.of(after), delay).putObject("action");
        a.put("tool", tool);
        a.set("args", args);
    }

    void goal(String id, String rationale, String... predicates) {
        ObjectNode g = goals.addObject();
        g.put("id", id);
        g.set("predicates", arr(List.of(predicates)));
        g.put("rationale", rationale);
    }

    /** The usual last goal: the agent proposed before the first of these writes succeeded. */
    void proposedBeforeActing(String rationale, String... writeTools) {
        String tools = writeTools.length == 1 ? "w.tool == " + q(writeTools[0])
                : "w.tool in [" + List.of(writeTools).stream().map(DraftC::q).collect(Collectors.joining(", ")) + "]";
        goal("proposed_before_acting", rationale, "log.exists(p, p.actor == 'agent' && p.tool == 'send_message_to_user' && log.exists(w, w.actor == 'agent' && "
                + tools + " && w.outcome == 'ok' && w.seq > p.seq))");
    }

    /** A CEL string literal (the values used here never hold a quote or backslash, but be safe). */
    static String q(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String list(List<String> values) {
        return "[" + values.stream().map(DraftC::q).collect(Collectors.joining(", ")) + "]";
    }

    static String hm(LocalDateTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }


    /**
     * Which of five wordings each of four narrative parts takes for a seed: (x, y, x+y, x+2y) mod 5 with x, y the seed's
     * two lowest base-5 digits, so any two of 25 consecutive seeds differ in at least three of the four parts.
     */
    static int[] wording(long seed) {
        int x = (int) Math.floorMod(seed, 5L);
        int y = (int) Math.floorMod(Math.floorDiv(seed, 5L), 5L);
        return new int[] {x, y, (x + y) % 5, (x + 2 * y) % 5};
    }

    /** In words without the time, e.g. "Thursday 14 March". */
    static String day(LocalDateTime t) {
        String s = Casting.spoken(t);
        return s.substring(0, s.lastIndexOf(" at "));
    }

    /** The number of words, for keeping narratives 40-90 words. */
    static int words(String text) {
        return text.trim().split("\\s+").length;
    }

    Scenario scenario() {
        return new ScenarioReader().read(root);
    }
}
