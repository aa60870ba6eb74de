package dev.scenarist.app.cli;

import dev.scenarist.app.wiring.Scenarist;
import dev.scenarist.app.wiring.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: global options, shared by every subcommand. */
@Command(name = "scenarist", mixinStandardHelpOptions = true, version = "scenarist 0.1.0",
        description = "Generates valid, unique, reproducible scenarios for testing AI agents, with LLMs or offline.",
        footer = {"", "Exit codes: 0 success, 1 the job ran but fell short (campaign short of its count, validation failed),",
                "2 usage or configuration error, 3 internal error, 4 not judged (validate: no error found, but a check could not run).",
                "Budgets (--max-runs, --max-tokens, --max-cost, --max-wall) are hard: reaching one stops new work within a second",
                "and ends the campaign with 'budget: <cap> reached'; 'resume' obeys the campaign's remaining budget."})
public final class ScenaristCommand {
    /** Every subcommand, in the order {@code --help} lists them (registered by {@link #commandLine}, not the annotation). */
    private static final List<Class<?>> SUBCOMMANDS = List.of(PacksCommand.class, GenerateCommand.class, CampaignsCommand.class,
            RunsCommand.class, ShowCommand.class, ResumeCommand.class, CancelCommand.class, ExportCommand.class, ValidateCommand.class,
            PromoteCommand.class, ApproveCommand.class, ReviewCommand.class, ModelsCommand.class, CompletionCommand.class,
            DoctorCommand.class, AppworldCommand.class, MechanismsCommand.class, ChainsCommand.class, ServicesCommand.class,
            ServeCommand.class, WorkerCommand.class, AnalyticsCommand.class, LessonsCommand.class, CommandLine.HelpCommand.class);
    /** Subcommands that need all their siblings: {@code help} lists them, {@code completion} writes a script for them. */
    private static final Set<String> NEED_EVERY_SUBCOMMAND = Set.of("help", "completion");
    /** The global options that take a value (the next argument, or after '='). */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--data-dir", "--db");

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data directory (default: $SCENARIST_HOME, else ./scenarist-data).")
    Path dataDir;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print one JSON document on stdout; human text goes to stderr.")
    boolean json;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Store (default: SQLite in the data directory; or postgresql://host/db, also via $SCENARIST_DB_URL).")
    String db;

    private final Settings settings;
    private final java.io.PrintStream out;
    private final java.io.PrintStream err;

    public ScenaristCommand(Settings settings, java.io.PrintStream out, java.io.PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /**
     * The command line for {@code args}: this command with only the subcommand {@code args} names, when it names one,
     * else with every subcommand ({@code --help}, {@code help}, {@code completion}, a mistyped name that picocli then
     * suggests a correction for). Why: picocli builds its model of a command by reflection over every option of every
     * subcommand, and its classes are too old a class-file version for the start-up cache — for all 23 subcommands
     * that was 0.4 s of a short command's start (measured on the 2-core machine), for one it is a fraction of that.
     */
    public CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(this);
        Optional<String> named = subcommandNamed(args);
        for (Class<?> sub : SUBCOMMANDS) {
            String name = sub.getAnnotation(Command.class).name();
            if (named.isEmpty() || named.get().equals(name)) cli.addSubcommand(name, sub);
        }
        return cli;
    }

    /** The subcommand the first argument that is not a global option names, if it is one that needs no siblings. */
    private static Optional<String> subcommandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (OPTIONS_WITH_VALUE.contains(a)) {
                i++;
                continue;
            }
            if (a.startsWith("-")) continue;
            String candidate = a;
            boolean known = SUBCOMMANDS.stream().anyMatch(c -> c.getAnnotation(Command.class).name().equals(candidate));
            return known && !NEED_EVERY_SUBCOMMAND.contains(a) ? Optional.of(a) : Optional.empty();
        }
        return Optional.empty();
    }

    Path resolvedDataDir() {
        if (dataDir != null) return dataDir;
        String home = settings.env().get("SCENARIST_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of("scenarist-data");
    }

    Scenarist open() {
        return Scenarist.open(resolvedDataDir(), db, settings);
    }

    /** The preflight of {@link Scenarist#requireComponents}: nothing in the data folder is created or opened. */
    void requireComponents(String pack) throws InterruptedException {
        Scenarist.requireComponents(resolvedDataDir(), settings, pack, java.util.Optional.empty());
    }

    /** The preflight, and the campaign's pack options refused by the pack before the data folder is created. */
    void requireComponents(dev.scenarist.core.campaign.CampaignSpec spec) throws InterruptedException {
        Scenarist.requireComponents(resolvedDataDir(), settings, spec.pack(), java.util.Optional.of(spec));
    }

    Settings settings() {
        return settings;
    }

    Output output() {
        return new Output(json, out, err);
    }

    /** The launcher tells us whether stderr is a terminal (the JDK cannot, portably, at --release 21). */
    boolean stderrIsTerminal() {
        return settings.stderrIsTerminal();
    }

    /** Who a person's decision names from the command line: {@code cli:$USER}. */
    String who() {
        String user = settings.env().getOrDefault("USER", settings.env().getOrDefault("USERNAME", ""));
        return "cli:" + (user.isBlank() ? "local" : user);
    }

    Map<String, String> env() {
        return settings.env();
    }
}
