package dev.scenarist.packs.appworld.internal.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioReader;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Small builders shared by the group-B families (expiring discount, apartment price drop, conversation summary, ride
 * diversion): the scenario document as a Jackson tree, its events and goals, and the choice of a narrative phrasing.
 */
final class FamBKit {
    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode events;
    private final ArrayNode goals;

    FamBKit(Family family, long seed, LocalDateTime start) {
        root.put("id", family.id() + "-" + seed);
        root.put("start_time", Casting.time(start));
        ArrayNode core = root.putArray("core_apps");
        family.coreApps().forEach(core::add);
        root.putObject("apps");
        events = root.putArray("events");
        goals = root.putObject("validation").putArray("goals");
    }

    void describe(String title, String narrative, String personaName, String personaDescription) {
        root.put("title", title);
        root.put("description", narrative);
        ObjectNode p = root.putObject("persona");
        p.put("name", personaName);
        p.put("description", personaDescription);
    }

    ObjectNode app(String name) {
        return ((ObjectNode) root.get("apps")).putObject(name);
    }

    static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private ObjectNode event(String id, String kind, long delay, List<String> dependsOn) {
        ObjectNode e = events.addObject();
        e.put("id", id);
        e.put("kind", kind);
        if (!dependsOn.isEmpty()) e.set("depends_on", strings(dependsOn));
        e.put("delay_seconds", delay);
        return e;
    }

    void env(String id, List<String> dependsOn, long delay, String tool, ObjectNode args, String notification) {
        ObjectNode t = event(id, "env", delay, dependsOn).putObject("trigger");
        t.put("tool", tool);
        t.set("args", args);
        t.put("notification", notification);
    }

    void propose(String id, String after, long delay, String content, String cites) {
        ObjectNode p = event(id, "oracle", delay, List.of(after)).putObject("proposal");
        p.put("content", content);
        p.put("cites", cites);
    }

    void accept(String id, String after, long delay, String content) {
        ObjectNode r = event(id, "oracle", delay, List.of(after)).putObject("user_reply");
        r.put("answer", "accept");
        r.put("content", content);
    }

    void act(String id, String after, long delay, String tool, ObjectNode args) {
        ObjectNode a = event(id, "oracle", delay, List.of(after)).putObject("action");
        a.put("tool", tool);
        a.set("args", args);
    }

    void goal(String id, String rationale, String... predicates) {
        ObjectNode g = goals.addObject();
        g.put("id", id);
        g.set("predicates", strings(List.of(predicates)));
        g.put("rationale", rationale);
    }

    /** The "proposed before acting" goal: an agent proposal, then one of {@code tools} done by the agent after it. */
    void proposedBeforeActing(List<String> tools, String rationale) {
        String in = tools.size() == 1 ? "w.tool == " + q(tools.getFirst()) : "w.tool in [" + String.join(", ", tools.stream().map(FamBKit::q).toList()) + "]";
        goal("proposed_before_acting", rationale,
                "log.exists(p, p.actor == 'agent' && p.tool == 'send_message_to_user' && log.exists(w, w.actor == 'agent' && " + in
                        + " && w.outcome == 'ok' && w.seq > p.seq))");
    }

    Scenario build() {
        return new ScenarioReader().read(root);
    }

    /** A CEL string literal. */
    static String q(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * One phrasing of a narrative part. Each part has a different number of phrasings and the choice cycles with the
     * seed, so two seeds that share one part's phrasing differ in the others (for seeds closer than the counts' lcm).
     */
    static String phrasing(long seed, List<String> options) {
        return options.get((int) Math.floorMod(seed, (long) options.size()));
    }

    /** Replaces each {@code {key}} of the template by its value. */
    static String fill(String template, java.util.Map<String, String> values) {
        String out = template;
        for (var e : values.entrySet()) out = out.replace("{" + e.getKey() + "}", e.getValue());
        if (out.matches("(?s).*\\{[a-z_]+}.*")) throw new IllegalStateException("unfilled placeholder in: " + out);
        return out;
    }

    static String money(double amount) {
        return String.format(java.util.Locale.ROOT, "%.2f", amount);
    }
}
