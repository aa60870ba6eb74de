package dev.scenarist.packs.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scenarist.sandbox.Sandbox;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each broken pack in src/test/resources/broken/ must fail to load with an error naming the file, line, column and
 * field, what was expected and how to fix it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PackDefinitionErrorsTest {
    private static final Path BROKEN = Path.of("src/test/resources/broken");

    private static PackDefinitionException loading(String name) {
        PackDefinitionException e = catchThrowableOfType(PackDefinitionException.class,
                () -> new YamlPackLoader(Sandbox.unconfined()).load(BROKEN.resolve(name)));
        assertThat(e).as("loading broken/%s should fail", name).isNotNull();
        return e;
    }

    private static void assertAt(PackDefinitionException e, String name, int line, int column, String field) {
        assertThat(e.file()).isEqualTo(BROKEN.resolve(name).resolve("pack.yaml").toString());
        assertThat(e.line()).as("line").isEqualTo(line);
        assertThat(e.column()).as("column").isEqualTo(column);
        assertThat(e.field()).as("field").isEqualTo(field);
        assertThat(e.getMessage()).contains(e.file() + ":" + line + ":" + column);
    }

    @Test
    void a_typo_in_a_field_name_suggests_the_intended_field() {
        PackDefinitionException e = loading("typo-field");

        assertAt(e, "typo-field", 10, 7, "stages[0].policy");
        assertThat(e.problem()).isEqualTo("unknown field 'max_attempt'");
        assertThat(e.fix()).startsWith("did you mean 'max_attempts'?");
        assertThat(e.getMessage()).startsWith("unknown field 'max_attempt' at src/test/resources/broken/typo-field/pack.yaml:10:7")
                .contains("did you mean 'max_attempts'?");
    }

    @Test
    void invalid_yaml_syntax_is_reported_where_the_parser_stopped() {
        PackDefinitionException e = loading("yaml-syntax");

        assertAt(e, "yaml-syntax", 6, 31, "");
        assertThat(e.problem()).startsWith("the YAML is not well-formed").contains("expected ',' or '}'");
        assertThat(e.fix()).contains("indentation");
    }

    @Test
    void a_pack_without_a_name_is_told_to_add_one() {
        PackDefinitionException e = loading("missing-name");

        assertAt(e, "missing-name", 1, 1, "");
        assertThat(e.problem()).isEqualTo("missing field 'name'");
        assertThat(e.fix()).contains("name: my-pack");
    }

    @Test
    void a_pack_name_with_spaces_is_refused_with_the_rule() {
        PackDefinitionException e = loading("bad-pack-name");

        assertAt(e, "bad-pack-name", 1, 7, "name");
        assertThat(e.problem()).contains("'My Pack'");
        assertThat(e.fix()).contains("lower-case letters");
    }

    @Test
    void a_pack_without_stages_gets_an_example_pipeline() {
        PackDefinitionException e = loading("missing-stages");

        assertThat(e.problem()).isEqualTo("missing field 'stages'");
        assertThat(e.fix()).contains("kind: author").contains("outputs:");
    }

    @Test
    void an_unknown_stage_kind_names_the_kinds_and_the_closest_one() {
        PackDefinitionException e = loading("unknown-kind");

        assertAt(e, "unknown-kind", 4, 11, "stages[0].kind");
        assertThat(e.problem()).isEqualTo("unknown stage kind 'autor'");
        assertThat(e.fix()).startsWith("did you mean 'author'?").contains("refine").contains("review").contains("gate");
    }

    @Test
    void an_unknown_check_type_names_the_check_types() {
        PackDefinitionException e = loading("unknown-check-type");

        assertAt(e, "unknown-check-type", 8, 15, "stages[0].checks[0].type");
        assertThat(e.problem()).isEqualTo("unknown check type 'json_shema'");
        assertThat(e.fix()).startsWith("did you mean 'json_schema'?").contains("required_files, json_schema, patterns, command, judge");
    }

    @Test
    void an_unknown_gate_names_the_gates() {
        PackDefinitionException e = loading("unknown-gate");

        assertAt(e, "unknown-gate", 9, 11, "stages[1].gate");
        assertThat(e.fix()).startsWith("did you mean 'uniqueness'?").contains("human");
    }

    @Test
    void a_check_reading_a_file_no_stage_writes_is_refused_with_the_declared_files() {
        PackDefinitionException e = loading("undeclared-file");

        assertAt(e, "undeclared-file", 9, 17, "stages[0].checks[0].files[0]");
        assertThat(e.problem()).isEqualTo("check 'required_files' reads 'itme.json', which no stage declares as an output");
        assertThat(e.fix()).startsWith("did you mean 'item.json'?").contains("declared outputs: item.json");
    }

    @Test
    void a_check_reading_a_file_a_later_stage_writes_is_told_to_move() {
        PackDefinitionException e = loading("later-stage-file");

        assertAt(e, "later-stage-file", 9, 28, "stages[0].checks[0].files[1]");
        assertThat(e.problem()).contains("'answer.sql', which is written only by the later stage 'answer'");
        assertThat(e.fix()).contains("move the check to stage 'answer'");
    }

    @Test
    void a_refine_scorer_must_be_a_judge_check() {
        PackDefinitionException e = loading("scorer-not-judge");

        assertAt(e, "scorer-not-judge", 8, 13, "stages[0].scorer");
        assertThat(e.problem()).contains("scorer 'present' is a required_files check, but a scorer must be a judge check");
        assertThat(e.fix()).contains("clarity");
    }

    @Test
    void an_invalid_regex_is_reported_at_the_pattern_with_the_java_description() {
        PackDefinitionException e = loading("invalid-regex");

        assertAt(e, "invalid-regex", 12, 13, "stages[0].checks[0].forbid[1]");
        assertThat(e.problem()).contains("'(unclosed'").contains("Unclosed group");
        assertThat(e.fix()).contains("single quotes");
    }

    @Test
    void an_unknown_placeholder_points_at_its_line_inside_the_instructions() {
        PackDefinitionException e = loading("unknown-placeholder");

        assertAt(e, "unknown-placeholder", 9, 1, "stages[0].instructions");
        assertThat(e.problem()).contains("{{topc}}");
        assertThat(e.fix()).startsWith("did you mean {{topic}}?");
    }

    @Test
    void a_mistake_inside_an_inline_json_schema_points_at_its_line() {
        PackDefinitionException e = loading("invalid-inline-schema");

        assertAt(e, "invalid-inline-schema", 14, 21, "stages[0].checks[0].schema.properties.title.type");
        assertThat(e.problem()).startsWith("invalid JSON Schema").contains("\"strng\"").contains("\"string\"");
    }

    @Test
    void a_mistake_inside_a_schema_file_names_that_file_and_line() {
        PackDefinitionException e = loading("invalid-schema-file");

        assertThat(e.file()).isEqualTo(BROKEN.resolve("invalid-schema-file/schemas/item.schema.json").toString());
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.field()).isEqualTo("properties.tags.minItems");
        assertThat(e.problem()).contains("integer expected").contains("\"one\"");
    }

    @Test
    void a_missing_schema_file_is_named_with_where_it_was_looked_for() {
        PackDefinitionException e = loading("missing-schema-file");

        assertAt(e, "missing-schema-file", 10, 22, "stages[0].checks[0].schema_file");
        assertThat(e.problem()).contains("'schemas/nope.schema.json' does not exist").contains("looked for /");
    }

    @Test
    void a_command_written_as_one_string_is_told_to_use_a_list() {
        PackDefinitionException e = loading("argv-string");

        assertAt(e, "argv-string", 9, 15, "stages[0].checks[0].argv");
        assertThat(e.fix()).contains("[sh, -c, 'sh run.sh']");
    }

    @Test
    void a_command_using_a_script_missing_from_the_pack_is_refused() {
        PackDefinitionException e = loading("missing-check-script");

        assertAt(e, "missing-check-script", 9, 20, "stages[0].checks[0].argv[1]");
        assertThat(e.problem()).contains("'checks/nope.sh' does not exist in the pack folder");
    }

    @Test
    void an_unknown_placeholder_in_a_command_is_refused() {
        PackDefinitionException e = loading("unknown-argv-placeholder");

        assertAt(e, "unknown-argv-placeholder", 9, 20, "stages[0].checks[0].argv[1]");
        assertThat(e.fix()).contains("{{pack_dir}}").contains("{{workspace}}");
    }

    @Test
    void a_duration_without_a_unit_shows_the_accepted_forms() {
        PackDefinitionException e = loading("bad-duration");

        assertAt(e, "bad-duration", 10, 18, "stages[0].checks[0].timeout");
        assertThat(e.problem()).contains("'30 seconds' is not a duration");
        assertThat(e.fix()).contains("45s, 30m, 2h or 1h30m");
    }

    @Test
    void two_stages_with_one_name_are_refused() {
        PackDefinitionException e = loading("duplicate-stage");

        assertAt(e, "duplicate-stage", 7, 11, "stages[1].name");
        assertThat(e.problem()).contains("already used by the stage at line 3");
    }

    @Test
    void a_bare_list_as_a_parameter_is_told_to_use_pick() {
        PackDefinitionException e = loading("bare-list-parameter");

        assertAt(e, "bare-list-parameter", 3, 10, "parameters.topic");
        assertThat(e.fix()).contains("topic: {pick: [...]}");
    }

    @Test
    void a_field_of_another_stage_kind_is_refused_with_the_fields_of_this_kind() {
        PackDefinitionException e = loading("field-of-other-kind");

        assertAt(e, "field-of-other-kind", 10, 5, "stages[1]");
        assertThat(e.problem()).isEqualTo("field 'outputs' does not apply to a review stage");
        assertThat(e.fix()).contains("name, kind, instructions, policy");
    }

    @Test
    void a_key_written_twice_is_refused() {
        PackDefinitionException e = loading("duplicate-key");

        assertAt(e, "duplicate-key", 7, 1, "");
        assertThat(e.problem()).isEqualTo("field 'name' is written twice (first at line 1)");
    }

    @Test
    void a_json_pointer_into_a_text_file_is_refused() {
        PackDefinitionException e = loading("pointer-into-text");

        assertAt(e, "pointer-into-text", 8, 15, "uniqueness.text_from[0]");
        assertThat(e.fix()).contains("drop the '#");
    }

    @Test
    void an_output_path_leaving_the_scenario_folder_is_refused() {
        PackDefinitionException e = loading("output-escapes");

        assertAt(e, "output-escapes", 6, 22, "stages[0].outputs[0].path");
        assertThat(e.problem()).contains("'..'");
    }

    @Test
    void an_empty_pack_file_is_named() {
        PackDefinitionException e = loading("empty-file");

        assertThat(e.file()).endsWith("empty-file/pack.yaml");
        assertThat(e.line()).isZero();
        assertThat(e.problem()).isEqualTo("the file is empty");
    }

    @Test
    void a_folder_without_pack_yaml_is_named(@TempDir Path empty) {
        PackDefinitionException e = catchThrowableOfType(PackDefinitionException.class,
                () -> new YamlPackLoader(Sandbox.unconfined()).load(empty));

        assertThat(e.file()).isEqualTo(empty.resolve("pack.yaml").toString());
        assertThat(e.problem()).contains("pack.yaml not found");
    }
}
