package dev.scenarist.packs.services.format;

import java.util.List;

/**
 * Where each part of a service scenario lives in its folder (Vrooli's scenario layout). Folder constants end with
 * {@code /}: a stage may write any file under them.
 */
public final class ScenarioFiles {
    /** The plan the planning and refinement stages write; kept in the scenario as the record of its intent. */
    public static final String PLAN = "plan.json";
    public static final String SERVICE = "service.json";
    public static final String SCHEMA_SQL = "initialization/storage/schema.sql";
    public static final String SEED_SQL = "initialization/storage/seed.sql";
    public static final String N8N_DIR = "initialization/automation/n8n/";
    public static final String CONFIG_DIR = "initialization/configuration/";
    public static final String RESOURCE_URLS = CONFIG_DIR + "resource-urls.json";
    public static final String APP_CONFIG = CONFIG_DIR + "app-config.json";
    public static final String STARTUP = "deployment/startup.sh";
    public static final String TEST_SCRIPT = "test.sh";
    public static final String SCENARIO_TEST = "scenario-test.yaml";
    public static final String PROMPTS_DIR = "prompts/";

    /** Files every implementation must have (folders with at least one file: {@link #REQUIRED_FOLDERS}). */
    public static final List<String> REQUIRED = List.of(SERVICE, SCHEMA_SQL, SEED_SQL, APP_CONFIG, RESOURCE_URLS, STARTUP,
            TEST_SCRIPT, SCENARIO_TEST);
    /** Folders that must hold at least one file: the n8n workflows and the prompts. */
    public static final List<String> REQUIRED_FOLDERS = List.of(N8N_DIR, PROMPTS_DIR);

    private ScenarioFiles() {}
}
