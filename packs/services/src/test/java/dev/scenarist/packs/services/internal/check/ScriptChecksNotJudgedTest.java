package dev.scenarist.packs.services.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.pack.Check;
import dev.scenarist.sandbox.CapturedOutput;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxRequest;
import dev.scenarist.sandbox.SandboxResult;
import dev.scenarist.sandbox.SandboxUnavailableException;
import dev.scenarist.sandbox.testing.ThisMachine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script check that cannot run is not judged (permanently, with the fix), never passed and never a bad scenario. */
class ScriptChecksNotJudgedTest {
    @TempDir
    Path tmp;

    /** A sandbox that cannot start anything. */
    private static final Sandbox NO_SANDBOX = new Sandbox() {
        @Override
        public SandboxResult run(SandboxRequest request) throws SandboxUnavailableException {
            throw new SandboxUnavailableException("bwrap is not installed (fix: apt-get install bubblewrap)");
        }

        @Override
        public boolean confined() {
            return true;
        }
    };

    /** A sandbox on a machine without the tool: the shell's "command not found". */
    private static final Sandbox NO_TOOL = new Sandbox() {
        @Override
        public SandboxResult run(SandboxRequest request) {
            return new SandboxResult.Exited(127, CapturedOutput.EMPTY,
                    new CapturedOutput(request.argv().getFirst() + ": command not found", 30, false), Duration.ZERO, true);
        }

        @Override
        public boolean confined() {
            return true;
        }
    };

    @Test
    void without_a_sandbox_both_script_checks_are_unavailable() throws InterruptedException {
        var s = ExampleScenario.copyInto(tmp);
        for (Check c : List.of(new BashSyntaxCheck(NO_SANDBOX), new ShellcheckCheck(NO_SANDBOX))) {
            CheckResult r = s.run(c);
            assertThat(r).as(c.name()).isInstanceOfSatisfying(CheckResult.Errored.class, e -> {
                assertThat(e.permanent()).isTrue();
                assertThat(e.message()).contains("sandbox", "apt-get install bubblewrap");
            });
        }
    }

    @Test
    void without_shellcheck_the_check_is_unavailable_and_says_how_to_install_it() throws InterruptedException {
        CheckResult r = ExampleScenario.copyInto(tmp).run(new ShellcheckCheck(NO_TOOL));
        assertThat(r).isInstanceOfSatisfying(CheckResult.Errored.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.message()).contains("shellcheck is not installed", "apt-get install shellcheck");
        });
    }

    @Test
    void a_shellcheckrc_in_the_scenario_does_not_switch_shellcheck_off() throws InterruptedException {
        var s = ExampleScenario.copyInto(tmp)
                .replace("test.sh", "if [ \"$DRY_RUN\" = \"1\" ]; then", "if [ \"$DRY_RUN\" > 0 ]; then");
        s.workspace.write(".shellcheckrc", "disable=all\n");
        CheckResult r = s.run(new ShellcheckCheck(ThisMachine.sandbox()));
        assertThat(r.findings()).extracting(f -> f.code()).containsExactly("SVC_SYNTAX_SHELLCHECK");
    }

    @Test
    void the_requirements_name_the_sandbox_bash_and_shellcheck_with_their_packages() {
        assertThat(StaticChecks.requirements()).extracting(dev.scenarist.core.pack.Requirement::component)
                .containsExactly("sandbox", "bash", "shellcheck");
        assertThat(StaticChecks.requirements()).filteredOn(q -> q instanceof dev.scenarist.core.pack.Requirement.Command)
                .extracting(q -> ((dev.scenarist.core.pack.Requirement.Command) q).debianPackage()).containsExactly("bash", "shellcheck");
    }
}
