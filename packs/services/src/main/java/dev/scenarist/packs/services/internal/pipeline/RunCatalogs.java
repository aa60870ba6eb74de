package dev.scenarist.packs.services.internal.pipeline;

import dev.scenarist.core.pack.RunContext;
import dev.scenarist.packs.services.catalog.CatalogException;
import dev.scenarist.packs.services.catalog.ResourceCatalog;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource catalog a run is checked against: the campaign's own ({@code --option catalog=FILE}, whose text the run
 * carries in its parameters, so a resumed run is checked against the catalog it started with even if the file has
 * changed since) or the bundled one. Parsed once per distinct text.
 */
public final class RunCatalogs {
    private final ResourceCatalog bundled = ResourceCatalog.bundled();
    private final Map<String, ResourceCatalog> parsed = new ConcurrentHashMap<>();

    public ResourceCatalog bundled() {
        return bundled;
    }

    public ResourceCatalog of(RunContext run) {
        Object text = run.parameters().get(ServiceOptions.CATALOG_TEXT);
        if (text == null) return bundled;
        String origin = String.valueOf(run.parameters().getOrDefault(ServiceOptions.CATALOG, "catalog.yaml"));
        return parsed.computeIfAbsent(String.valueOf(text), t -> {
            try {
                return ResourceCatalog.parse(t, origin);
            } catch (CatalogException e) {
                // it parsed when the campaign was created; the stored parameters were changed behind Scenarist's back
                throw new IllegalStateException("the run's resource catalog (from " + origin + ") no longer parses: " + e.getMessage(), e);
            }
        });
    }
}
