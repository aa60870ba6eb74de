package dev.scenarist.packs.services.internal.pipeline;

import dev.scenarist.core.catalog.CatalogUniquenessGate;
import dev.scenarist.core.catalog.UniquenessRules;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.Gate;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.packs.services.format.ScenarioFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Vrooli's generation loop as stages: {@code plan} → {@code refine} (k rounds, each plan scored by the rubric critic,
 * the best kept) → {@code uniqueness} → {@code implement} (every file, checked statically; its attempts are the
 * implementation rounds) → {@code validate} (the dry-run on the files as they are; on failure the author repairs them
 * from its findings) → {@code deploy} (the configured deploy command, off unless a campaign turns it on).
 */
public final class Stages {
    public static final String PLAN = "plan";
    public static final String REFINE = "refine";
    public static final String UNIQUENESS = "uniqueness";
    public static final String IMPLEMENT = "implement";
    public static final String VALIDATE = "validate";
    public static final String DEPLOY = "deploy";
    /** Refinement rounds when the campaign sets none (1–5 with {@code --refine-rounds refine=K}). */
    public static final int DEFAULT_REFINE_ROUNDS = 2;
    /** Implementation and repair attempts when the campaign sets none (1–5 with {@code --attempts implement=K}). */
    public static final int DEFAULT_ROUNDS = 3;

    /** The checks each stage runs; built by the pack from its catalog and machine. */
    public record Checks(List<Check> plan, Check scorer, List<Check> implementation, Check dryRun, Gate deploy) {}

    private Stages() {}

    public static Pipeline pipeline(UniquenessRules rules, Checks checks) {
        OutputFile plan = OutputFile.required(ScenarioFiles.PLAN, FileFormat.JSON, "the plan: analysis, requirements, architecture, resources, business model");
        var planning = new Stage.AuthorStage(PLAN, """
                Plan a deployable service scenario for this business request: "{{request}}" (business: {{business}}; category:
                {{category}}; service name: {{service_name}}). Write plan.json with: request, category, service_name; analysis
                {problem, users[], value}; requirements[] ({id R1.., text, priority must|should|could, covered_by[] naming
                "table:<name>", "workflow:<name>" or a resource}); architecture {components[] ({name, kind
                storage|workflow|api|ui|script, resource?, purpose}), data_model[] ({table, columns[]})}; resources[] ({name,
                why}) from the resource catalog only; business_model {customers, revenue, pricing, value_estimate};
                acceptance[] ({requirement, check}: how a test proves a requirement); risks[]; success_metrics[].""",
                StagePolicy.editing(ScenarioFiles.PLAN), List.of(plan), checks.plan());
        var refine = new Stage.RefineStage(REFINE, """
                Improve plan.json. A critic scores it 0-5 on completeness (every requirement covered by a table, workflow or
                resource), feasibility (components use only resources the plan lists, all from the catalog), data_model (tables
                with columns, each used by a requirement), business_model (customers, revenue, pricing, value estimate, all
                concrete) and testability (every 'must' requirement has an acceptance check). Keep the request, category and
                service_name; fix the weakest criterion first.""",
                StagePolicy.editing(ScenarioFiles.PLAN), List.of(plan), checks.plan(), checks.scorer(), DEFAULT_REFINE_ROUNDS);
        var unique = new Stage.GateStage(UNIQUENESS, new CatalogUniquenessGate(rules));
        var implement = new Stage.AuthorStage(IMPLEMENT, """
                Implement the plan as a complete scenario folder for service {{service_name}}. Write every file: service.json
                (service, resources by category with enabled/required/port/initialization, deployment.phases of sql,
                resource-inject, config, script and healthcheck tasks with timeout and retries, monitoring, cleanup, testing),
                initialization/storage/schema.sql and seed.sql (PostgreSQL; the seed must satisfy the schema's constraints and
                scenario-test.yaml's sql tests), one n8n workflow per planned workflow under initialization/automation/n8n/
                (connections name existing nodes; credentials by name only), initialization/configuration/app-config.json and
                resource-urls.json (ports equal to service.json's), deployment/startup.sh and test.sh (bash, `set -euo pipefail`,
                honouring DRY_RUN=1 by printing actions instead of doing them, reading only files that exist),
                scenario-test.yaml (required files, dirs and resources; sql and http tests) and at least one prompts/*.md.""",
                new StagePolicy(implementationFiles(), List.of(), dev.scenarist.core.author.ModelSettings.DEFAULTS, DEFAULT_ROUNDS),
                requiredOutputs(), checks.implementation());
        var validate = Stage.AuthorStage.verifying(VALIDATE, """
                The dry-run deployed the scenario into a scratch folder and a real PostgreSQL and found the errors below (with
                their class: syntax, configuration, database, permission, missing file). Analyse each, then send the corrected
                files (complete, each in its own block); files you do not send stay as they are.""",
                new StagePolicy(implementationFiles(), List.of(), dev.scenarist.core.author.ModelSettings.DEFAULTS, DEFAULT_ROUNDS),
                optional(requiredOutputs()), combined(checks.implementation(), checks.dryRun()));
        var deploy = new Stage.GateStage(DEPLOY, checks.deploy());
        return new Pipeline(List.of(planning, refine, unique, implement, validate, deploy));
    }

    /** The implementation stages may write every scenario file (the workflows, configurations and prompts by folder), never the plan. */
    static List<String> implementationFiles() {
        List<String> files = new ArrayList<>(ScenarioFiles.REQUIRED);
        files.add(ScenarioFiles.N8N_DIR);
        files.add(ScenarioFiles.CONFIG_DIR);
        files.add(ScenarioFiles.PROMPTS_DIR);
        return files;
    }

    private static List<OutputFile> requiredOutputs() {
        List<OutputFile> out = new ArrayList<>();
        for (String f : ScenarioFiles.REQUIRED) out.add(OutputFile.required(f, format(f), ""));
        return out;
    }

    private static List<OutputFile> optional(List<OutputFile> outputs) {
        return outputs.stream().map(o -> new OutputFile(o.path(), o.format(), false, o.description())).toList();
    }

    /** The repair must keep the static checks green too; they are cheap and run first. */
    private static List<Check> combined(List<Check> staticChecks, Check dryRun) {
        List<Check> all = new ArrayList<>(staticChecks);
        all.add(dryRun);
        return all;
    }

    private static FileFormat format(String path) {
        if (path.endsWith(".json")) return FileFormat.JSON;
        if (path.endsWith(".yaml")) return FileFormat.YAML;
        return FileFormat.TEXT;
    }
}
