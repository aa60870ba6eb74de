package dev.scenarist.models.internal.claudecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaudeCodeInvocationTest {
    static final Path WS = Path.of("/srv/scenarist/runs/r-17/ws");

    @Test
    void aReadOnlyStageMayReadAndSearchAndIsDeniedEditingShellAndNetworkTools() {
        var inv = ClaudeCodeInvocation.readOnly(WS);
        assertThat(inv.isReadOnly()).isTrue();
        assertThat(inv.allowedTools()).containsExactly("Read", "Grep", "Glob");
        assertThat(inv.disallowedTools()).containsExactly("Edit", "Write", "NotebookEdit", "Bash", "WebFetch", "WebSearch", "Task");
    }

    @Test
    void anEditingStageGetsOneAbsoluteEditRulePerFileAndNoBareEditDenyThatWouldOverrideIt() {
        var inv = ClaudeCodeInvocation.editing(WS, List.of("scenario.py#events", "scenario.py#validate", "data/apps.json"));
        assertThat(inv.editableFiles()).containsExactly("scenario.py", "data/apps.json");
        assertThat(inv.allowedTools()).containsExactly("Read", "Grep", "Glob",
                "Edit(//srv/scenarist/runs/r-17/ws/scenario.py)", "Edit(//srv/scenarist/runs/r-17/ws/data/apps.json)");
        assertThat(inv.disallowedTools()).containsExactly("Bash", "WebFetch", "WebSearch", "Task").doesNotContain("Edit", "Write");
    }

    @Test
    void aFolderEntryBecomesOneRuleForEveryFileUnderIt() {
        var inv = ClaudeCodeInvocation.editing(Path.of("/w/ws"), List.of("initialization/n8n/"));
        assertThat(inv.allowedTools()).contains("Edit(//w/ws/initialization/n8n/**)");
    }

    @Test
    void forStageIsReadOnlyWithoutEditableFiles() {
        assertThat(ClaudeCodeInvocation.forStage(WS, List.of())).isEqualTo(ClaudeCodeInvocation.readOnly(WS));
        assertThat(ClaudeCodeInvocation.forStage(WS, List.of("a.py")).isReadOnly()).isFalse();
    }

    @Test
    void editableFilesMustStayInsideTheWorkspaceAndBeExpressibleAsRules() {
        assertThatThrownBy(() -> ClaudeCodeInvocation.editing(WS, List.of("../other/x.py"))).hasMessageContaining("'..'");
        assertThatThrownBy(() -> ClaudeCodeInvocation.editing(WS, List.of("/etc/passwd"))).hasMessageContaining("absolute");
        assertThatThrownBy(() -> ClaudeCodeInvocation.editing(WS, List.of("a,b.py"))).hasMessageContaining("','");
        assertThatThrownBy(() -> ClaudeCodeInvocation.editing(WS, List.of("*.py"))).hasMessageContaining("'*'");
        assertThatThrownBy(() -> ClaudeCodeInvocation.editing(WS, List.of())).hasMessageContaining("readOnly()");
    }

    @Test
    void aRuleWithACommaCannotBePassedInTheCommaSeparatedList() {
        assertThatThrownBy(() -> new ClaudeCodeInvocation(WS, List.of(), List.of("Bash(a,b)"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comma");
    }

    @Test
    void theAnswerRulesSayTheEngineOwnsTheFilesAndNameTheEditableOnes() {
        String rules = ClaudeCodeCommand.answerRules(ClaudeCodeInvocation.editing(WS, List.of("scenario.py")));
        assertThat(rules).contains("edit only: scenario.py").contains("not kept").contains("complete")
                .doesNotContain(WS.toString());
    }
}
