package dev.scenarist.packs.yaml.internal.checks;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.FileFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code type: json_schema}: a JSON (or YAML) file parses and matches a JSON Schema. Findings point into the file
 * with JSON pointers ({@code item.json#/difficulty}); a file that does not parse is reported at its line.
 */
public final class JsonSchemaCheck implements Check {
    private static final YAMLMapper YAML = new YAMLMapper();

    private final String name;
    private final String file;
    private final FileFormat format;
    private final JsonSchemas.Compiled schema;
    private final String schemaSource;

    /** @param schemaSource where the schema came from, for hints ("schemas/item.schema.json" or "pack.yaml:12") */
    public JsonSchemaCheck(String name, String file, FileFormat format, JsonSchemas.Compiled schema, String schemaSource) {
        this.name = Objects.requireNonNull(name, "name");
        this.file = Objects.requireNonNull(file, "file");
        this.format = Objects.requireNonNull(format, "format");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.schemaSource = schemaSource;
        if (format != FileFormat.JSON && format != FileFormat.YAML) {
            throw new IllegalArgumentException("json_schema checks json or yaml files; '" + file + "' is " + format.label());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int tier() {
        return TIER_PARSE;
    }

    public String file() {
        return file;
    }

    @Override
    public CheckResult run(CheckContext context) {
        Optional<String> content = context.workspace().read(file);
        if (content.isEmpty()) {
            return CheckResult.failed(Finding.error("MISSING_FILE", "'" + file + "' was not written, so it cannot be checked against its schema",
                    file, "reply with a <file path=\"" + file + "\"> block").withFix("add " + file + " to the scenario folder"));
        }
        JsonNode document;
        try {
            document = format == FileFormat.YAML ? YAML.readTree(content.get()) : Json.mapper().readTree(content.get());
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String at = l == null ? file : file + ":" + l.getLineNr();
            return CheckResult.failed(Finding.error(format == FileFormat.YAML ? "INVALID_YAML" : "INVALID_JSON",
                    "'" + file + "' is not valid " + format.label() + ": " + e.getOriginalMessage(), at,
                    "write the whole file as valid " + format.label() + " with nothing before or after it"));
        }
        if (document == null || document.isMissingNode()) {
            return CheckResult.failed(Finding.error("EMPTY_FILE", "'" + file + "' holds no " + format.label() + " value", file,
                    "write the whole document"));
        }
        List<Finding> findings = schema.validate(Json.write(document)).stream()
                .map(v -> Finding.error("JSON_SCHEMA", v.message(), file + "#" + v.pointer(),
                        "change the value so it satisfies the schema's '" + v.keyword() + "' rule (schema: " + schemaSource + ")"))
                .toList();
        return CheckResult.of(findings);
    }
}
