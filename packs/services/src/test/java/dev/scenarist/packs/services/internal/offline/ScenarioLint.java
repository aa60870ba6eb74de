package dev.scenarist.packs.services.internal.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.format.ServiceDefinition;
import dev.scenarist.packs.services.format.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test's own reading of the spec's static rules over a scenario's files (the pack's real static checks are written
 * elsewhere; this keeps the offline author honest on its own): JSON and YAML parse, every file a task or the scenario
 * test names exists, resources match the catalog, ports are distinct and used consistently, names agree, n8n
 * connections and credentials are well-formed. Returns one line per problem.
 */
final class ScenarioLint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern LOCAL_PORT = Pattern.compile("(?:localhost|127\\.0\\.0\\.1):(\\d+)");
    private static final JsonNode CATALOG = catalog();

    private ScenarioLint() {}

    static List<String> problems(Map<String, String> files) {
        List<String> out = new ArrayList<>();
        Map<String, JsonNode> json = new HashMap<>();
        files.forEach((path, text) -> {
            if (!path.endsWith(".json")) return;
            try {
                json.put(path, JSON.readTree(text));
            } catch (IOException e) {
                out.add(path + ": not JSON: " + e.getMessage());
            }
        });
        JsonNode test;
        try {
            test = YAML.readTree(files.getOrDefault(ScenarioFiles.SCENARIO_TEST, ""));
        } catch (IOException e) {
            out.add("scenario-test.yaml: not YAML: " + e.getMessage());
            return out;
        }
        for (String f : ScenarioFiles.REQUIRED) if (!files.containsKey(f)) out.add("missing required file " + f);
        for (String dir : ScenarioFiles.REQUIRED_FOLDERS) if (files.keySet().stream().noneMatch(p -> p.startsWith(dir))) out.add("empty folder " + dir);
        test.path("structure").path("required_files").forEach(f -> {
            if (!files.containsKey(f.asText())) out.add("scenario-test.yaml requires missing file " + f.asText());
        });
        test.path("structure").path("required_dirs").forEach(d -> {
            if (files.keySet().stream().noneMatch(p -> p.startsWith(d.asText() + "/"))) out.add("scenario-test.yaml requires empty dir " + d.asText());
        });
        ServiceDefinition def;
        try {
            def = ServiceDefinition.read(files.get(ScenarioFiles.SERVICE));
        } catch (ServiceDefinition.MalformedException e) {
            out.add("service.json: " + e.getMessage());
            return out;
        }
        Set<String> declared = new HashSet<>();
        Map<String, Integer> ports = new HashMap<>();
        List<Integer> allPorts = new ArrayList<>();
        def.port().ifPresent(allPorts::add);
        for (var r : def.resources()) {
            declared.add(r.name());
            JsonNode cat = CATALOG.path(r.name());
            if (cat.isMissingNode()) out.add("resource " + r.name() + " is not in the catalog");
            if (!cat.path("category").asText().equals(r.category())) out.add("resource " + r.name() + " under category " + r.category());
            Set<String> kinds = new HashSet<>();
            cat.path("initialization").forEach(k -> kinds.add(k.asText()));
            for (String k : r.initialization().keySet()) if (!kinds.contains(k)) out.add("resource " + r.name() + " initialization " + k);
            int port = r.port().orElse(cat.path("port").asInt());
            ports.put(r.name(), port);
            allPorts.add(port);
        }
        if (new HashSet<>(allPorts).size() != allPorts.size()) out.add("PORT_CLASH " + allPorts);
        for (Task t : def.tasks()) {
            for (String f : t.files()) if (!files.containsKey(f)) out.add("task " + t.name() + " names missing file " + f);
            String resource = switch (t) {
                case Task.Sql s -> s.resource();
                case Task.ResourceInject ri -> ri.resource();
                case Task.Healthcheck h -> h.resource();
                default -> "";
            };
            if (!resource.isEmpty() && !declared.contains(resource)) out.add("task " + t.name() + " uses undeclared " + resource);
            if (t instanceof Task.Unknown u) out.add("task " + u.name() + " of unknown type " + u.type());
        }
        test.path("resources").path("required").forEach(r -> {
            if (!declared.contains(r.asText())) out.add("scenario-test requires undeclared " + r.asText());
        });
        String name = def.name();
        if (!name.equals(test.path("scenario").asText())) out.add("scenario-test.yaml scenario differs from service.name");
        JsonNode app = json.get(ScenarioFiles.APP_CONFIG);
        if (app == null || !name.equals(app.path("service").asText())) out.add("app-config.json service differs from service.name");
        JsonNode urls = json.get(ScenarioFiles.RESOURCE_URLS);
        if (urls != null) urls.properties().forEach(e -> {
            Matcher m = LOCAL_PORT.matcher(e.getValue().asText());
            if (!m.find() || !Integer.valueOf(m.group(1)).equals(ports.get(e.getKey()))) out.add("resource-urls.json " + e.getKey() + " port");
        });
        Set<Integer> known = new HashSet<>(allPorts);
        for (String f : List.of(ScenarioFiles.RESOURCE_URLS, ScenarioFiles.APP_CONFIG, ScenarioFiles.STARTUP, ScenarioFiles.TEST_SCRIPT)) {
            Matcher m = LOCAL_PORT.matcher(files.getOrDefault(f, ""));
            while (m.find()) if (!known.contains(Integer.parseInt(m.group(1)))) out.add(f + " uses undeclared port " + m.group(1));
        }
        json.forEach((path, wf) -> {
            if (path.startsWith(ScenarioFiles.N8N_DIR)) out.addAll(workflowProblems(path, wf));
        });
        return out;
    }

    private static List<String> workflowProblems(String path, JsonNode wf) {
        List<String> out = new ArrayList<>();
        Set<String> nodes = new HashSet<>();
        for (JsonNode n : wf.path("nodes")) {
            nodes.add(n.path("name").asText());
            n.path("credentials").properties().forEach(c -> {
                if (c.getValue().size() != 1 || !c.getValue().path("name").isTextual()) out.add(path + ": credential " + c.getKey() + " not by name only");
            });
        }
        wf.path("connections").properties().forEach(c -> {
            if (!nodes.contains(c.getKey())) out.add(path + ": connection from unknown node " + c.getKey());
            c.getValue().path("main").forEach(outs -> outs.forEach(target -> {
                if (!nodes.contains(target.path("node").asText())) out.add(path + ": connection to unknown node " + target.path("node"));
            }));
        });
        if (nodes.size() != wf.path("nodes").size()) out.add(path + ": node names repeat");
        return out;
    }

    private static JsonNode catalog() {
        try (InputStream in = ScenarioLint.class.getResourceAsStream("/services/resources.yaml")) {
            return YAML.readTree(in).path("resources");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
