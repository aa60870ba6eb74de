package dev.scenarist.server.pages.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileVersionsTest {
    @TempDir
    Path run;

    @Test
    void aFailedAttemptIsRebuiltFromTheLastPassedStageAndItsReplyAndComparedWithTheRetry() throws Exception {
        Files.createDirectories(run.resolve("snapshots/01-plan"));
        Files.writeString(run.resolve("snapshots/01-plan/plan.md"), "the plan\n");
        Files.createDirectories(run.resolve("snapshots/02-code"));
        Files.writeString(run.resolve("snapshots/02-code/plan.md"), "the plan\n");
        Files.writeString(run.resolve("snapshots/02-code/main.py"), "print(2)\n");
        List<Step> steps = List.of(
                attempt(1, "plan", 1, "passed", Optional.of("snapshots/01-plan"), "", List.of("plan.md")),
                attempt(2, "code", 1, "failed", Optional.empty(), "Here:\n<file path=\"main.py\">\nprint(1)\n</file>\n<file path=\"plan.md\">\nhijacked\n</file>",
                        List.of("main.py")),
                attempt(3, "code", 2, "passed", Optional.of("snapshots/02-code"), "", List.of("main.py")));
        FileVersions v = new FileVersions(run, steps);

        assertThat(v.find(2).orElseThrow().files()).containsEntry("plan.md", "the plan\n").containsEntry("main.py", "print(1)\n");
        assertThat(v.find(2).orElseThrow().rebuilt()).isTrue();
        assertThat(v.find(2).orElseThrow().previous()).contains(1);
        assertThat(v.find(3).orElseThrow().previous()).contains(2);
        assertThat(v.find(3).orElseThrow().files()).containsEntry("main.py", "print(2)\n");
        assertThat(v.find(1).orElseThrow().previous()).isEmpty();
    }

    @Test
    void aSnapshotPathOutsideTheRunsSnapshotsIsNotRead() throws Exception {
        Files.createDirectories(run.resolve("secret"));
        Files.writeString(run.resolve("secret/key"), "do not show\n");
        FileVersions v = new FileVersions(run, List.of(attempt(1, "plan", 1, "passed", Optional.of("snapshots/../secret"), "", List.of())));
        assertThat(v.find(1).orElseThrow().files()).isEmpty();
    }

    @Test
    void fencedFileBlocksAreUnfenced() {
        assertThat(FileVersions.replyFiles("<file path=\"a.json\">\n```json\n{\"x\": 1}\n```\n</file>")).containsEntry("a.json", "{\"x\": 1}\n");
    }

    private static Step attempt(int seq, String stage, int n, String verdict, Optional<String> snapshot, String reply, List<String> written) {
        var line = new java.util.LinkedHashMap<String, Object>(Map.of("type", "attempt", "seq", seq, "stage", stage, "stage_attempt", n, "verdict", verdict,
                "reply", reply, "files_written", written));
        snapshot.ifPresent(s -> line.put("snapshot", s));
        return new Step(line);
    }
}
