package dev.scenarist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --approve-after}, {@code approve RUN [--override|--reject]} and {@code review}, as a person types them. */
class ApproveReviewCliTest {
    @TempDir
    Path tmp;

    private CliRun cli(String... args) {
        return CliRun.in(tmp.resolve("data"), Map.of("USER", "alice"), args);
    }

    private String pausedRun(String... extra) {
        var args = new java.util.ArrayList<>(List.of("--json", "generate", "--pack", "sql-quiz", "--count", "1", "--approve-after", "describe"));
        args.addAll(List.of(extra));
        var gen = cli(args.toArray(String[]::new));
        assertThat(gen.code()).as("short of its count while it waits").isEqualTo(1);
        assertThat(gen.json().get("status")).isEqualTo("awaiting_approval");
        assertThat(gen.err()).contains("waits for approval");
        var runs = cli("--json", "runs", "--campaign", (String) gen.json().get("campaign_id"));
        Map<?, ?> run = (Map<?, ?>) ((List<?>) runs.json().get("runs")).getFirst();
        assertThat(run.get("state")).isEqualTo("paused");
        return (String) run.get("run_id");
    }

    @Test
    void anUnknownGateStageIsAUsageErrorWithTheClosestStage() {
        var r = cli("generate", "--pack", "sql-quiz", "--count", "1", "--approve-after", "querys");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--approve-after: pack 'sql-quiz' has no stage 'querys'").contains("did you mean 'queries'?");
        assertThat(tmp.resolve("data/runs")).doesNotExist();
    }

    @Test
    void approveOverridesAFileReChecksItAndContinuesTheRunWhichUsesTheEdit() throws Exception {
        String run = pausedRun();
        Path item = tmp.resolve("item.json");
        String original = Files.readString(tmp.resolve("data/runs").resolve(run).resolve("workspace/item.json"));
        Files.writeString(item, original.replaceFirst("\"title\"\\s*:\\s*\"", "\"title\": \"Edited: "));

        var check = cli("approve", run, "--override", "item.json=" + item, "--check-only");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("overrode item.json (+1 -1 lines)").contains("re-checked stage 'describe': passed");

        var done = cli("--json", "approve", run);
        assertThat(done.code()).as(done.err()).isZero();
        assertThat(done.json().get("state")).isEqualTo("accepted");
        var show = cli("--json", "review");
        Map<?, ?> queued = (Map<?, ?>) ((List<?>) show.json().get("items")).getFirst();
        String scenario = (String) queued.get("scenario_id");
        assertThat((String) queued.get("title")).startsWith("Edited: ");
        assertThat(Files.readAllLines(tmp.resolve("data/runs").resolve(run).resolve("steps.jsonl")))
                .anyMatch(l -> l.contains("\"action\":\"approve\"") && l.contains("\"who\":\"cli:alice\""));

        var approved = cli("--json", "review", "approve", scenario);
        assertThat(approved.code()).as(approved.err()).isZero();
        assertThat(Path.of((String) approved.json().get("path"))).startsWith(tmp.resolve("data/datasets/sql-quiz")).exists();
        var again = cli("review", "reject", scenario, "--reason", "too late");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("was already approved by cli:alice");
        assertThat(cli("review").out()).contains("the review queue is empty");
    }

    @Test
    void approveWithRejectEndsTheRunWithTheReason() {
        String run = pausedRun();

        var r = cli("approve", run, "--reject", "off topic");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("rejected — rejected by a person: off topic");
        assertThat(cli("approve", run).err()).contains("is rejected, not paused");
    }
}
