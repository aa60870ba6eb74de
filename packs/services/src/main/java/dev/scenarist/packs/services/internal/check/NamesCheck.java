package dev.scenarist.packs.services.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.format.ServiceDefinition;
import dev.scenarist.packs.services.internal.source.LocatedDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Names agree across files: scenario-test.yaml's {@code scenario} and app-config.json's {@code service} are
 * service.json's {@code service.name}; the resources scenario-test.yaml requires or tests, and those monitoring checks,
 * are declared and enabled in service.json.
 */
final class NamesCheck implements Check {
    @Override
    public String name() {
        return "names";
    }

    @Override
    public int tier() {
        return TIER_PARSE;
    }

    @Override
    public CheckResult run(CheckContext context) {
        ScenarioView view = new ScenarioView(context.workspace());
        List<Finding> findings = new ArrayList<>();
        view.service().filter(s -> !s.name().isEmpty()).ifPresent(service -> {
            view.yaml(ScenarioFiles.SCENARIO_TEST).ifPresent(doc -> scenarioTest(service, doc, findings));
            view.json(ScenarioFiles.APP_CONFIG).ifPresent(doc -> {
                JsonNode name = doc.tree().path("service");
                if (name.isTextual() && !name.asText().equals(service.name())) {
                    findings.add(Finding.error(ErrorClass.CONFIGURATION.code("NAME_MISMATCH"),
                            "app-config.json names the service '" + name.asText() + "' but service.json names it '" + service.name() + "'"
                                    + Where.onLine(doc.lineOf("/service")), Where.pointer(ScenarioFiles.APP_CONFIG, "/service"),
                            "write \"service\": \"" + service.name() + "\" (or rename the service everywhere)"));
                }
            });
            view.json(ScenarioFiles.SERVICE).ifPresent(doc -> monitoring(service, doc, findings));
        });
        return CheckResult.of(findings);
    }

    private static void scenarioTest(ServiceDefinition service, LocatedDocument doc, List<Finding> findings) {
        JsonNode scenario = doc.tree().path("scenario");
        if (scenario.isTextual() && !scenario.asText().equals(service.name())) {
            findings.add(Finding.error(ErrorClass.CONFIGURATION.code("NAME_MISMATCH"),
                    "scenario-test.yaml names the scenario '" + scenario.asText() + "' but service.json names the service '" + service.name() + "'",
                    Where.line(ScenarioFiles.SCENARIO_TEST, doc.lineOf("/scenario")), "write 'scenario: " + service.name() + "'"));
        }
        JsonNode required = doc.tree().path("resources").path("required");
        for (int i = 0; i < required.size(); i++) {
            declared(service, required.get(i).asText(""), "scenario-test.yaml requires resource",
                    Where.line(ScenarioFiles.SCENARIO_TEST, doc.lineOf("/resources/required/" + i)), findings);
        }
        JsonNode tests = doc.tree().path("tests");
        for (int i = 0; i < tests.size(); i++) {
            JsonNode resource = tests.get(i).path("resource");
            if (!resource.isTextual() || resource.asText().equals(ReferencesCheck.APP)) continue;
            declared(service, resource.asText(), "test '" + tests.get(i).path("name").asText("#" + (i + 1)) + "' calls resource",
                    Where.line(ScenarioFiles.SCENARIO_TEST, doc.lineOf("/tests/" + i + "/resource")), findings);
        }
    }

    private static void monitoring(ServiceDefinition service, LocatedDocument doc, List<Finding> findings) {
        JsonNode checks = doc.tree().path("monitoring").path("healthchecks");
        for (int i = 0; i < checks.size(); i++) {
            JsonNode resource = checks.get(i).path("resource");
            if (!resource.isTextual() || resource.asText().equals(ReferencesCheck.APP)) continue;
            String at = "/monitoring/healthchecks/" + i + "/resource";
            declared(service, resource.asText(), "monitoring checks resource",
                    Where.pointer(ScenarioFiles.SERVICE, at) + "", findings, Where.onLine(doc.lineOf(at)));
        }
    }

    private static void declared(ServiceDefinition service, String resource, String who, String location, List<Finding> findings) {
        declared(service, resource, who, location, findings, "");
    }

    private static void declared(ServiceDefinition service, String resource, String who, String location, List<Finding> findings,
                                 String suffix) {
        if (resource.isEmpty()) return;
        var r = service.resource(resource);
        if (r.isPresent() && r.get().enabled()) return;
        findings.add(Finding.error(ErrorClass.CONFIGURATION.code("UNDECLARED_RESOURCE"),
                who + " '" + resource + "', which service.json " + (r.isPresent() ? "declares disabled" : "does not declare") + suffix,
                location, r.isPresent() ? "enable '" + resource + "' in service.json or drop it here"
                        : "declare '" + resource + "' under service.json's resources, or drop it here"));
    }
}
