package dev.scenarist.packs.services.internal.dryrun;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.format.ServiceDefinition;
import dev.scenarist.sandbox.Sandbox;
import dev.scenarist.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The dry-run check: does this scenario deploy? Runs the user's dry-run command when one is configured, otherwise the
 * built-in dry-run ({@link BuiltInDryRun}: phases applied to a scratch copy, SQL loaded into a real PostgreSQL, scripts
 * in the sandbox). Every error becomes a finding with its file:line and a fix; a summary note counts them by class. The
 * report ({@code report.json}, each task's stdout and stderr) is kept in {@code <artifacts>/dry-run/<attempt>/}.
 *
 * <p>The workspace itself is never touched: scripts and the deployer's hand-overs write into the scratch copy, which is
 * deleted afterwards. When PostgreSQL cannot start or the sandbox cannot confine, the check is not judged
 * ({@link CheckResult#unavailable}), never passed.
 */
public final class DryRunCheck implements Check {
    public static final String NAME = "dry-run";
    /** Where in the run's artifacts each attempt's report is kept: {@code dry-run/<attempt>/}. */
    public static final String ARTIFACTS_DIR = "dry-run";

    private final PostgresServer postgres;
    private final Sandbox sandbox;
    private final Optional<String> userCommand;
    private final ToIntFunction<String> catalogPorts;

    /**
     * @param postgres     the pack's server holder (started on the first built-in dry-run, closed with the pack)
     * @param sandbox      the confined sandbox the scripts and the user's command run in
     * @param userCommand  the user's dry-run command ({@code --option dry_run=COMMAND}); empty for the built-in dry-run
     * @param catalogPorts a resource's default port in the catalog (0 or less when unknown), for {@code <RESOURCE>_PORT}
     *                     of resources service.json declares without a port
     */
    public DryRunCheck(PostgresServer postgres, Sandbox sandbox, Optional<String> userCommand, ToIntFunction<String> catalogPorts) {
        this.postgres = Objects.requireNonNull(postgres, "postgres");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.userCommand = userCommand.filter(c -> !c.isBlank());
        this.catalogPorts = Objects.requireNonNull(catalogPorts, "catalogPorts");
    }

    /** The same with the catalog's default ports as a map (resource name → port). */
    public DryRunCheck(PostgresServer postgres, Sandbox sandbox, Optional<String> userCommand, Map<String, Integer> catalogPorts) {
        this(postgres, sandbox, userCommand, name -> catalogPorts.getOrDefault(name, 0));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int tier() {
        return TIER_EXPENSIVE;
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("scenarist-dry-run-");
        } catch (IOException e) {
            return CheckResult.errored("cannot create the dry-run's scratch folder in the temporary folder: " + e.getMessage());
        }
        try {
            Workspace.copyTree(context.workspace().root(), scratch);
            DryRunReport report = userCommand.isPresent()
                    ? new UserDryRun(sandbox, userCommand.get()).run(scratch, environment(scratch))
                    : new BuiltInDryRun(postgres, sandbox, catalogPorts).run(scratch);
            Path dir = attemptDir(context.artifacts().resolve(ARTIFACTS_DIR));
            report.writeTo(dir);
            return CheckResult.of(report.findingsWithSummary(context.artifacts().relativize(dir).resolve("report.json").toString()));
        } catch (SandboxUnavailableException e) {
            return CheckResult.unavailable("the dry-run cannot run scripts confined: " + e.getMessage());
        } catch (PostgresUnavailableException e) {
            return CheckResult.unavailable(e.getMessage());
        } catch (SQLException e) {
            return CheckResult.errored("the dry-run's PostgreSQL server failed while preparing or dropping the scratch database: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return CheckResult.errored("the dry-run failed: " + e);
        } finally {
            Workspace.deleteTree(scratch, true);
        }
    }

    /** The environment of the user's command: the built-in's variables, from service.json when it can be read. */
    private Map<String, String> environment(Path scratch) throws IOException {
        Path service = scratch.resolve(ScenarioFiles.SERVICE);
        if (Files.isRegularFile(service)) {
            try {
                return DryRunEnvironment.of(ServiceDefinition.read(Files.readString(service, StandardCharsets.UTF_8)), scratch, catalogPorts);
            } catch (ServiceDefinition.MalformedException e) {
                // the user's tool will say what is wrong with it
            }
        }
        return Map.of("DRY_RUN", "1", "SCENARIO_DIR", scratch.toString());
    }

    /** {@code dry-run/1}, {@code dry-run/2} …: a new folder per attempt, so earlier attempts' output stays. */
    private static Path attemptDir(Path parent) throws IOException {
        Files.createDirectories(parent);
        for (int n = 1; ; n++) {
            try {
                return Files.createDirectory(parent.resolve(Integer.toString(n)));
            } catch (FileAlreadyExistsException taken) {
                // an earlier attempt's
            }
        }
    }
}
