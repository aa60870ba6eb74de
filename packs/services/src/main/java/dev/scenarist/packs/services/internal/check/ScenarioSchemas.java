package dev.scenarist.packs.services.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON Schemas (draft 2020-12) shipped with the pack under {@code services/schemas/}, compiled once. Documents go
 * in as Jackson 2 trees and come out as {@link Violation}s with JSON pointers: the validator's own Jackson 3 types stay
 * inside this class.
 */
public final class ScenarioSchemas {
    /** The schemas, by the file they describe. */
    public enum Kind {
        PLAN("plan"), SERVICE("service"), N8N_WORKFLOW("n8n-workflow"), RESOURCE_URLS("resource-urls"), APP_CONFIG("app-config"),
        CONFIGURATION("configuration"), SCENARIO_TEST("scenario-test");

        private final String file;

        Kind(String file) {
            this.file = file;
        }

        /** The class-path resource of the schema. */
        public String resource() {
            return "services/schemas/" + file + ".schema.json";
        }
    }

    /** One violation: where in the document (a JSON pointer, "" for the root), what is wrong, the schema keyword. */
    public record Violation(String pointer, String message, String keyword) {}

    private final Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);

    public ScenarioSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (Kind k : Kind.values()) schemas.put(k, registry.getSchema(text(k.resource()), InputFormat.JSON));
    }

    /** The schema's text, for prompts that show the model what to write. */
    public static String text(Kind kind) {
        return text(kind.resource());
    }

    public List<Violation> validate(Kind kind, JsonNode document) {
        List<Error> errors = schemas.get(kind).validate(document.toString(), InputFormat.JSON,
                ctx -> ctx.executionConfig(c -> c.locale(Locale.ENGLISH).formatAssertionsEnabled(true)));
        return errors.stream().map(ScenarioSchemas::violation).toList();
    }

    private static Violation violation(Error e) {
        String pointer = pointer(e.getInstanceLocation());
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        // "required" and "propertyNames" report the object; point at the property itself
        if (("required".equals(keyword) || "propertyNames".equals(keyword)) && e.getProperty() != null) {
            pointer = pointer + "/" + escape(e.getProperty());
        }
        // the message omits the offending value; a fix comes faster when it is shown
        var value = e.getInstanceNode();
        String found = value != null && value.isValueNode() && !"required".equals(keyword) ? " (found: " + abbreviate(value.toString()) + ")" : "";
        return new Violation(pointer, e.getMessage() + found, keyword);
    }

    private static String pointer(NodePath path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) b.append('/').append(escape(String.valueOf(path.getElement(i))));
        return b.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String text(String resource) {
        try (InputStream in = ScenarioSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the class path (a broken build of the services pack)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
