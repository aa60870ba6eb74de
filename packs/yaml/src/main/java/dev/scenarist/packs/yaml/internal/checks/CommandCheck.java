package dev.scenarist.packs.yaml.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.text.DurationFormat;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxRequest;
import dev.scenarist.sandbox.SandboxResult;
import dev.scenarist.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code type: command}: runs a command in the sandbox with the workspace as its working directory (read-write)
 * and the pack folder read-only. {@code {{pack_dir}}} and {@code {{workspace}}} in the arguments are replaced by
 * those folders' absolute paths.
 *
 * <ul>
 *   <li>stdout lines {@code FINDING <CODE> <file:line|-> <message>} become findings ({@link FindingLines});</li>
 *   <li>a non-zero exit with no FINDING line becomes one error quoting the end of stderr (or stdout);</li>
 *   <li>running out of time is the scenario's fault (an endless query): an error finding, "timed out after …";</li>
 *   <li>so is running into a sandbox limit (file size, files or bytes written, processes): a {@code SANDBOX_LIMIT}
 *       error naming the limit and what was measured;</li>
 *   <li>a sandbox that cannot start, or a command that is not there (exit 126/127), is the machine's fault:
 *       {@link CheckResult#unavailable} (permanent: never retried, never a bad scenario).</li>
 * </ul>
 */
public final class CommandCheck implements Check {
    public static final String PACK_DIR = "{{pack_dir}}";
    public static final String WORKSPACE = "{{workspace}}";
    private static final int TAIL_CHARS = 800;

    private final String name;
    private final List<String> argv;
    private final Duration timeout;
    private final long memoryBytes;
    private final Path packDir;
    private final Sandbox sandbox;

    public CommandCheck(String name, List<String> argv, Duration timeout, long memoryBytes, Path packDir, Sandbox sandbox) {
        this.name = Objects.requireNonNull(name, "name");
        this.argv = List.copyOf(argv);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.memoryBytes = memoryBytes;
        this.packDir = packDir.toAbsolutePath().normalize();
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        if (this.argv.isEmpty()) throw new IllegalArgumentException("command check '" + name + "' has an empty argv");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int tier() {
        return TIER_PROCESS;
    }

    public List<String> argv() {
        return argv;
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        Path workspace;
        Path pack;
        try {
            // the sandbox binds real paths; the arguments must name the same ones
            workspace = context.workspace().root().toRealPath();
            pack = packDir.toRealPath();
        } catch (IOException e) {
            return CheckResult.errored("command check '" + name + "': " + e.getMessage());
        }
        List<String> args = new ArrayList<>();
        for (String a : argv) args.add(a.replace(PACK_DIR, pack.toString()).replace(WORKSPACE, workspace.toString()));
        SandboxRequest request = SandboxRequest.builder(workspace, args)
                .readOnly(pack)
                .env("SCENARIST_STAGE", context.stage())
                .timeout(timeout)
                .memoryBytes(memoryBytes)
                .build();
        // the command as it ran: a placeholder such as {{pack_dir}} means nothing to the person (or model) reading it
        String shown = "`" + String.join(" ", args) + "`";
        SandboxResult result;
        try {
            result = sandbox.run(request);
        } catch (SandboxUnavailableException e) {
            // no sandbox here: retrying will not install one, so the run stops at once instead of backing off for minutes
            return CheckResult.unavailable("command check '" + name + "' could not run " + shown + ": " + e.getMessage());
        }
        return switch (result) {
            case SandboxResult.TimedOut t -> CheckResult.failed(Finding.error("COMMAND_TIMEOUT",
                    "check '" + name + "' timed out after " + DurationFormat.compact(t.limit()) + " running " + shown + lastWords(t),
                    "", "the scenario makes this check run too long (an endless loop or a query that explodes?); "
                            + "make it finish well within " + DurationFormat.compact(t.limit())));
            case SandboxResult.LimitExceeded l -> CheckResult.failed(Finding.error("SANDBOX_LIMIT",
                    "check '" + name + "' was stopped running " + shown + ": " + l.describe() + lastWords(l),
                    "", "the scenario makes this check use too much " + l.limit().label() + "; make it lighter"));
            case SandboxResult.Exited e -> judge(e, shown);
        };
    }

    private CheckResult judge(SandboxResult.Exited e, String shown) {
        List<Finding> findings = new ArrayList<>(FindingLines.parse(e.stdout().text()));
        boolean anyError = findings.stream().anyMatch(Finding::isError);
        if ((e.exitCode() == 126 || e.exitCode() == 127) && !anyError) {
            return CheckResult.unavailable("command check '" + name + "': " + shown + " could not be run (exit " + e.exitCode()
                    + ", command not found or not executable): " + e.stderr().tail(TAIL_CHARS));
        }
        if (e.exitCode() != 0 && !anyError) {
            String output = e.stderr().text().isBlank() ? e.stdout().tail(TAIL_CHARS) : e.stderr().tail(TAIL_CHARS);
            String signal = e.exitCode() > 128 ? " (killed by signal " + (e.exitCode() - 128) + ")" : "";
            findings.add(Finding.error("COMMAND_FAILED", "check '" + name + "' failed: " + shown + " exited with "
                    + e.exitCode() + signal + (output.isBlank() ? "" : ": " + output), "", ""));
        }
        return CheckResult.of(findings);
    }

    private static String lastWords(SandboxResult r) {
        String tail = r.stderr().text().isBlank() ? r.stdout().tail(300) : r.stderr().tail(300);
        return tail.isBlank() ? "" : " (last output: " + tail + ")";
    }
}
