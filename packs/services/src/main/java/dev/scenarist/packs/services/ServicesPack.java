package dev.scenarist.packs.services;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.catalog.UniquenessPolicy;
import dev.scenarist.core.catalog.UniquenessRules;
import dev.scenarist.core.pack.CampaignEvidence;
import dev.scenarist.core.pack.CatalogUniqueness;
import dev.scenarist.core.pack.DefinitionHash;
import dev.scenarist.core.pack.MachineNeeds;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.PackAnalytics;
import dev.scenarist.core.pack.PackFigure;
import dev.scenarist.core.pack.PackOptions;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.Requirement;
import dev.scenarist.core.pack.ScenarioAssembler;
import dev.scenarist.core.pack.ScenarioAssembly;
import dev.scenarist.core.pack.ScenarioSummary;
import dev.scenarist.core.pack.ValidationPlan;
import dev.scenarist.core.pack.ValidationTarget;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.internal.analytics.ServiceFigures;
import dev.scenarist.packs.services.internal.check.StaticChecks;
import dev.scenarist.packs.services.internal.dryrun.PostgresServer;
import dev.scenarist.packs.services.internal.offline.OfflineServiceAuthor;
import dev.scenarist.packs.services.internal.pipeline.DryRunEvidence;
import dev.scenarist.packs.services.internal.pipeline.PackContext;
import dev.scenarist.packs.services.internal.pipeline.RubricScoreCheck;
import dev.scenarist.packs.services.internal.pipeline.RunCatalogs;
import dev.scenarist.packs.services.internal.pipeline.ServiceChecks;
import dev.scenarist.packs.services.internal.pipeline.ServiceOptions;
import dev.scenarist.packs.services.internal.pipeline.ServiceText;
import dev.scenarist.packs.services.internal.pipeline.Stages;
import dev.scenarist.sandbox.Sandbox;
import java.util.List;
import java.util.Map;

/**
 * Deployable service scenarios (Vrooli's scenario generator): from a one-line business request, a plan refined in
 * scored rounds, then a complete scenario folder — {@code service.json}, the database schema and seed, n8n workflows,
 * configuration, startup and test scripts, {@code scenario-test.yaml}, prompts — checked statically and proven by a
 * dry-run that loads its SQL into a real PostgreSQL and runs its scripts in the sandbox; deployment by a configured
 * command is optional and off by default.
 */
public final class ServicesPack implements Pack, PackOptions, CatalogUniqueness, MachineNeeds, PackAnalytics, ScenarioAssembler,
        ValidationPlan, AutoCloseable {
    public static final String NAME = "services";
    /** Lexical (and semantic) measures at their defaults; a scenario is compared only with scenarios of its business category. */
    private static final UniquenessRules UNIQUENESS = UniquenessRules.DEFAULTS.sameGroupOnly(true);

    private final ServicesSettings settings;
    private final PostgresServer postgres = new PostgresServer();
    private final Pipeline pipeline;
    private final String context;

    /**
     * @param sandbox  the confined sandbox the script checks, the dry-run's scripts and a user's dry-run command run in
     * @param settings what the machine's owner set (the deploy command)
     */
    public ServicesPack(Sandbox sandbox, ServicesSettings settings) {
        this.settings = settings;
        RunCatalogs catalogs = new RunCatalogs();
        this.pipeline = Stages.pipeline(UNIQUENESS, new ServiceChecks(catalogs, sandbox, postgres, settings).stageChecks());
        this.context = PackContext.text(catalogs.bundled(), OfflineServiceAuthor.sample(), SAMPLE_FILES);
    }

    /** The sample files the context shows: enough for a model to see every convention once. */
    private static final List<String> SAMPLE_FILES = List.of(ScenarioFiles.SERVICE, ScenarioFiles.SCHEMA_SQL, ScenarioFiles.SEED_SQL,
            ScenarioFiles.RESOURCE_URLS, ScenarioFiles.STARTUP, ScenarioFiles.SCENARIO_TEST);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Deployable service scenarios: plan, scored refinement, implementation (service.json, SQL, n8n workflows, scripts, "
                + "tests), static checks and a dry-run with a real PostgreSQL; options --option kind=" + String.join("|", ServiceOptions.KINDS)
                + ", catalog=FILE.yaml, dry_run=COMMAND, deploy=on.";
    }

    @Override
    public String definitionHash() {
        var hash = DefinitionHash.of("services-0.1").add(context());
        for (var s : pipeline.stages()) {
            if (s instanceof Stage.AuthorStage a) hash.add(a.instructions());
            if (s instanceof Stage.RefineStage r) hash.add(r.instructions());
        }
        return hash.value();
    }

    @Override
    public String context() {
        return context;
    }

    @Override
    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public Author offlineAuthor() {
        return new OfflineServiceAuthor();
    }

    @Override
    public Map<String, Object> parameters(long seed) {
        return parameters(seed, Map.of());
    }

    /**
     * The business the seed picks (within {@code kind} when given) and the campaign's options, checked: an unknown option,
     * kind or catalog error is refused naming the fix before anything is stored.
     */
    @Override
    public Map<String, Object> parameters(long seed, Map<String, String> options) {
        return ServiceOptions.parse(options, settings).parameters(seed);
    }

    @Override
    public UniquenessPolicy uniquenessPolicy() {
        return new UniquenessPolicy(UNIQUENESS, ServiceText.GROUP_KEY);
    }

    @Override
    public String uniquenessText(Workspace workspace) {
        return ServiceText.of(workspace);
    }

    @Override
    public ScenarioSummary summarize(Workspace workspace) {
        return ServiceText.summary(workspace);
    }

    @Override
    public List<Requirement> requirements() {
        return StaticChecks.requirements();
    }

    @Override
    public List<PackFigure> figures(CampaignEvidence evidence) {
        return new ServiceFigures(Stages.REFINE, RubricScoreCheck.NAME, List.of(Stages.IMPLEMENT, Stages.VALIDATE), Stages.IMPLEMENT,
                Stages.VALIDATE).of(evidence);
    }

    /**
     * {@code scenarist validate --pack services FOLDER}: what proves a scenario folder deploys — the static checks and
     * the dry-run (the validate stage's checks), once. The plan is the generator's working paper, not part of what a
     * folder must hold, so its checks are left out.
     */
    @Override
    public Map<String, List<Check>> validationChecks(ValidationTarget target) {
        return Map.of(Stages.VALIDATE, pipeline.find(Stages.VALIDATE).orElseThrow().checks());
    }

    /** The last dry-run's report beside the scenario's files, as {@code dry-run/report.json}: the proof that it deploys. */
    @Override
    public void assemble(ScenarioAssembly assembly) {
        DryRunEvidence.copyLatest(assembly);
    }

    /** Stops the dry-run's PostgreSQL server if it was started (it also stops when the JVM exits). */
    @Override
    public void close() {
        postgres.close();
    }
}
