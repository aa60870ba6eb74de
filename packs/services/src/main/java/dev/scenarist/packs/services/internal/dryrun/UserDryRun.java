package dev.scenarist.packs.services.internal.dryrun;

import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxRequest;
import dev.scenarist.sandbox.SandboxResult;
import dev.scenarist.sandbox.SandboxUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user's own dry-run command ({@code --option dry_run=COMMAND}, e.g. {@code /opt/vrooli/scripts/scenario-to-app.sh --dry-run}),
 * run instead of the built-in dry-run: through bash, in the sandbox (no network, writes only in the scratch copy), with
 * the scratch folder as working folder and as its last argument. It runs confined because it reads files a model wrote.
 * Absolute paths in the command are made readable inside the sandbox (their folder, read-only), so a tool installed
 * outside {@code /usr} can be named by its path. Exit 0 passes; any other exit turns the lines of its output that read
 * as errors into findings, classified like a script's.
 */
final class UserDryRun {
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Sandbox sandbox;
    private final String command;

    UserDryRun(Sandbox sandbox, String command) {
        this.sandbox = sandbox;
        this.command = command;
    }

    DryRunReport run(Path scratch, Map<String, String> environment) throws SandboxUnavailableException, InterruptedException {
        // "$1" is the scratch folder: bash -c CMD NAME ARG sets $0 = NAME and $1 = ARG
        SandboxRequest.Builder request = SandboxRequest.builder(scratch, "bash", "-c", command + " \"$1\"", "dry-run", scratch.toString())
                .timeout(TIMEOUT).maxOutputBytes(512 * 1024);
        environment.forEach(request::env);
        toolFolders().forEach(request::readOnly);
        SandboxResult result = sandbox.run(request.build());
        TaskOutcome.Step step = new TaskOutcome.Step("dry-run command", command, "command");
        TaskOutcome.Output output = new TaskOutcome.Output(OutputFindings.relativize(result.stdout().text(), scratch),
                OutputFindings.relativize(result.stderr().text(), scratch));
        String fix = "run `" + command + " <scenario folder>` yourself to reproduce";
        TaskOutcome outcome = switch (result) {
            case SandboxResult.Exited e when e.succeeded() -> TaskOutcome.done(step, "exited with 0", output);
            case SandboxResult.Exited e -> {
                String what = "the dry-run command exited with " + e.exitCode();
                List<Finding> found = OutputFindings.from(result.stdout().text() + "\n" + result.stderr().text(), "DRY_RUN_COMMAND", what,
                        scratch, "", fix);
                if (found.isEmpty()) {
                    String tail = result.stderr().tail(400).isEmpty() ? result.stdout().tail(400) : result.stderr().tail(400);
                    found = List.of(Finding.error(ErrorClass.CONFIGURATION.code("DRY_RUN_COMMAND"), what + " (last output: "
                            + OutputFindings.relativize(tail, scratch) + ")", "", fix));
                }
                yield TaskOutcome.failed(step, what, found, output);
            }
            case SandboxResult.TimedOut t -> TaskOutcome.failed(step, "timed out", List.of(Finding.error(
                    ErrorClass.CONFIGURATION.code("DRY_RUN_COMMAND_TIMEOUT"), "the dry-run command was still running after "
                            + TIMEOUT.toMinutes() + " minutes and was stopped", "", fix)), output);
            case SandboxResult.LimitExceeded l -> TaskOutcome.failed(step, "sandbox limit", List.of(Finding.error(
                    ErrorClass.CONFIGURATION.code("DRY_RUN_COMMAND_LIMIT"), "the dry-run command was stopped: " + l.describe(), "", fix)), output);
        };
        return new DryRunReport("command", List.of(outcome), Map.of(), Optional.empty(), Optional.empty());
    }

    /** Folders of the absolute paths the command names that exist outside /usr (already visible in the sandbox). */
    private Set<Path> toolFolders() {
        Set<Path> out = new LinkedHashSet<>();
        for (String word : command.split("\\s+")) {
            String w = word.replaceAll("^['\"]|['\"]$", "");
            if (!w.startsWith("/") || w.startsWith("/usr/")) continue;
            Path p = Path.of(w).normalize();
            if (Files.isRegularFile(p) && p.getParent() != null) out.add(p.getParent());
            else if (Files.isDirectory(p)) out.add(p);
        }
        return out;
    }
}
