package dev.scenarist.packs.services.internal.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The n8n workflows of a design, shaped as the reference example's: a trigger, a PostgreSQL node and an action in a
 * chain, credentials referred to by name only (n8n resolves them at import).
 */
final class Workflows {
    private Workflows() {}

    /** Workflow file name (without folder) → JSON text, in service.json's order. */
    static Map<String, String> files(ServiceDesign d) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(d.kind().automation().intake().workflow() + ".json", JsonText.pretty(intake(d)));
        out.put(d.kind().automation().followUp().workflow() + ".json", JsonText.pretty(followUp(d)));
        if (d.choices().weeklyReport()) out.put(d.weeklyReportWorkflow() + ".json", JsonText.pretty(weekly(d)));
        return out;
    }

    private static ObjectNode intake(ServiceDesign d) {
        var spec = d.kind().automation().intake();
        ObjectNode wf = workflow(spec.workflow());
        ArrayNode nodes = wf.putArray("nodes");
        ObjectNode hook = node(nodes, spec.trigger(), "n8n-nodes-base.webhook", 1, 240);
        hook.putObject("parameters").put("path", spec.path()).put("httpMethod", "POST");
        List<String> columns = d.tables().main().insertColumns().stream().filter(c -> !c.equals("status")).toList();
        ObjectNode store = node(nodes, spec.store(), "n8n-nodes-base.postgres", 2, 480);
        store.putObject("parameters").put("operation", "insert").put("table", d.tables().main().name()).put("columns", String.join(",", columns));
        postgres(store, d);
        ObjectNode reply = node(nodes, spec.reply(), "n8n-nodes-base.respondToWebhook", 1, 720);
        reply.putObject("parameters").put("respondWith", "json");
        connect(wf, spec.trigger(), spec.store(), spec.reply());
        return wf;
    }

    private static ObjectNode followUp(ServiceDesign d) {
        var spec = d.kind().automation().followUp();
        ObjectNode wf = workflow(spec.workflow());
        ArrayNode nodes = wf.putArray("nodes");
        schedule(node(nodes, spec.trigger(), "n8n-nodes-base.scheduleTrigger", 1, 240), spec.trigger());
        String party = d.tables().party().foreignKey();
        String key = d.kind().tables().party().key();
        var main = d.kind().tables().main();
        String query = "SELECT m.id, p." + key + ", m." + main.timeColumn() + " FROM " + d.tables().main().name() + " m JOIN " + d.tables().party().name()
                + " p ON p.id = m." + party + " WHERE m.status = '" + main.openStatus() + "'";
        ObjectNode select = node(nodes, spec.query(), "n8n-nodes-base.postgres", 2, 480);
        select.putObject("parameters").put("operation", "executeQuery").put("query", query);
        postgres(select, d);
        ObjectNode send = node(nodes, spec.action(), "n8n-nodes-base.emailSend", 2, 720);
        send.putObject("parameters").put("toEmail", d.partyHasEmail() ? "={{ $json.email }}" : d.teamAddress()).put("subject", spec.subject());
        smtp(send, d);
        connect(wf, spec.trigger(), spec.query(), spec.action());
        return wf;
    }

    private static ObjectNode weekly(ServiceDesign d) {
        ObjectNode wf = workflow(d.weeklyReportWorkflow());
        ArrayNode nodes = wf.putArray("nodes");
        String trigger = "Every Monday";
        ObjectNode t = node(nodes, trigger, "n8n-nodes-base.scheduleTrigger", 1, 240);
        t.putObject("parameters").putObject("rule").putArray("interval").addObject().put("field", "weeks").put("weeksInterval", 1);
        ObjectNode count = node(nodes, "Count by status", "n8n-nodes-base.postgres", 2, 480);
        count.putObject("parameters").put("operation", "executeQuery")
                .put("query", "SELECT status, count(*) AS total FROM " + d.tables().main().name() + " GROUP BY status ORDER BY status");
        postgres(count, d);
        ObjectNode mail = node(nodes, "Mail summary", "n8n-nodes-base.emailSend", 2, 720);
        mail.putObject("parameters").put("toEmail", d.teamAddress()).put("subject", "Weekly summary of " + d.texts().get("mains"));
        smtp(mail, d);
        connect(wf, trigger, "Count by status", "Mail summary");
        return wf;
    }

    private static ObjectNode workflow(String name) {
        ObjectNode wf = JsonText.object();
        wf.put("name", name).put("active", false);
        return wf;
    }

    private static ObjectNode node(ArrayNode nodes, String name, String type, int version, int x) {
        ObjectNode n = nodes.addObject().put("name", name).put("type", type).put("typeVersion", version);
        n.putArray("position").add(x).add(300);
        return n;
    }

    /** A schedule trigger whose interval matches its name ("Every hour", "Every morning", ...). */
    private static void schedule(ObjectNode trigger, String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        int hours = lower.contains("two hours") ? 2 : lower.contains("hour") ? 1 : lower.contains("week") && !lower.contains("weekday") ? 168 : 24;
        trigger.putObject("parameters").putObject("rule").putArray("interval").addObject().put("field", "hours").put("hoursInterval", hours);
    }

    private static void postgres(ObjectNode node, ServiceDesign d) {
        node.putObject("credentials").putObject("postgres").put("name", d.postgresCredential());
    }

    private static void smtp(ObjectNode node, ServiceDesign d) {
        node.putObject("credentials").putObject("smtp").put("name", d.smtpCredential());
    }

    private static void connect(ObjectNode wf, String first, String second, String third) {
        ObjectNode c = wf.putObject("connections");
        link(c, first, second);
        link(c, second, third);
        wf.putObject("settings").put("executionOrder", "v1");
    }

    private static void link(ObjectNode connections, String from, String to) {
        connections.putObject(from).putArray("main").addArray().addObject().put("node", to).put("type", "main").put("index", 0);
    }
}
