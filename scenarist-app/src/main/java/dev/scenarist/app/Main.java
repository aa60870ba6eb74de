package dev.scenarist.app;

import dev.scenarist.app.cli.ScenaristCommand;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.app.packs.PackRegistry;
import dev.scenarist.core.campaign.CampaignMismatchException;
import dev.scenarist.core.store.StoreDamagedException;
import dev.scenarist.packs.yaml.PackDefinitionException;
import java.util.Map;
import picocli.CommandLine;

/** Entry point: builds the command line and maps every failure to a message and an exit code (never a stack trace for user errors). */
public final class Main {
    public static final int INTERNAL_ERROR = 3;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    public static int run(String[] args, Map<String, String> env) {
        return run(args, env, System.out, System.err);
    }

    public static int run(String[] args, Map<String, String> env, java.io.PrintStream out, java.io.PrintStream err) {
        var root = new ScenaristCommand(env, out, err);
        var cli = new CommandLine(root);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String msg = switch (ex) {
                case ConfigException e -> e.getMessage();
                case PackRegistry.UnknownPackException e -> e.getMessage();
                case PackDefinitionException e -> e.getMessage();
                case CampaignMismatchException e -> e.getMessage();
                case StoreDamagedException e -> e.getMessage();
                case IllegalArgumentException e -> e.getMessage();
                default -> null;
            };
            if (msg != null) {
                commandLine.getErr().println("scenarist: " + msg);
                return CommandLine.ExitCode.USAGE;
            }
            if (ex instanceof InterruptedException) {
                commandLine.getErr().println("scenarist: interrupted; continue with 'scenarist resume'");
                return 1;
            }
            commandLine.getErr().println("scenarist: internal error: " + ex);
            if (env.containsKey("SCENARIST_DEBUG")) ex.printStackTrace(commandLine.getErr());
            else commandLine.getErr().println("  (set SCENARIST_DEBUG=1 for the stack trace)");
            return INTERNAL_ERROR;
        });
        return cli.execute(args);
    }
}
