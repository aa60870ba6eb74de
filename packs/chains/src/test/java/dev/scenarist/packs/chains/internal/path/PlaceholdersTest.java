package dev.scenarist.packs.chains.internal.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    static final ObjectMapper JSON = new ObjectMapper();
    Captures captures;

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @BeforeEach
    void twoStepsAnswered() throws Exception {
        captures = new Captures();
        captures.add("step_01_inventory", json("{\"session_id\":\"s-1\",\"entries\":[{\"item\":\"CB-20\",\"on_hand\":15},{\"item\":\"PL-SS\"}],\"result_set_id\":\"rs-1\"}"),
                json("{\"semantic_memory\":{\"active_result_set_id\":\"rs-1\",\"selected_item\":null}}"));
        captures.add("step_02_select", json("{\"session_id\":\"s-1\",\"item\":\"CB-20\",\"reply\":\"\"}"),
                json("{\"semantic_memory\":{\"active_result_set_id\":\"rs-1\",\"selected_item\":\"CB-20\"}}"));
    }

    @Test
    void aStepPathWithIndexesReadsThatStepsResponse() throws Exception {
        var r = Placeholders.resolve("How many {{step_01_inventory.entries[0].item}} (we had {{ step_01_inventory.entries[0].on_hand }})?", captures);

        assertThat(r.text()).isEqualTo("How many CB-20 (we had 15)?");
        assertThat(r.resolutions()).extracting(Placeholders.Resolution::value).containsExactly("CB-20", "15");
    }

    @Test
    void semanticMemoryReadsTheLatestSessionAndAStepsSessionCanBeNamed() throws Exception {
        assertThat(Placeholders.resolve("{{semantic_memory.selected_item}}", captures).text()).isEqualTo("CB-20");
        assertThat(Placeholders.resolve("{{step_01_inventory.session.semantic_memory.active_result_set_id}}", captures).text()).isEqualTo("rs-1");
        assertThat(Placeholders.resolve("{{response.item}}", captures).text()).isEqualTo("CB-20");
    }

    @Test
    void anIndexPastTheEndIsAnErrorNamingThePlaceholderAndTheListSize() {
        assertThatThrownBy(() -> Placeholders.resolve("{{step_01_inventory.entries[5].item}}", captures))
                .isInstanceOf(Placeholders.UnresolvedPlaceholder.class)
                .hasMessage("placeholder {{step_01_inventory.entries[5].item}} cannot be resolved: 'entries' has 2 item(s), no [5]");
    }

    @Test
    void aMissingFieldNamesTheFieldsThatAreThere() {
        assertThatThrownBy(() -> Placeholders.resolve("{{step_02_select.ordered_on}}", captures))
                .hasMessageContaining("no field 'ordered_on' in the document (it has: session_id, item, reply)");
    }

    @Test
    void nullAndEmptyValuesAreErrorsNeverAnEmptyString() throws Exception {
        captures.add("step_03", json("{\"session_id\":\"s-1\",\"reply\":\"\"}"), json("{\"semantic_memory\":{\"selected_item\":null}}"));

        assertThatThrownBy(() -> Placeholders.resolve("{{semantic_memory.selected_item}}", captures)).hasMessageContaining("its value is null");
        assertThatThrownBy(() -> Placeholders.resolve("{{step_03.reply}}", captures)).hasMessageContaining("its value is an empty string");
    }

    @Test
    void aStepNotAnsweredYetIsNamedWithTheStepsThatWere() {
        assertThatThrownBy(() -> Placeholders.resolve("{{step_09_later.item}}", captures))
                .hasMessageContaining("no answered step 'step_09_later' before this one (answered so far: step_01_inventory, step_02_select)");
    }

    @Test
    void beforeAnyAnswerTheSessionHasNothing() {
        assertThatThrownBy(() -> Placeholders.resolve("{{semantic_memory.active_result_set_id}}", new Captures()))
                .hasMessageContaining("nothing has been captured yet");
    }
}
