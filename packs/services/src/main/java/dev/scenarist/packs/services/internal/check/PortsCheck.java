package dev.scenarist.packs.services.internal.check;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.services.catalog.ResourceCatalog;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.format.ServiceDefinition;
import dev.scenarist.packs.services.internal.source.LocatedDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ports agree across the scenario. Each enabled resource listens on its service.json port, else the catalog's; those
 * and the service's own port must all differ ({@code PORT_CLASH}: the deployment would fail to bind). Every
 * {@code localhost:<port>} in the configuration files and scripts must be one of them, and resource-urls.json must give
 * each resource the URL of its own port.
 */
final class PortsCheck implements Check {
    private static final Pattern LOCAL_PORT = Pattern.compile("\\b(?:localhost|127\\.0\\.0\\.1):(\\d{1,5})\\b");
    /** scheme://[user@]host[:port]... */
    private static final Pattern URL_PORT = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/]*@)?(?:\\[[^\\]]*\\]|[^:/?#]*)(?::(\\d+))?");

    /** Who listens on a port, and where service.json says so. */
    private record Owner(String who, String resource, int port, String pointer) {}

    private final ResourceCatalog catalog;

    PortsCheck(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "ports";
    }

    @Override
    public int tier() {
        return TIER_PARSE;
    }

    @Override
    public CheckResult run(CheckContext context) {
        ScenarioView view = new ScenarioView(context.workspace());
        List<Finding> findings = new ArrayList<>();
        view.service().ifPresent(service -> view.json(ScenarioFiles.SERVICE).ifPresent(doc -> {
            List<Owner> owners = owners(service);
            Map<Integer, Owner> byPort = clashes(owners, doc, findings);
            localPorts(view, byPort, findings);
            resourceUrls(view, owners, findings);
        }));
        return CheckResult.of(findings);
    }

    private List<Owner> owners(ServiceDefinition service) {
        List<Owner> out = new ArrayList<>();
        service.port().ifPresent(p -> out.add(new Owner("the service '" + service.name() + "' (service.port)", "", p, "/service/port")));
        for (var r : service.resources()) {
            if (!r.enabled()) continue;
            String at = "/resources/" + LocatedDocument.token(r.category()) + "/" + LocatedDocument.token(r.name());
            OptionalInt port = r.port().isPresent() ? r.port() : catalog.port(r.name());
            if (port.isEmpty()) continue;
            String source = r.port().isPresent() ? "" : " (the catalog's default)";
            out.add(new Owner("resource '" + r.name() + "'" + source, r.name(), port.getAsInt(), r.port().isPresent() ? at + "/port" : at));
        }
        return out;
    }

    private static Map<Integer, Owner> clashes(List<Owner> owners, LocatedDocument doc, List<Finding> findings) {
        Map<Integer, Owner> byPort = new HashMap<>();
        for (Owner o : owners) {
            Owner first = byPort.putIfAbsent(o.port(), o);
            if (first == null) continue;
            findings.add(Finding.error(ErrorClass.CONFIGURATION.code("PORT_CLASH"),
                    o.who() + " uses port " + o.port() + ", already used by " + first.who() + " at " + first.pointer()
                            + Where.onLine(doc.lineOf(o.pointer())), Where.pointer(ScenarioFiles.SERVICE, o.pointer()),
                    "give " + o.who().replace(" (the catalog's default)", "") + " a port no other resource or the service uses"
                            + (o.resource().isEmpty() ? "" : " (\"port\": N in its service.json entry)")));
        }
        return byPort;
    }

    /** localhost ports in app-config.json and other configuration files, and in every script. */
    private static void localPorts(ScenarioView view, Map<Integer, Owner> byPort, List<Finding> findings) {
        List<String> files = new ArrayList<>(view.filesUnder(ScenarioFiles.CONFIG_DIR, ".json"));
        files.remove(ScenarioFiles.RESOURCE_URLS); // checked per resource below, more precisely
        files.addAll(view.filesEndingWith(".sh"));
        String declared = String.join(", ", byPort.keySet().stream().sorted().map(String::valueOf).toList());
        for (String file : files) {
            List<String> lines = view.workspace().read(file).orElse("").lines().toList();
            for (int n = 0; n < lines.size(); n++) {
                Matcher m = LOCAL_PORT.matcher(lines.get(n));
                while (m.find()) {
                    int port = Integer.parseInt(m.group(1));
                    if (byPort.containsKey(port)) continue;
                    findings.add(Finding.error(ErrorClass.CONFIGURATION.code("UNDECLARED_PORT"),
                            m.group() + " is no port of the service or of its enabled resources (" + declared + ")",
                            Where.line(file, n + 1), "use the port service.json declares for the resource meant, or declare it there"));
                }
            }
        }
    }

    private static void resourceUrls(ScenarioView view, List<Owner> owners, List<Finding> findings) {
        view.json(ScenarioFiles.RESOURCE_URLS).ifPresent(doc -> {
            Map<String, Owner> byResource = new HashMap<>();
            owners.stream().filter(o -> !o.resource().isEmpty()).forEach(o -> byResource.put(o.resource(), o));
            for (var entry : doc.tree().properties()) {
                if (!entry.getValue().isTextual()) continue; // the schema reports it
                String at = "/" + LocatedDocument.token(entry.getKey());
                String url = entry.getValue().asText();
                Owner owner = byResource.get(entry.getKey());
                if (owner == null) {
                    findings.add(Finding.error(ErrorClass.CONFIGURATION.code("RESOURCE_URL_UNDECLARED"),
                            "resource-urls.json gives a URL for '" + entry.getKey() + "', which is no enabled resource of service.json"
                                    + Where.onLine(doc.lineOf(at)), Where.pointer(ScenarioFiles.RESOURCE_URLS, at),
                            "remove the entry, or declare and enable '" + entry.getKey() + "' in service.json"));
                    continue;
                }
                Matcher m = URL_PORT.matcher(url);
                String port = m.find() ? m.group(1) : null;
                if (port != null && Integer.parseInt(port) == owner.port()) continue;
                findings.add(Finding.error(ErrorClass.CONFIGURATION.code("RESOURCE_URL_PORT"),
                        "the URL of '" + entry.getKey() + "' (" + url + ") " + (port == null ? "names no port" : "uses port " + port)
                                + ", but " + owner.who() + " listens on " + owner.port() + Where.onLine(doc.lineOf(at)),
                        Where.pointer(ScenarioFiles.RESOURCE_URLS, at), "write the URL with port " + owner.port()
                                + " (or change the resource's port in service.json so both agree)"));
            }
        });
    }
}
