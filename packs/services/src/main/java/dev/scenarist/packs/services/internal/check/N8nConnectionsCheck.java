package dev.scenarist.packs.services.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.internal.source.LocatedDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the n8n schema cannot say: node names are unique within a workflow, and every connection leaves from and
 * arrives at a node of the same workflow (n8n imports a dangling connection silently and the flow just stops there).
 */
final class N8nConnectionsCheck implements Check {
    @Override
    public String name() {
        return "n8n-connections";
    }

    @Override
    public int tier() {
        return TIER_PARSE;
    }

    @Override
    public CheckResult run(CheckContext context) {
        ScenarioView view = new ScenarioView(context.workspace());
        List<Finding> findings = new ArrayList<>();
        for (String file : view.filesUnder(ScenarioFiles.N8N_DIR, ".json")) {
            view.json(file).ifPresent(doc -> check(file, doc, findings));
        }
        return CheckResult.of(findings);
    }

    private static void check(String file, LocatedDocument doc, List<Finding> findings) {
        Map<String, Integer> nodeIndex = new HashMap<>();
        JsonNode nodes = doc.tree().path("nodes");
        for (int i = 0; i < nodes.size(); i++) {
            String name = nodes.get(i).path("name").asText("");
            if (name.isEmpty()) continue;
            Integer earlier = nodeIndex.putIfAbsent(name, i);
            if (earlier != null) {
                String at = "/nodes/" + i + "/name";
                findings.add(Finding.error(ErrorClass.CONFIGURATION.code("N8N_DUPLICATE_NODE"),
                        "two nodes are named '" + name + "' (nodes " + earlier + " and " + i + "); connections name nodes, so names must be unique"
                                + Where.onLine(doc.lineOf(at)), Where.pointer(file, at), "rename one of them and update the connections"));
            }
        }
        String known = String.join(", ", nodeIndex.keySet().stream().sorted().map(n -> "'" + n + "'").toList());
        for (var source : doc.tree().path("connections").properties()) {
            String sourceAt = "/connections/" + LocatedDocument.token(source.getKey());
            if (!nodeIndex.containsKey(source.getKey())) {
                findings.add(Finding.error(ErrorClass.CONFIGURATION.code("N8N_UNKNOWN_NODE"),
                        "a connection leaves from node '" + source.getKey() + "', which this workflow does not have" + Where.onLine(doc.lineOf(sourceAt)),
                        Where.pointer(file, sourceAt), "name an existing node (" + known + ") or add the node to 'nodes'"));
            }
            for (var output : source.getValue().properties()) {
                JsonNode perIndex = output.getValue();
                for (int i = 0; i < perIndex.size(); i++) {
                    JsonNode targets = perIndex.get(i);
                    for (int j = 0; j < targets.size(); j++) {
                        String target = targets.get(j).path("node").asText("");
                        if (target.isEmpty() || nodeIndex.containsKey(target)) continue;
                        String at = sourceAt + "/" + LocatedDocument.token(output.getKey()) + "/" + i + "/" + j + "/node";
                        findings.add(Finding.error(ErrorClass.CONFIGURATION.code("N8N_UNKNOWN_NODE"),
                                "node '" + source.getKey() + "' connects to node '" + target + "', which this workflow does not have"
                                        + Where.onLine(doc.lineOf(at)), Where.pointer(file, at),
                                "connect to an existing node (" + known + ") or add a node named '" + target + "'"));
                    }
                }
            }
        }
    }
}
