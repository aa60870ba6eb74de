package dev.scenarist.packs.services.internal.check;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxRequest;
import dev.scenarist.sandbox.SandboxResult;
import dev.scenarist.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a checking tool ({@code bash -n}, {@code shellcheck}) over the scenario's scripts in the sandbox, with the
 * scenario folder as working directory so the tools name files by their relative paths. The scripts are written by a
 * model, and even a parser is better run confined.
 */
final class ScriptRunner {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What running the tool gave: its output, or why it could not be judged. */
    sealed interface Outcome {
        record Ran(int exitCode, String stdout, String stderr) implements Outcome {}

        /** The check cannot judge: {@code result} is the {@link CheckResult.Errored} to return. */
        record NotJudged(CheckResult result) implements Outcome {}
    }

    private final Sandbox sandbox;

    ScriptRunner(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * @param tool    the tool's name for messages and the missing-tool fix ({@code shellcheck})
     * @param debianPackage the package that provides it
     */
    Outcome run(Path scenario, List<String> argv, String tool, String debianPackage) throws InterruptedException {
        Path workDir;
        try {
            workDir = scenario.toRealPath(); // the sandbox binds real paths
        } catch (IOException e) {
            return new Outcome.NotJudged(CheckResult.errored("cannot open the scenario folder " + scenario + ": " + e.getMessage()));
        }
        SandboxRequest request = SandboxRequest.builder(workDir, argv).timeout(TIMEOUT).build();
        SandboxResult result;
        try {
            result = sandbox.run(request);
        } catch (SandboxUnavailableException e) {
            return new Outcome.NotJudged(CheckResult.unavailable(tool + " could not run: the sandbox is unavailable: " + e.getMessage()));
        }
        return switch (result) {
            case SandboxResult.Exited e when e.exitCode() == 126 || e.exitCode() == 127 -> new Outcome.NotJudged(CheckResult.unavailable(
                    tool + " is not installed (or not executable) on this machine: " + e.stderr().tail(300)
                            + " (fix: apt-get install " + debianPackage + ")"));
            case SandboxResult.Exited e -> new Outcome.Ran(e.exitCode(), e.stdout().text(), e.stderr().text());
            // a parser that hangs or bursts a limit on a few scripts says nothing about them: try again later
            case SandboxResult.TimedOut t -> new Outcome.NotJudged(CheckResult.errored(tool + " timed out after " + TIMEOUT.toSeconds()
                    + " s on the scenario's scripts"));
            case SandboxResult.LimitExceeded l -> new Outcome.NotJudged(CheckResult.errored(tool + " was stopped: " + l.describe()));
        };
    }
}
