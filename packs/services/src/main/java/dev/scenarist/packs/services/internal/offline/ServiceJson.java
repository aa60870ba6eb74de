package dev.scenarist.packs.services.internal.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.services.format.ScenarioFiles;
import java.util.List;
import java.util.Set;

/** service.json of a design, field for field as the reference example's; it carries the two static defects. */
final class ServiceJson {
    private ServiceJson() {}

    /** The SQL file a {@link Defect#MISSING_PHASE_FILE} phase names and no stage writes. */
    static final String MISSING_SQL = "initialization/storage/reference-data.sql";

    static String text(ServiceDesign d, Set<Defect> defects) {
        ObjectNode root = JsonText.object();
        ObjectNode service = root.putObject("service");
        service.put("name", d.serviceName()).put("displayName", d.displayName()).put("description", d.naming().request()).put("version", "1.0.0")
                .put("type", "application").put("category", d.kind().category());
        ArrayNode tags = service.putArray("tags");
        d.kind().listing().tags().forEach(tags::add);
        service.put("port", servicePort(d, defects));
        resources(root.putObject("resources"), d);
        phases(root.putObject("deployment").putArray("phases"), d, defects);
        ObjectNode monitoring = root.putObject("monitoring");
        ArrayNode checks = monitoring.putArray("healthchecks");
        checks.addObject().put("resource", "postgres").put("interval", 30);
        checks.addObject().put("resource", "n8n").put("path", "/healthz").put("interval", 30);
        for (Extra e : d.extraList()) {
            ObjectNode c = checks.addObject().put("resource", e.resource());
            e.healthPath().ifPresent(p -> c.put("path", p));
            c.put("interval", 60);
        }
        String main = d.tables().main().name();
        monitoring.putArray("metrics").add(main + "_created_total").add("notifications_sent_total").add(main + "_open");
        root.putObject("cleanup").put("onFailure", "rollback").put("dropDatabase", true).put("removeWorkflows", true);
        root.putObject("testing").put("script", ScenarioFiles.TEST_SCRIPT).put("scenarioTest", ScenarioFiles.SCENARIO_TEST).put("timeout", 300);
        return JsonText.pretty(root);
    }

    /** The service's port as written everywhere (service.json, app-config.json, startup.sh). */
    static int servicePort(ServiceDesign d, Set<Defect> defects) {
        return defects.contains(Defect.PORT_CLASH) ? d.ports().n8n() : d.ports().service();
    }

    static List<String> workflowFiles(ServiceDesign d) {
        return d.workflows().stream().map(w -> ScenarioFiles.N8N_DIR + w + ".json").toList();
    }

    private static void resources(ObjectNode resources, ServiceDesign d) {
        ObjectNode postgres = resources.putObject("storage").putObject("postgres");
        postgres.put("enabled", true).put("required", true).put("port", d.ports().postgres());
        ObjectNode init = postgres.putObject("initialization").put("database", d.naming().database());
        init.putArray("sql").add(ScenarioFiles.SCHEMA_SQL).add(ScenarioFiles.SEED_SQL);
        ObjectNode n8n = resources.putObject("automation").putObject("n8n");
        n8n.put("enabled", true).put("required", true).put("port", d.ports().n8n());
        ArrayNode workflows = n8n.putObject("initialization").putArray("workflows");
        workflowFiles(d).forEach(workflows::add);
        for (Extra e : d.extraList()) {
            ObjectNode category = resources.has(e.category()) ? (ObjectNode) resources.get(e.category()) : resources.putObject(e.category());
            ObjectNode r = category.putObject(e.resource());
            r.put("enabled", true).put("required", false).put("port", d.ports().extras().get(e));
            ArrayNode values = r.putObject("initialization").putArray(e.initialization());
            e.initializationValues(d.serviceName()).forEach(values::add);
        }
    }

    private static void phases(ArrayNode phases, ServiceDesign d, Set<Defect> defects) {
        ArrayNode storage = phase(phases, "storage");
        task(storage, "create-schema", "sql").put("resource", "postgres").put("file", ScenarioFiles.SCHEMA_SQL).put("timeout", 60).put("retries", 0);
        task(storage, "load-seed-data", "sql").put("resource", "postgres").put("file", ScenarioFiles.SEED_SQL).put("timeout", 60).put("retries", 0);
        if (defects.contains(Defect.MISSING_PHASE_FILE)) {
            task(storage, "load-reference-data", "sql").put("resource", "postgres").put("file", MISSING_SQL).put("timeout", 60).put("retries", 0);
        }
        ObjectNode inject = task(phase(phases, "automation"), "import-workflows", "resource-inject").put("resource", "n8n");
        ArrayNode files = inject.putArray("files");
        workflowFiles(d).forEach(files::add);
        inject.put("timeout", 60).put("retries", 2);
        ArrayNode config = phase(phases, "configuration");
        task(config, "app-config", "config").put("file", ScenarioFiles.APP_CONFIG).put("target", "app").put("timeout", 10).put("retries", 0);
        task(config, "resource-urls", "config").put("file", ScenarioFiles.RESOURCE_URLS).put("target", "app").put("timeout", 10).put("retries", 0);
        task(phase(phases, "startup"), "start-service", "script").put("file", ScenarioFiles.STARTUP).put("timeout", 120).put("retries", 1);
        ArrayNode verify = phase(phases, "verify");
        task(verify, "postgres-ready", "healthcheck").put("resource", "postgres").put("timeout", 30).put("retries", 3);
        task(verify, "n8n-ready", "healthcheck").put("resource", "n8n").put("path", "/healthz").put("timeout", 30).put("retries", 3);
        for (Extra e : d.extraList()) {
            ObjectNode t = task(verify, e.resource() + "-ready", "healthcheck").put("resource", e.resource());
            e.healthPath().ifPresent(p -> t.put("path", p));
            t.put("timeout", 30).put("retries", 3);
        }
    }

    private static ArrayNode phase(ArrayNode phases, String name) {
        return phases.addObject().put("name", name).putArray("tasks");
    }

    private static ObjectNode task(ArrayNode tasks, String name, String type) {
        return tasks.addObject().put("name", name).put("type", type);
    }
}
