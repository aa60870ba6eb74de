package dev.scenarist.packs.yaml.internal.checks;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.List;
import java.util.Locale;

/**
 * Compiles JSON Schemas (draft 2020-12 unless the schema's {@code $schema} says otherwise) and validates documents
 * against them, with English messages and JSON-pointer locations whatever the machine's locale.
 * Only strings cross this class's boundary: the validator's Jackson 3 types stay inside.
 */
public final class JsonSchemas {
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    /** One violation: where in the document (a JSON pointer, "" for the root) and what is wrong. */
    public record Violation(String pointer, String message, String keyword) {}

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** A compiled schema, safe to share between threads. */
    public final class Compiled {
        private final Schema schema;

        private Compiled(Schema schema) {
            this.schema = schema;
        }

        public List<Violation> validate(String json) {
            return violations(schema.validate(json, InputFormat.JSON,
                    ctx -> ctx.executionConfig(c -> c.locale(Locale.ENGLISH).formatAssertionsEnabled(true))));
        }
    }

    /** Problems with the schema itself (checked against the 2020-12 meta-schema). */
    public List<Violation> checkSchema(String schemaJson) {
        Schema meta = registry.getSchema(SchemaLocation.of(META_SCHEMA));
        return violations(meta.validate(schemaJson, InputFormat.JSON, ctx -> ctx.executionConfig(c -> c.locale(Locale.ENGLISH))));
    }

    /** @throws IllegalArgumentException when the schema cannot be compiled (e.g. an unresolvable $ref) */
    public Compiled compile(String schemaJson) {
        try {
            return new Compiled(registry.getSchema(schemaJson, InputFormat.JSON));
        } catch (SchemaException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static List<Violation> violations(List<Error> errors) {
        return errors.stream().map(e -> {
            String pointer = pointer(e.getInstanceLocation());
            // "required" reports the object that lacks the property; point at the property itself
            if ("required".equals(e.getKeyword()) && e.getProperty() != null) pointer = pointer + "/" + escape(e.getProperty());
            // the validator's message omits the offending value; a model fixes a value faster when it sees it
            var value = e.getInstanceNode();
            String found = value != null && value.isValueNode() && !"required".equals(e.getKeyword())
                    ? " (found: " + abbreviate(value.toString()) + ")" : "";
            return new Violation(pointer, e.getMessage() + found, e.getKeyword() == null ? "" : e.getKeyword());
        }).toList();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    static String pointer(NodePath path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) b.append('/').append(escape(String.valueOf(path.getElement(i))));
        return b.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
