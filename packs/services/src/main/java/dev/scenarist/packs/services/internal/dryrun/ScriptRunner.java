package dev.scenarist.packs.services.internal.dryrun;

import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxRequest;
import dev.scenarist.sandbox.SandboxResult;
import dev.scenarist.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a script of the scenario ({@code deployment/startup.sh}, {@code test.sh}) with bash in the sandbox: no network,
 * writes only in the scratch copy (its private {@code /tmp} is thrown away), the task's timeout, and the dry-run's
 * environment ({@code DRY_RUN=1}, {@code SCENARIO_DIR}, {@code <RESOURCE>_PORT}).
 *
 * <p>Why a trace: a failing command such as {@code cat config/missing.json} says what failed but not where. Bash reads
 * the file named by {@code BASH_ENV} before the script, and the one we give it turns on {@code xtrace} into a trace file
 * of its own (not the script's stderr), each line prefixed with {@code file:line}; the last traced line of a failed
 * script is where it stopped.
 */
final class ScriptRunner {
    static final String TRACE_DIR = ".deploy/.trace";
    private static final String BASH_ENV_FILE = TRACE_DIR + "/bash_env";
    private static final Pattern TRACE_LINE = Pattern.compile("^\\++([^:\\s][^:]*):(\\d+): ");
    private static final int MAX_OUTPUT_BYTES = 256 * 1024;

    private final Sandbox sandbox;
    private final Path scratch;
    private final Map<String, String> environment;
    private int runs;

    /**
     * @param environment the dry-run's variables ({@code DRY_RUN}, {@code SCENARIO_DIR}, ports), added to the sandbox's
     *                    minimal defaults
     */
    ScriptRunner(Sandbox sandbox, Path scratch, Map<String, String> environment) {
        this.sandbox = sandbox;
        this.scratch = scratch;
        this.environment = Map.copyOf(environment);
    }

    /** Runs {@code bash file args...} with the scratch copy as working folder and returns what happened. */
    TaskOutcome run(TaskOutcome.Step step, String file, List<String> args, Duration timeout)
            throws SandboxUnavailableException, InterruptedException {
        String trace = TRACE_DIR + "/" + (++runs) + ".log";
        writeBashEnv();
        List<String> argv = new ArrayList<>(List.of("bash", file));
        argv.addAll(args);
        SandboxRequest.Builder request = SandboxRequest.builder(scratch, argv).timeout(timeout).maxOutputBytes(MAX_OUTPUT_BYTES);
        environment.forEach(request::env);
        request.env("BASH_ENV", scratch.resolve(BASH_ENV_FILE).toString()).env("DRY_RUN_TRACE", scratch.resolve(trace).toString());
        SandboxResult result = sandbox.run(request.build());
        TaskOutcome.Output output = new TaskOutcome.Output(OutputFindings.relativize(result.stdout().text(), scratch),
                OutputFindings.relativize(result.stderr().text(), scratch));
        String stoppedAt = lastTracedLine(trace).orElse(file);
        String fix = "run it with DRY_RUN=1 from the scenario folder to reproduce";
        return switch (result) {
            case SandboxResult.Exited e when e.succeeded() -> TaskOutcome.done(step, file + " exited with 0", output);
            case SandboxResult.Exited e -> {
                String what = file + " exited with " + e.exitCode();
                List<Finding> found = OutputFindings.from(result.stderr().text(), "SCRIPT", what, scratch, stoppedAt, fix);
                if (found.isEmpty()) {
                    String tail = result.stderr().tail(400).isEmpty() ? result.stdout().tail(400) : result.stderr().tail(400);
                    found = List.of(Finding.error(ErrorClass.CONFIGURATION.code("SCRIPT"), what + " (last output: "
                            + OutputFindings.relativize(tail, scratch) + ")", stoppedAt, OutputFindings.advice(ErrorClass.CONFIGURATION) + "; " + fix));
                }
                yield TaskOutcome.failed(step, what + " at " + stoppedAt, found, output);
            }
            case SandboxResult.TimedOut t -> TaskOutcome.failed(step, file + " timed out", List.of(Finding.error(
                    ErrorClass.CONFIGURATION.code("SCRIPT_TIMEOUT"), file + " was still running after its timeout of " + timeout.toSeconds()
                            + " s and was stopped (last traced line " + stoppedAt + ")", stoppedAt,
                    "with DRY_RUN=1 print each action instead of performing it; never wait for a service or sleep in a dry-run")), output);
            case SandboxResult.LimitExceeded l -> TaskOutcome.failed(step, file + " hit a sandbox limit", List.of(Finding.error(
                    ErrorClass.CONFIGURATION.code("SCRIPT_LIMIT"), file + " was stopped: " + l.describe(), stoppedAt,
                    "with DRY_RUN=1 the script should only check files and print what it would do")), output);
        };
    }

    private void writeBashEnv() {
        Path env = scratch.resolve(BASH_ENV_FILE);
        try {
            Files.createDirectories(env.getParent());
            // fd 9 keeps the trace apart from the script's own stderr; PS4 names the file and line of each command
            Files.writeString(env, """
                    exec 9>>"$DRY_RUN_TRACE"
                    BASH_XTRACEFD=9
                    PS4='+${BASH_SOURCE[0]:-?}:${LINENO}: '
                    set -x
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the dry-run's bash environment in " + env, e);
        }
    }

    /** The {@code file:line} of the last command the trace shows in a file of the scenario. */
    private Optional<String> lastTracedLine(String trace) {
        Path log = scratch.resolve(trace);
        if (!Files.isRegularFile(log)) return Optional.empty();
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = TRACE_LINE.matcher(lines.get(i));
            if (!m.find()) continue;
            String file = OutputFindings.relativize(m.group(1), scratch);
            if (file.startsWith("./")) file = file.substring(2);
            if (!file.startsWith("/") && !file.startsWith(TRACE_DIR) && Files.isRegularFile(scratch.resolve(file))) {
                return Optional.of(file + ":" + m.group(2));
            }
        }
        return Optional.empty();
    }
}
