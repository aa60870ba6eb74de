package dev.scenarist.packs.services.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.services.catalog.ResourceCatalog;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.internal.source.LocatedDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan's resources (its {@code resources} list and each component's {@code resource}) are in the catalog: a plan
 * built on a resource the deployment cannot provide is not worth refining.
 */
final class PlanResourcesCheck implements Check {
    private final ResourceCatalog catalog;

    PlanResourcesCheck(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "plan-resources";
    }

    @Override
    public int tier() {
        return TIER_PARSE;
    }

    @Override
    public CheckResult run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        new ScenarioView(context.workspace()).json(ScenarioFiles.PLAN).ifPresent(doc -> {
            JsonNode resources = doc.tree().path("resources");
            for (int i = 0; i < resources.size(); i++) check(doc, "/resources/" + i + "/name", resources.get(i).path("name"), findings);
            JsonNode components = doc.tree().path("architecture").path("components");
            for (int i = 0; i < components.size(); i++) {
                check(doc, "/architecture/components/" + i + "/resource", components.get(i).path("resource"), findings);
            }
        });
        return CheckResult.of(findings);
    }

    private void check(LocatedDocument doc, String at, JsonNode name, List<Finding> findings) {
        if (!name.isTextual() || catalog.resource(name.asText()).isPresent()) return;
        findings.add(Finding.error(ErrorClass.CONFIGURATION.code("UNKNOWN_RESOURCE"),
                "the plan uses resource '" + name.asText() + "', which is not in the resource catalog (" + catalog.source() + ")"
                        + Where.onLine(doc.lineOf(at)), Where.pointer(ScenarioFiles.PLAN, at),
                "plan with catalog resources only: " + catalog.namesForPeople()));
    }
}
