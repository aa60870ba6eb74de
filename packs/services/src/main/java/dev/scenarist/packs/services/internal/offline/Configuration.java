package dev.scenarist.packs.services.internal.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** app-config.json and resource-urls.json: every URL uses the port service.json declares for its resource. */
final class Configuration {
    private Configuration() {}

    static String appConfig(ServiceDesign d, Set<Defect> defects) {
        ObjectNode root = JsonText.object();
        root.put("service", d.serviceName()).put("port", ServiceJson.servicePort(d, defects));
        ObjectNode features = root.putObject("features");
        features.put("notifications", true).put("weeklySummary", d.choices().weeklyReport()).put("notes", d.tables().notes().isPresent());
        for (Extra e : d.extraList()) features.put(e.feature(), true);
        root.put("openStatus", d.kind().tables().main().openStatus());
        root.put("notifyAddress", d.teamAddress());
        root.put("timezone", d.choices().timezone());
        return JsonText.pretty(root);
    }

    static String resourceUrls(ServiceDesign d) {
        ObjectNode root = JsonText.object();
        root.put("postgres", "postgresql://localhost:" + d.ports().postgres() + "/" + d.naming().database());
        root.put("n8n", "http://localhost:" + d.ports().n8n());
        for (Extra e : d.extraList()) root.put(e.resource(), e.url(d.ports().extras().get(e)));
        return JsonText.pretty(root);
    }
}
