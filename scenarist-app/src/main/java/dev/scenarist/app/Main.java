package dev.scenarist.app;

import dev.scenarist.app.cli.ScenaristCommand;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.app.packs.PackRegistry;
import dev.scenarist.app.wiring.Settings;
import dev.scenarist.core.campaign.CampaignMismatchException;
import dev.scenarist.core.store.StoreDamagedException;
import dev.scenarist.packs.yaml.PackDefinitionException;
import dev.scenarist.app.errors.ErrorReport;
import dev.scenarist.app.errors.UsageErrors;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Entry point: builds the command line and maps every failure to a message and an exit code (never a stack trace for user errors). */
public final class Main {
    public static final int INTERNAL_ERROR = 3;

    private Main() {}

    public static void main(String[] args) {
        // JVM-wide, so the application's call, made before anything touches AWT: previews are drawn into images and
        // need no display (an explicit -Djava.awt.headless=false still wins)
        System.getProperties().putIfAbsent("java.awt.headless", "true");
        System.exit(run(args, Settings.fromProcess(), System.out, System.err));
    }

    /** Runs with the settings of {@code env} alone (see {@link Settings#of}), printing to this process's streams. */
    public static int run(String[] args, Map<String, String> env) {
        return run(args, env, System.out, System.err);
    }

    /** Runs with the settings of {@code env} alone (see {@link Settings#of}): for tests and embedders. */
    public static int run(String[] args, Map<String, String> env, java.io.PrintStream out, java.io.PrintStream err) {
        return run(args, Settings.of(env), out, err);
    }

    public static int run(String[] args, Settings settings, java.io.PrintStream out, java.io.PrintStream err) {
        Map<String, String> env = settings.env();
        var root = new ScenaristCommand(settings, out, err);
        var cli = root.commandLine(args);
        dev.scenarist.app.cli.StrictNumbers.install(cli);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        boolean json = java.util.Arrays.asList(args).contains("--json");
        cli.setParameterExceptionHandler((ex, ignored) -> {
            new ErrorReport("usage", UsageErrors.describe(ex), CommandLine.ExitCode.USAGE).print(json, ex.getCommandLine().getErr(), out);
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            ErrorReport report = switch (ex) {
                case ConfigException e -> new ErrorReport("config", e.getMessage(), CommandLine.ExitCode.USAGE, e.problems());
                case PackDefinitionException e -> new ErrorReport("config", e.getMessage(), CommandLine.ExitCode.USAGE, List.of(e.toProblem()));
                case PackRegistry.UnknownPackException e -> new ErrorReport("config", e.getMessage(), CommandLine.ExitCode.USAGE);
                case CampaignMismatchException e -> new ErrorReport("config", e.getMessage(), CommandLine.ExitCode.USAGE);
                case dev.scenarist.core.campaign.CampaignRequestException e -> new ErrorReport("config", e.getMessage(), CommandLine.ExitCode.USAGE);
                case dev.scenarist.app.preflight.MissingComponentsException e -> new ErrorReport("missing-component", e.getMessage(), CommandLine.ExitCode.USAGE);
                case StoreDamagedException e -> new ErrorReport("damaged-store", e.getMessage(), CommandLine.ExitCode.USAGE);
                case IllegalArgumentException e -> new ErrorReport("usage", e.getMessage(), CommandLine.ExitCode.USAGE);
                case InterruptedException e -> new ErrorReport("interrupted", "interrupted; continue with 'scenarist resume'", 1);
                default -> new ErrorReport("internal", "internal error: " + ex, INTERNAL_ERROR);
            };
            report.print(json, commandLine.getErr(), out);
            if (report.exit() == INTERNAL_ERROR) {
                if (env.containsKey("SCENARIST_DEBUG")) ex.printStackTrace(commandLine.getErr());
                else commandLine.getErr().println("  (set SCENARIST_DEBUG=1 for the stack trace)");
            }
            return report.exit();
        });
        return cli.execute(args);
    }
}
