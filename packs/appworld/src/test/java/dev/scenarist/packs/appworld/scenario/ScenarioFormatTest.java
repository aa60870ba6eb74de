package dev.scenarist.packs.appworld.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioFormatTest {
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Schema schema = registry.getSchema(ScenarioSchema.text(), InputFormat.JSON);
    private final ScenarioReader reader = new ScenarioReader();

    @Test
    void the_shipped_schema_is_a_valid_draft_2020_12_schema() {
        Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(ScenarioSchema.text(), InputFormat.JSON)).isEmpty();
        assertThat(ScenarioSchema.text()).contains(ScenarioSchema.ID);
    }

    @Test
    void every_valid_example_and_every_check_level_broken_variant_validates_against_the_schema_and_reads() {
        List<Path> files = new ArrayList<>(ScenarioFiles.in("valid"));
        files.addAll(ScenarioFiles.in("broken"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        for (Path p : files) {
            String text = ScenarioFiles.text(p);
            assertThat(schema.validate(text, InputFormat.JSON)).as(p.toString()).isEmpty();
            assertThat(reader.read(text).id()).as(p.toString()).isNotBlank();
        }
    }

    @Test
    void every_refused_document_is_refused_by_both_the_schema_and_the_reader_with_a_path_and_a_fix() {
        List<Path> files = ScenarioFiles.in("refused");
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        for (Path p : files) {
            String text = ScenarioFiles.text(p);
            assertThat(schema.validate(text, InputFormat.JSON)).as("schema refuses " + p).isNotEmpty();
            assertThatThrownBy(() -> reader.read(text)).as("reader refuses " + p).isInstanceOfSatisfying(ScenarioFormatException.class, e -> {
                assertThat(e.path()).startsWith("$");
                assertThat(e.fix()).isNotBlank();
                assertThat(e.toFinding().location()).isEqualTo(e.path());
            });
        }
    }

    @Test
    void a_misspelt_field_is_named_by_its_json_path_with_a_suggestion() {
        String text = ScenarioFiles.text(ScenarioFiles.ROOT.resolve("refused/misspelt-event-field.json"));
        assertThatThrownBy(() -> reader.read(text)).isInstanceOfSatisfying(ScenarioFormatException.class, e -> {
            assertThat(e.path()).isEqualTo("$.events[2].delay");
            assertThat(e.getMessage()).contains("unknown field").contains("delay_seconds");
        });
    }

    @Test
    void an_env_event_with_a_proposal_body_says_which_kind_to_use() {
        String text = ScenarioFiles.text(ScenarioFiles.ROOT.resolve("refused/env-with-proposal.json"));
        assertThatThrownBy(() -> reader.read(text)).isInstanceOfSatisfying(ScenarioFormatException.class, e -> {
            assertThat(e.path()).isEqualTo("$.events[0].proposal");
            assertThat(e.fix()).contains("oracle");
        });
    }

    @Test
    void the_reader_maps_each_event_kind_to_its_own_record() {
        Scenario s = ScenarioFiles.read("valid", "rejected-move-reply");
        assertThat(s.event("request").orElseThrow().action()).isInstanceOf(EventAction.Trigger.class);
        assertThat(s.event("propose_move").orElseThrow().action()).isEqualTo(new EventAction.Proposal(
                "Tom asks to move tomorrow's 1:1 from 10:00 to 11:00. Shall I move it?", "request"));
        assertThat(s.event("reject").orElseThrow().action()).isEqualTo(new EventAction.UserReply(EventAction.Answer.REJECT,
                "No, I'm at the dentist at 11. Keep it at 10."));
        assertThat(s.event("reply").orElseThrow().action()).isInstanceOf(EventAction.AgentAction.class);
        assertThat(s.event("nudge").orElseThrow().condition()).isPresent();
        assertThat(s.event("nudge").orElseThrow().kind()).isEqualTo(EventKind.ENV);
        assertThat(s.description().persona()).isPresent();
        assertThat(s.validation().goals()).extracting(Validation.Goal::id).containsExactly("tom_answered", "meeting_kept", "proposed_before_acting");
    }

    @Test
    void writing_what_was_read_is_byte_stable_and_reads_back_equal() {
        ScenarioWriter writer = new ScenarioWriter();
        for (Path p : ScenarioFiles.in("valid")) {
            Scenario s = reader.read(ScenarioFiles.text(p));
            String once = writer.write(s);
            Scenario again = reader.read(once);
            assertThat(writer.write(again)).isEqualTo(once);
            assertThat(again.events()).isEqualTo(s.events());
            assertThat(again.validation()).isEqualTo(s.validation());
            assertThat(again.apps()).isEqualTo(s.apps());
            assertThat(schema.validate(once, InputFormat.JSON)).isEmpty();
        }
    }

    @Test
    void the_writer_puts_sections_in_pipeline_order_and_sorts_free_json_keys() throws Exception {
        Scenario s = ScenarioFiles.read("valid", "invitation-reply");
        ObjectNode o = new ScenarioWriter().toJson(s);
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "title", "description", "start_time", "persona", "apps", "events", "validation");
        List<String> argKeys = new ArrayList<>();
        o.get("events").get(3).get("action").get("args").fieldNames().forEachRemaining(argKeys::add);
        assertThat(argKeys).isSorted();
        List<String> eventKeys = new ArrayList<>();
        o.get("events").get(1).fieldNames().forEachRemaining(eventKeys::add);
        assertThat(eventKeys).containsExactly("id", "kind", "depends_on", "delay_seconds", "proposal");
        assertThat(new ObjectMapper().readTree(new ScenarioWriter().write(s)).toString()).isEqualTo(o.toString());
    }

    @Test
    void one_section_can_be_replaced_without_touching_the_others() {
        Scenario s = ScenarioFiles.read("valid", "invitation-reply");
        Scenario other = ScenarioFiles.read("valid", "cancelled-meeting-reminder");
        Scenario swapped = s.withValidation(other.validation());
        assertThat(swapped.events()).isEqualTo(s.events());
        assertThat(swapped.apps()).isEqualTo(s.apps());
        assertThat(swapped.validation()).isEqualTo(other.validation());
        assertThat(Section.EVENTS.fields()).containsExactly("events");
        assertThat(java.util.Arrays.stream(Section.values()).flatMap(x -> x.fields().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(List.of("id", "title", "description", "start_time", "persona", "core_apps", "apps", "events", "validation"));
    }
}
