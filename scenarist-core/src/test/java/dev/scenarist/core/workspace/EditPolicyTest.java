package dev.scenarist.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditPolicyTest {
    @TempDir
    Path dir;

    static final String SCENARIO = """
            class Scenario:
                # scenarist:begin events
                events = []
                # scenarist:end events
                def validate(self): return True
            """;

    @Test
    void filesOutsideTheEditableListAreRevertedWithAFinding() {
        var ws = new Workspace(dir);
        var d = new EditPolicy(List.of("a.txt")).decide(new TreeMap<>(java.util.Map.of("a.txt", "1", "b.txt", "2")), ws);
        assertThat(d.allowed()).containsOnlyKeys("a.txt");
        assertThat(d.violations()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("EDIT_OUTSIDE_POLICY");
            assertThat(f.location()).isEqualTo("b.txt");
            assertThat(f.hint()).contains("a.txt");
        });
    }

    @Test
    void aFolderEntryAllowsAnyFileUnderItAndNothingBesideIt() {
        var ws = new Workspace(dir);
        var policy = new EditPolicy(List.of("service.json", "flows/"));
        var d = policy.decide(new TreeMap<>(java.util.Map.of("flows/intake.json", "{}", "flows/sub/reminders.json", "{}",
                "flows.json", "{}", "service.json", "{}")), ws);
        assertThat(d.allowed()).containsOnlyKeys("flows/intake.json", "flows/sub/reminders.json", "service.json");
        assertThat(d.violations()).singleElement().satisfies(f -> assertThat(f.location()).isEqualTo("flows.json"));
        assertThat(policy.allows("flows/a.json")).isTrue();
        assertThat(policy.allows("flows/")).isFalse();
        assertThat(policy.describe()).contains("any file under flows/");
    }

    @Test
    void anEditInsideTheAllowedRegionPasses() {
        var ws = new Workspace(dir);
        ws.write("scenario.py", SCENARIO);
        String edited = SCENARIO.replace("events = []", "events = [Send('hi'), Wait(3)]\n    extra = 1");
        var d = new EditPolicy(List.of("scenario.py#events")).decide(new TreeMap<>(java.util.Map.of("scenario.py", edited)), ws);
        assertThat(d.violations()).isEmpty();
        assertThat(d.allowed()).containsKey("scenario.py");
    }

    @Test
    void anEditOutsideTheRegionIsRevertedAndTheFirstChangedLineNamed() {
        var ws = new Workspace(dir);
        ws.write("scenario.py", SCENARIO);
        String edited = SCENARIO.replace("return True", "return False");
        var d = new EditPolicy(List.of("scenario.py#events")).decide(new TreeMap<>(java.util.Map.of("scenario.py", edited)), ws);
        assertThat(d.allowed()).isEmpty();
        assertThat(d.violations()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("EDIT_OUTSIDE_REGION");
            assertThat(f.location()).isEqualTo("scenario.py:5");
        });
    }
}
