package dev.scenarist.packs.services.internal.pipeline;

import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.Gate;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.GateDecision;
import dev.scenarist.packs.services.ServicesSettings;
import dev.scenarist.packs.services.catalog.ResourceCatalog;
import dev.scenarist.packs.services.internal.check.StaticChecks;
import dev.scenarist.packs.services.internal.deploy.DeployGate;
import dev.scenarist.packs.services.internal.dryrun.DryRunCheck;
import dev.scenarist.packs.services.internal.dryrun.PostgresServer;
import dev.scenarist.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the checks of every stage, each bound per run to the settings the run carries (its catalog, its dry-run
 * command, whether it deploys): the static checks against the run's catalog, the rubric scorer, the dry-run with the
 * pack's PostgreSQL server, and the deploy gate with the machine's deploy command.
 */
public final class ServiceChecks {
    private final RunCatalogs catalogs;
    private final Sandbox sandbox;
    private final PostgresServer postgres;
    private final ServicesSettings settings;
    private final Map<ResourceCatalog, List<Check>> planByCatalog = new ConcurrentHashMap<>();
    private final Map<ResourceCatalog, List<Check>> staticByCatalog = new ConcurrentHashMap<>();
    private final Map<List<Object>, Check> dryRunBySettings = new ConcurrentHashMap<>();

    public ServiceChecks(RunCatalogs catalogs, Sandbox sandbox, PostgresServer postgres, ServicesSettings settings) {
        this.catalogs = catalogs;
        this.sandbox = sandbox;
        this.postgres = postgres;
        this.settings = settings;
    }

    public Stages.Checks stageChecks() {
        return new Stages.Checks(plan(), new RubricScoreCheck(catalogs), implementation(), dryRun(), deploy());
    }

    private List<Check> plan() {
        return perRun(catalog -> planByCatalog.computeIfAbsent(catalog, StaticChecks::plan));
    }

    private List<Check> implementation() {
        return perRun(catalog -> staticByCatalog.computeIfAbsent(catalog, c -> StaticChecks.all(c, sandbox)));
    }

    /**
     * One check per check {@code forCatalog} makes, each delegating to its twin built (once, then kept) for the run's
     * catalog; named after the bundled catalog's, which are the same checks.
     */
    private List<Check> perRun(java.util.function.Function<ResourceCatalog, List<Check>> forCatalog) {
        List<Check> prototypes = forCatalog.apply(catalogs.bundled());
        List<Check> out = new ArrayList<>();
        for (int i = 0; i < prototypes.size(); i++) {
            int index = i;
            out.add(new PerRunCheck(prototypes.get(i), run -> forCatalog.apply(catalogs.of(run)).get(index)));
        }
        return out;
    }

    private Check dryRun() {
        Check prototype = dryRunFor(catalogs.bundled(), Optional.empty());
        return new PerRunCheck(prototype, run -> dryRunFor(catalogs.of(run), ServiceOptions.ofParameters(run.parameters()).dryRunCommand()));
    }

    private Check dryRunFor(ResourceCatalog catalog, Optional<String> command) {
        return dryRunBySettings.computeIfAbsent(List.of(catalog, command), k -> new DryRunCheck(postgres, sandbox, command,
                name -> catalog.port(name).orElse(0)));
    }

    /** Deploys only runs whose campaign turned deployment on, with this machine's command. */
    private Gate deploy() {
        DeployGate on = new DeployGate(settings.deployCommand(), settings.hostEnvironment(), DeployGate.DEFAULT_TIMEOUT);
        DeployGate off = DeployGate.off();
        return new Gate() {
            @Override
            public String name() {
                return DeployGate.NAME;
            }

            @Override
            public GateDecision decide(GateContext context) throws InterruptedException {
                return (ServiceOptions.ofParameters(context.run().parameters()).deploy() ? on : off).decide(context);
            }
        };
    }
}
