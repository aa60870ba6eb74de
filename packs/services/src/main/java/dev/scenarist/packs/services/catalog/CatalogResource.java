package dev.scenarist.packs.services.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One resource a service scenario may require, as the catalog describes it.
 *
 * @param name           how service.json names it under {@code resources.<category>} ({@code postgres})
 * @param category       the category it must be declared under ({@code storage})
 * @param port           the port it listens on unless service.json gives another
 * @param initialization the kinds of initialization data service.json may give it ({@code database}, {@code sql})
 * @param description    one line for people and for the planning prompt
 */
public record CatalogResource(String name, String category, int port, List<String> initialization, String description) {
    public CatalogResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(description, "description");
        initialization = List.copyOf(initialization);
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port of resource '" + name + "' must be 1..65535, got " + port);
    }

    /** Whether service.json may give this resource initialization data of that kind ({@code sql}, {@code workflows}). */
    public boolean initializes(String kind) {
        return initialization.contains(kind);
    }
}
