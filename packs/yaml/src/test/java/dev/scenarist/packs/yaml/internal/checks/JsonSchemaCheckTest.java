package dev.scenarist.packs.yaml.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonSchemaCheckTest {
    private static final String SCHEMA = """
            {"type": "object", "required": ["title", "difficulty"],
             "properties": {"title": {"type": "string", "minLength": 5},
                            "difficulty": {"enum": ["easy", "hard"]},
                            "tags": {"type": "array", "items": {"type": "string"}}}}""";

    @TempDir
    Path dir;

    private CheckResult check(String file, FileFormat format, String content) {
        Workspace ws = new Workspace(dir);
        ws.write(file, content);
        JsonSchemaCheck check = new JsonSchemaCheck("schema", file, format, new JsonSchemas().compile(SCHEMA), "item.schema.json");
        return check.run(new CheckContext(new RunContext("r", "c", "p", 1, Map.of()), "s", ws, Map.of(), null));
    }

    @Test
    void violations_point_into_the_file_with_json_pointers_and_show_the_bad_value() {
        CheckResult r = check("item.json", FileFormat.JSON, "{\"title\": \"Hi\", \"tags\": [\"ok\", 3]}");

        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        assertThat(r.findings()).extracting(Finding::location).containsExactlyInAnyOrder(
                "item.json#/difficulty", "item.json#/title", "item.json#/tags/1");
        assertThat(r.findings()).filteredOn(f -> f.location().equals("item.json#/title")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("5").contains("(found: \"Hi\")"));
        assertThat(r.findings()).filteredOn(f -> f.location().equals("item.json#/difficulty")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("difficulty").contains("required"));
    }

    @Test
    void a_file_that_is_not_json_is_reported_at_its_line() {
        CheckResult r = check("item.json", FileFormat.JSON, "{\n  \"title\": \"Hello\",\n  oops\n}");

        assertThat(r.findings()).extracting(Finding::code, Finding::location).containsExactly(tuple("INVALID_JSON", "item.json:3"));
    }

    @Test
    void yaml_files_are_validated_too() {
        CheckResult ok = check("item.yaml", FileFormat.YAML, "title: Hello there\ndifficulty: easy\n");
        CheckResult bad = check("item.yaml", FileFormat.YAML, "title: Hello there\ndifficulty: medium\n");

        assertThat(ok).isInstanceOf(CheckResult.Passed.class);
        assertThat(bad.findings()).extracting(Finding::location).containsExactly("item.yaml#/difficulty");
    }

    @Test
    void a_missing_file_is_reported_as_missing() {
        Workspace ws = new Workspace(dir);
        JsonSchemaCheck check = new JsonSchemaCheck("schema", "item.json", FileFormat.JSON, new JsonSchemas().compile(SCHEMA), "s");

        CheckResult r = check.run(new CheckContext(new RunContext("r", "c", "p", 1, Map.of()), "s", ws, Map.of(), null));

        assertThat(r.findings()).extracting(Finding::code).containsExactly("MISSING_FILE");
    }

    @Test
    void messages_are_english_whatever_the_default_locale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            CheckResult r = check("item.json", FileFormat.JSON, "{\"title\": \"Hello\"}");
            assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("required property"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
