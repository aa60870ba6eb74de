package dev.scenarist.packs.services.internal.pipeline;

import dev.scenarist.packs.services.catalog.CatalogResource;
import dev.scenarist.packs.services.catalog.ResourceCatalog;
import dev.scenarist.packs.services.format.ScenarioFiles;
import java.util.List;
import java.util.Map;

/**
 * The services pack's context, first in every prompt and stable (so prompt caches hit): what a scenario folder holds,
 * the rules every check applies, the bundled resource catalog, and one complete sample scenario's key files.
 */
public final class PackContext {
    private PackContext() {}

    /**
     * @param sample a clean scenario's files by path; {@code sampleFiles} of them are shown
     */
    public static String text(ResourceCatalog catalog, Map<String, String> sample, List<String> sampleFiles) {
        StringBuilder b = new StringBuilder("""
                # Deployable service scenarios

                A scenario is a folder that deploys one small business service on shared resources (Vrooli's scenario format):
                - %s — the plan (kept from the planning stages)
                - %s — service (name kebab-case, displayName, description, version x.y.z, type, category, tags, port), resources
                  by category → name → {enabled, required, port, initialization}, deployment.phases[] of tasks (sql, resource-inject,
                  config, script, healthcheck; each with name, timeout 1-3600 s, retries 0-5 and only its own fields), monitoring,
                  cleanup, testing — all required, no other fields
                - %s and %s — PostgreSQL DDL and sample data; the seed must satisfy every constraint
                - %s*.json — n8n workflows: nodes {name, type, typeVersion, position [x, y], parameters, credentials by name
                  only: {"postgres": {"name": "..."}}}, connections between existing node names
                - %s*.json — configuration; app-config.json names the service and its port; resource-urls.json maps each
                  resource to its URL on the port service.json gives it
                - %s and %s — bash with `set -euo pipefail`; with DRY_RUN=1 they check files and print each action instead of
                  doing it; they read only files that exist; SCENARIO_DIR and <RESOURCE>_PORT are set for them
                - %s — required_files, required_dirs, required resources, tests (sql: query + expect_min/expect_max on the
                  first column of the first row; http: resource, method, path, expect_status)
                - %s*.md — prompts for the service's assistant

                Checks, in order: JSON Schemas of every JSON file; every file a task, a script or a test names exists; SQL lexes;
                `bash -n` and shellcheck (errors); resources, categories and initialization kinds from the catalog; ports
                distinct (service port included) and every localhost URL on a declared port; names agree across files. Then a
                dry-run: the phases applied to a scratch copy, schema.sql and seed.sql executed in a real PostgreSQL as an
                unprivileged role, scripts and test.sh run with DRY_RUN=1 in a sandbox without network, and the sql tests run
                against the loaded data. Errors come back classed as syntax, configuration, database, permission or missing file.

                ## Resource catalog

                """.formatted(ScenarioFiles.PLAN, ScenarioFiles.SERVICE, ScenarioFiles.SCHEMA_SQL, ScenarioFiles.SEED_SQL, ScenarioFiles.N8N_DIR,
                ScenarioFiles.CONFIG_DIR, ScenarioFiles.STARTUP, ScenarioFiles.TEST_SCRIPT, ScenarioFiles.SCENARIO_TEST, ScenarioFiles.PROMPTS_DIR));
        for (CatalogResource r : catalog.resources()) {
            b.append("- ").append(r.name()).append(" (").append(r.category()).append(", default port ").append(r.port())
                    .append(", initialization: ").append(String.join(", ", r.initialization())).append(") — ").append(r.description()).append('\n');
        }
        b.append("\n## A complete sample scenario (key files)\n\n");
        for (String path : sampleFiles) {
            String content = sample.get(path);
            if (content == null) continue;
            b.append("<file path=\"").append(path).append("\">\n").append(content).append(content.endsWith("\n") ? "" : "\n").append("</file>\n\n");
        }
        return b.toString();
    }
}
