package dev.scenarist.packs.services.internal.deploy;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.pack.Gate;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.GateDecision;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxRequest;
import dev.scenarist.sandbox.SandboxResult;
import dev.scenarist.sandbox.SandboxUnavailableException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The last step of a services run: deploy the accepted scenario with the user's own command
 * (this machine's {@code SCENARIST_SERVICES_DEPLOY}, for campaigns with {@code --option deploy=on}), or — by default —
 * do nothing and say so.
 *
 * <p>The command is the user's, like a deploy hook, and deploying needs what a sandbox takes away (the network, the
 * container engine, files outside the scenario), so it runs <b>unconfined</b>: through {@code bash -c} on the host, with
 * the scenario folder as its working folder and its last argument. It still gets a timeout (its whole process tree is
 * killed), an environment cleared of everything but {@code PATH} and {@code HOME} (no API keys of Scenarist's), and its
 * output captured and bounded. Exit 0 passes with the command and the end of its output recorded in the gate's note;
 * any other end rejects the run with the output's last lines.
 */
public final class DeployGate implements Gate {
    public static final String NAME = "deploy";
    /** What the note says when no deploy command is configured. */
    public static final String OFF_NOTE = "deployment off (turn it on with --option deploy=on; the command is the machine's SCENARIST_SERVICES_DEPLOY)";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final int TAIL_LINES = 20;
    private static final int MAX_OUTPUT_BYTES = 256 * 1024;
    /** Deploy tools (docker, kubectl: Go binaries) reserve much address space; the limit is there only against runaways. */
    private static final long MEMORY_BYTES = 32L << 30;

    private final Optional<String> command;
    private final Map<String, String> environment;
    private final Duration timeout;
    private final Sandbox host;

    /**
     * @param command         the user's deploy command; empty or blank for deployment off
     * @param hostEnvironment the application's environment as it read it at startup: only {@code PATH} and {@code HOME}
     *                        are passed on
     * @param timeout         how long the command may run before its process tree is killed
     */
    public DeployGate(Optional<String> command, Map<String, String> hostEnvironment, Duration timeout) {
        this.command = command.map(String::strip).filter(c -> !c.isEmpty());
        this.environment = new LinkedHashMap<>();
        for (String name : List.of("PATH", "HOME")) {
            String value = hostEnvironment.get(name);
            if (value != null) environment.put(name, value);
        }
        this.environment.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.host = Sandbox.unconfined();
    }

    /** Deployment off: every decision passes with {@link #OFF_NOTE}. */
    public static DeployGate off() {
        return new DeployGate(Optional.empty(), Map.of(), DEFAULT_TIMEOUT);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GateDecision decide(GateContext context) throws InterruptedException {
        if (command.isEmpty()) return new GateDecision.Pass(OFF_NOTE);
        String cmd = command.get();
        String folder = context.workspace().root().toString();
        SandboxRequest request = SandboxRequest.builder(context.workspace().root(), "bash", "-c", cmd + " \"$1\"", "deploy", folder)
                .environment(environment).timeout(timeout).maxOutputBytes(MAX_OUTPUT_BYTES).memoryBytes(MEMORY_BYTES).build();
        SandboxResult result;
        try {
            result = host.run(request);
        } catch (SandboxUnavailableException e) {
            return reject("DEPLOY_NOT_STARTED", "the deploy command `" + cmd + "` could not be started: " + e.getMessage(), "");
        }
        String output = tail(result);
        String seconds = String.format(Locale.ROOT, "%.1f s", result.duration().toMillis() / 1000.0);
        return switch (result) {
            case SandboxResult.Exited e when e.succeeded() -> new GateDecision.Pass("deployed with `" + cmd + " " + folder + "` (exit 0 in "
                    + seconds + ")" + (output.isEmpty() ? "" : "; output:\n" + output));
            case SandboxResult.Exited e -> reject("DEPLOY_FAILED", "the deploy command `" + cmd + "` exited with " + e.exitCode() + " after "
                    + seconds, output);
            case SandboxResult.TimedOut t -> reject("DEPLOY_TIMEOUT", "the deploy command `" + cmd + "` was still running after "
                    + timeout.toSeconds() + " s and was stopped", output);
            case SandboxResult.LimitExceeded l -> reject("DEPLOY_LIMIT", "the deploy command `" + cmd + "` was stopped: " + l.describe(), output);
        };
    }

    private static GateDecision reject(String detail, String what, String output) {
        String message = output.isEmpty() ? what + " (no output)" : what + "; last output:\n" + output;
        return new GateDecision.Reject(RejectReason.GATE, List.of(Finding.error(ErrorClass.CONFIGURATION.code(detail), message, "",
                "run the deploy command yourself on the scenario folder, fix what it reports (or the command), then deploy again")));
    }

    /** The last lines of stdout and stderr together: where a deploy tool says what it did or why it failed. */
    private static String tail(SandboxResult result) {
        StringBuilder all = new StringBuilder(result.stdout().text().strip());
        String err = result.stderr().text().strip();
        if (!err.isEmpty()) all.append(all.isEmpty() ? "" : "\n").append(err);
        List<String> lines = all.toString().lines().toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        return tail.length() <= 4000 ? tail : "…" + tail.substring(tail.length() - 4000);
    }
}
