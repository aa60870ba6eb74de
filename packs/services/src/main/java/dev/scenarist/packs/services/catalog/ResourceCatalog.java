package dev.scenarist.packs.services.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.packs.services.internal.source.LocatedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The resources a service scenario may require (PostgreSQL, Redis, n8n, …) with their category, default port and
 * initialization kinds. The pack ships one ({@link #bundled()}); a user replaces it with {@code --option catalog=FILE}
 * ({@link #load(Path)}). Immutable and safe to share.
 *
 * <p>The file is YAML: {@code resources: {<name>: {category, port, initialization: [..], description}}}. Everything
 * wrong with it is one {@link CatalogException} naming {@code file:line} and the fix, because a catalog is edited by
 * hand and a campaign must not start on a half-understood one.
 */
public final class ResourceCatalog {
    /** Where the bundled catalog lives on the class path. */
    public static final String BUNDLED = "services/resources.yaml";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Set<String> FIELDS = Set.of("category", "port", "initialization", "description");
    private static final String EXAMPLE = "postgres: {category: storage, port: 5432, initialization: [database, sql], "
            + "description: PostgreSQL relational database}";

    private final String source;
    private final Map<String, CatalogResource> byName;

    private ResourceCatalog(String source, Map<String, CatalogResource> byName) {
        this.source = source;
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** The catalog shipped with the pack. */
    public static ResourceCatalog bundled() {
        try {
            return parse(bundledText(), BUNDLED);
        } catch (CatalogException e) {
            throw new IllegalStateException("the bundled resource catalog is invalid: " + e.getMessage(), e);
        }
    }

    /** The bundled catalog's YAML as shipped, comments included: where a user's own catalog starts. */
    public static String bundledText() {
        try (InputStream in = ResourceCatalog.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException(BUNDLED + " is missing from the class path (a broken build of the services pack)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + BUNDLED, e);
        }
    }

    /**
     * Reads a user's catalog file.
     *
     * @throws CatalogException when the file cannot be read or is not a valid catalog; the message names file:line
     */
    public static ResourceCatalog load(Path file) throws CatalogException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException(file.toString(), 1, "cannot read the resource catalog: " + e.getMessage(),
                    "give an existing, readable YAML file; start from the bundled catalog: scenarist services catalog > my-resources.yaml");
        }
        return parse(text, file.toString());
    }

    /**
     * Reads a catalog's text.
     *
     * @param file how the file is named in error messages
     */
    public static ResourceCatalog parse(String text, String file) throws CatalogException {
        LocatedDocument doc;
        try {
            doc = LocatedDocument.yaml(text);
        } catch (LocatedDocument.MalformedException e) {
            throw new CatalogException(file, e.line(), "not valid YAML: " + e.getMessage(),
                    "indent with spaces, put ':' after each key; each resource looks like " + EXAMPLE);
        }
        JsonNode root = doc.tree();
        if (!root.isObject() || !root.path("resources").isObject()) {
            throw new CatalogException(file, doc.lineOf("/resources"), "the catalog needs a top-level 'resources:' mapping of resource names",
                    "start the file with 'resources:' and indent one entry per resource below it, e.g. " + EXAMPLE);
        }
        for (var top : root.properties()) {
            if (!top.getKey().equals("resources")) {
                throw new CatalogException(file, doc.lineOf("/" + LocatedDocument.token(top.getKey())),
                        "unknown top-level key '" + top.getKey() + "'", "the catalog has only 'resources:'; remove or move '" + top.getKey() + "'");
            }
        }
        Map<String, CatalogResource> byName = new LinkedHashMap<>();
        for (var entry : root.path("resources").properties()) {
            byName.put(entry.getKey(), resource(file, doc, entry.getKey(), entry.getValue()));
        }
        if (byName.isEmpty()) {
            throw new CatalogException(file, doc.lineOf("/resources"), "the catalog lists no resources",
                    "add at least one resource under 'resources:', e.g. " + EXAMPLE);
        }
        return new ResourceCatalog(file, byName);
    }

    private static CatalogResource resource(String file, LocatedDocument doc, String name, JsonNode node) throws CatalogException {
        String at = "/resources/" + LocatedDocument.token(name);
        if (!NAME.matcher(name).matches()) {
            throw new CatalogException(file, doc.lineOf(at), "resource name '" + name + "' is not lower-case kebab-case",
                    "name it like service.json does, e.g. 'postgres' or 'node-red'");
        }
        if (!node.isObject()) {
            throw new CatalogException(file, doc.lineOf(at), "resource '" + name + "' must be a mapping with category, port and initialization",
                    "write it as " + EXAMPLE);
        }
        for (var f : node.properties()) {
            if (!FIELDS.contains(f.getKey())) {
                throw new CatalogException(file, doc.lineOf(at + "/" + LocatedDocument.token(f.getKey())),
                        "resource '" + name + "' has an unknown key '" + f.getKey() + "'", "use only category, port, initialization and description");
            }
        }
        JsonNode category = node.path("category");
        if (!category.isTextual() || category.asText().isBlank()) {
            throw new CatalogException(file, doc.lineOf(at + "/category"), "resource '" + name + "' needs a 'category' (the group service.json "
                    + "declares it under)", "add e.g. 'category: storage' (storage, automation, ai, communication, …)");
        }
        JsonNode port = node.path("port");
        if (!port.isIntegralNumber() || port.asLong() < 1 || port.asLong() > 65535) {
            throw new CatalogException(file, doc.lineOf(at + "/port"), "resource '" + name + "' needs a 'port' between 1 and 65535, found "
                    + (port.isMissingNode() ? "none" : "'" + port.asText() + "'"), "add its default port, e.g. 'port: 5432'");
        }
        JsonNode init = node.path("initialization");
        List<String> kinds = new ArrayList<>();
        if (!init.isMissingNode() && !init.isNull()) {
            if (!init.isArray()) {
                throw new CatalogException(file, doc.lineOf(at + "/initialization"), "'initialization' of resource '" + name + "' must be a list",
                        "write it as a list of kinds, e.g. 'initialization: [database, sql]' (or [] for none)");
            }
            for (int i = 0; i < init.size(); i++) {
                JsonNode kind = init.get(i);
                if (!kind.isTextual() || kind.asText().isBlank()) {
                    throw new CatalogException(file, doc.lineOf(at + "/initialization/" + i), "initialization kind #" + (i + 1)
                            + " of resource '" + name + "' is not a word", "list words such as sql, workflows, buckets");
                }
                kinds.add(kind.asText());
            }
        }
        JsonNode description = node.path("description");
        if (!description.isMissingNode() && !description.isTextual()) {
            throw new CatalogException(file, doc.lineOf(at + "/description"), "'description' of resource '" + name + "' must be text",
                    "write one line of text, quoted if it contains ': '");
        }
        return new CatalogResource(name, category.asText(), port.asInt(), kinds, description.asText(""));
    }

    /** The file it was read from ({@link #BUNDLED} for the bundled one), for messages. */
    public String source() {
        return source;
    }

    /** Every resource in file order. */
    public List<CatalogResource> resources() {
        return List.copyOf(byName.values());
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public Optional<CatalogResource> resource(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The catalog's default port of a resource, empty for a resource it does not list. */
    public OptionalInt port(String name) {
        CatalogResource r = byName.get(name);
        return r == null ? OptionalInt.empty() : OptionalInt.of(r.port());
    }

    /** The resource names as a sentence for messages and prompts: {@code postgres, redis, n8n}. */
    public String namesForPeople() {
        return String.join(", ", byName.keySet());
    }

    @Override
    public String toString() {
        return "ResourceCatalog[" + source + ": " + namesForPeople() + "]";
    }
}
