package dev.scenarist.packs.yaml.internal.checks;

import dev.scenarist.sandbox.testing.ThisMachine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.sandbox.BubblewrapSandbox;
import dev.scenarist.sandbox.CapturedOutput;
import dev.scenarist.sandbox.LimitBreach;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxLimit;
import dev.scenarist.sandbox.SandboxRequest;
import dev.scenarist.sandbox.SandboxResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command checks in the real bubblewrap sandbox. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandCheckTest {
    @TempDir
    Path workspaceDir;
    @TempDir
    Path packDir;

    @BeforeEach
    void makeThePackReadableLikeARealOne() throws Exception {
        // JUnit makes it 700; as root the sandbox runs the command as an unprivileged uid that reads through "other"
        Files.setPosixFilePermissions(packDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void running_into_a_sandbox_limit_is_a_finding_naming_the_limit_and_the_measured_value() throws Exception {
        Sandbox overLimit = new Sandbox() {
            @Override
            public SandboxResult run(SandboxRequest request) {
                return new SandboxResult.LimitExceeded(new LimitBreach(SandboxLimit.WORKSPACE_FILES, 20_000, 20_001), CapturedOutput.EMPTY,
                        CapturedOutput.EMPTY, Duration.ofSeconds(1), true);
            }

            @Override
            public boolean confined() {
                return true;
            }
        };

        CheckResult r = run(overLimit, Duration.ofSeconds(10), List.of("sh", "-c", "make files"));

        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("SANDBOX_LIMIT");
            assertThat(f.isError()).isTrue();
            assertThat(f.message()).contains("the workspace holds 20 001 files, over the sandbox limit of 20 000");
        });
    }

    private CheckResult run(Duration timeout, String script) throws Exception {
        return run(ThisMachine.sandbox(), timeout, List.of("sh", "-c", script));
    }

    private CheckResult run(Sandbox sandbox, Duration timeout, List<String> argv) throws Exception {
        CommandCheck check = new CommandCheck("cmd", argv, timeout, 256L << 20, packDir, sandbox);
        Workspace ws = new Workspace(workspaceDir);
        return check.run(new CheckContext(new RunContext("r", "c", "p", 1, Map.of()), "stage-x", ws, Map.of(), null));
    }

    @Test
    void passes_when_the_command_exits_zero_and_prints_no_finding() throws Exception {
        assertThat(run(Duration.ofSeconds(10), "echo all good")).isInstanceOf(CheckResult.Passed.class);
    }

    @Test
    void finding_lines_become_findings_with_code_location_and_message() throws Exception {
        CheckResult r = run(Duration.ofSeconds(10), """
                echo 'checking...'
                echo 'FINDING SQL_ERROR seed.sql:12 near "VALUES": syntax error'
                echo 'WARNING EMPTY_TABLE - table x has no rows'
                exit 1""");

        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        assertThat(r.findings()).extracting(Finding::code, Finding::location, Finding::message).containsExactly(
                tuple("SQL_ERROR", "seed.sql:12", "near \"VALUES\": syntax error"),
                tuple("EMPTY_TABLE", "", "table x has no rows"));
    }

    @Test
    void a_nonzero_exit_without_finding_lines_quotes_the_end_of_stderr() throws Exception {
        CheckResult r = run(Duration.ofSeconds(10), "i=0; while [ $i -lt 300 ]; do echo noise $i >&2; i=$((i+1)); done; echo 'Error: the real cause' >&2; exit 3");

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("COMMAND_FAILED");
            assertThat(f.message()).contains("exited with 3").endsWith("Error: the real cause").doesNotContain("noise 1\n");
        });
    }

    @Test
    void running_out_of_time_is_a_finding_against_the_scenario() throws Exception {
        CheckResult r = run(Duration.ofMillis(700), "echo started; sleep 30");

        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("COMMAND_TIMEOUT");
            assertThat(f.message()).contains("timed out after 700ms").contains("last output: started");
        });
    }

    @Test
    void the_workspace_is_the_working_directory_and_the_pack_folder_is_read_only() throws Exception {
        Files.writeString(packDir.resolve("rules.txt"), "no dots\n");
        CheckResult r = run(ThisMachine.sandbox(), Duration.ofSeconds(10), List.of("sh", "-c",
                "cat {{pack_dir}}/rules.txt > copied.txt && [ \"$(pwd)\" = {{workspace}} ] && echo $SCENARIST_STAGE > stage.txt"
                        + " && ! touch {{pack_dir}}/new.txt 2>/dev/null"));

        assertThat(r).as("%s", r).isInstanceOf(CheckResult.Passed.class);
        assertThat(workspaceDir.resolve("copied.txt")).hasContent("no dots");
        assertThat(workspaceDir.resolve("stage.txt")).hasContent("stage-x");
        assertThat(packDir.resolve("new.txt")).doesNotExist();
    }

    @Test
    void a_missing_program_is_an_infrastructure_error_not_a_bad_scenario() throws Exception {
        CheckResult r = run(ThisMachine.sandbox(), Duration.ofSeconds(10), List.of("no-such-tool-xyz", "--version"));

        assertThat(r).isInstanceOfSatisfying(CheckResult.Errored.class, e -> {
            assertThat(e.message()).contains("exit 127");
            assertThat(e.permanent()).as("a program that is not installed does not appear by retrying").isTrue();
        });
    }

    @Test
    void a_sandbox_that_cannot_start_makes_the_check_errored_with_the_fix() throws Exception {
        Sandbox missing = new BubblewrapSandbox(Optional.empty(), Optional.of(Path.of("/usr/bin/prlimit")), ThisMachine.TMP_DIR, ThisMachine.ROOT);

        CheckResult r = run(missing, Duration.ofSeconds(5), List.of("true"));

        assertThat(r).isInstanceOfSatisfying(CheckResult.Errored.class, e -> {
            assertThat(e.message()).contains("apt-get install bubblewrap");
            assertThat(e.permanent()).as("SandboxUnavailableException is never retried as transient").isTrue();
        });
    }

    @Test
    void a_malformed_finding_line_still_fails_the_check() throws Exception {
        CheckResult r = run(Duration.ofSeconds(10), "echo 'FINDING something is off'");

        assertThat(r).isInstanceOf(CheckResult.Failed.class);
        assertThat(r.findings()).extracting(Finding::code).containsExactly("CHECK_OUTPUT");
    }
}
