package dev.scenarist.packs.services.internal.check;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.services.catalog.CatalogResource;
import dev.scenarist.packs.services.catalog.ResourceCatalog;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.internal.source.LocatedDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * service.json's resources against the resource catalog: each is listed there, declared under the catalog's
 * category, and given only initialization data of the kinds the catalog allows for it.
 */
final class CatalogCheck implements Check {
    private final ResourceCatalog catalog;

    CatalogCheck(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "catalog";
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
            for (var declared : service.resources()) {
                String at = "/resources/" + LocatedDocument.token(declared.category()) + "/" + LocatedDocument.token(declared.name());
                Optional<CatalogResource> known = catalog.resource(declared.name());
                if (known.isEmpty()) {
                    findings.add(Finding.error(ErrorClass.CONFIGURATION.code("UNKNOWN_RESOURCE"),
                            "resource '" + declared.name() + "' is not in the resource catalog (" + catalog.source() + ")"
                                    + Where.onLine(doc.lineOf(at)), Where.pointer(ScenarioFiles.SERVICE, at),
                            "use a catalog resource (" + catalog.namesForPeople() + ")").withFix("use a catalog resource ("
                            + catalog.namesForPeople() + "), or add '" + declared.name() + "' to your own catalog and pass it with "
                            + "--option catalog=FILE.yaml"));
                    continue;
                }
                CatalogResource c = known.get();
                if (!c.category().equals(declared.category())) {
                    findings.add(Finding.error(ErrorClass.CONFIGURATION.code("RESOURCE_CATEGORY"),
                            "resource '" + declared.name() + "' is declared under '" + declared.category() + "' but the catalog puts it under '"
                                    + c.category() + "'" + Where.onLine(doc.lineOf(at)), Where.pointer(ScenarioFiles.SERVICE, at),
                            "move it to resources." + c.category() + "." + declared.name()));
                }
                for (String kind : declared.initialization().keySet()) {
                    if (c.initializes(kind)) continue;
                    String kindAt = at + "/initialization/" + LocatedDocument.token(kind);
                    findings.add(Finding.error(ErrorClass.CONFIGURATION.code("INITIALIZATION_KIND"),
                            "resource '" + declared.name() + "' has no initialization of kind '" + kind + "' in the catalog"
                                    + Where.onLine(doc.lineOf(kindAt)), Where.pointer(ScenarioFiles.SERVICE, kindAt),
                            c.initialization().isEmpty() ? "remove the initialization of '" + declared.name() + "': it takes none"
                                    : "use one of its kinds: " + String.join(", ", c.initialization())));
                }
            }
        }));
        return CheckResult.of(findings);
    }
}
