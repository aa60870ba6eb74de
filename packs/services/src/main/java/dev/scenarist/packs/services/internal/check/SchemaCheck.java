package dev.scenarist.packs.services.internal.check;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.internal.check.ScenarioSchemas.Kind;
import dev.scenarist.packs.services.internal.source.LocatedDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every JSON file of the scenario against its schema, and scenario-test.yaml as JSON after reading the YAML. A file
 * that does not parse is a {@code SYNTAX} finding with its line; a schema violation a {@code CONFIGURATION} finding
 * with its JSON pointer and line. Missing files are the references check's to report (except for the plan, which the
 * plan stage must write and nothing else looks for).
 */
final class SchemaCheck implements Check {
    /** One file to validate: against these schemas, read as YAML or JSON; {@code required}: its absence is a finding. */
    record Target(String file, List<Kind> kinds, boolean yaml, boolean required) {}

    private static final Pattern CREDENTIAL = Pattern.compile("^/nodes/\\d+/credentials/[^/]+(/.*)?$");
    private static final Pattern LOCATION_PREFIX = Pattern.compile("^[$/][^:\\s]*:\\s*");

    private final String name;
    private final ScenarioSchemas schemas;
    private final Function<Workspace, List<Target>> targets;

    private SchemaCheck(String name, ScenarioSchemas schemas, Function<Workspace, List<Target>> targets) {
        this.name = name;
        this.schemas = schemas;
        this.targets = targets;
    }

    /** The implementation's files: service.json, the n8n workflows, every configuration file, scenario-test.yaml. */
    static SchemaCheck scenario(ScenarioSchemas schemas) {
        return new SchemaCheck("schemas", schemas, ws -> {
            List<Target> out = new ArrayList<>();
            out.add(new Target(ScenarioFiles.SERVICE, List.of(Kind.SERVICE), false, false));
            for (String f : ws.list()) {
                if (f.startsWith(ScenarioFiles.N8N_DIR) && f.endsWith(".json")) out.add(new Target(f, List.of(Kind.N8N_WORKFLOW), false, true));
                if (f.startsWith(ScenarioFiles.CONFIG_DIR) && f.endsWith(".json")) out.add(new Target(f, configurationKinds(f), false, true));
            }
            out.add(new Target(ScenarioFiles.SCENARIO_TEST, List.of(Kind.SCENARIO_TEST), true, false));
            return out;
        });
    }

    /** plan.json, which the plan and refine stages write. */
    static SchemaCheck plan(ScenarioSchemas schemas) {
        return new SchemaCheck("plan-schema", schemas, ws -> List.of(new Target(ScenarioFiles.PLAN, List.of(Kind.PLAN), false, true)));
    }

    /** Every configuration file is one JSON object; the two the pack knows also have their own schema. */
    private static List<Kind> configurationKinds(String file) {
        if (file.equals(ScenarioFiles.RESOURCE_URLS)) return List.of(Kind.CONFIGURATION, Kind.RESOURCE_URLS);
        if (file.equals(ScenarioFiles.APP_CONFIG)) return List.of(Kind.CONFIGURATION, Kind.APP_CONFIG);
        return List.of(Kind.CONFIGURATION);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int tier() {
        return TIER_PARSE;
    }

    @Override
    public CheckResult run(CheckContext context) {
        Workspace ws = context.workspace();
        List<Finding> findings = new ArrayList<>();
        for (Target t : targets.apply(ws)) {
            var text = ws.read(t.file());
            if (text.isEmpty()) {
                if (t.required()) {
                    findings.add(Finding.error(ErrorClass.MISSING_FILE.code("REQUIRED"), t.file() + " does not exist", t.file(),
                            "write " + t.file() + " (its schema: " + t.kinds().getLast().resource() + ")"));
                }
                continue;
            }
            LocatedDocument doc;
            try {
                doc = t.yaml() ? LocatedDocument.yaml(text.get()) : LocatedDocument.json(text.get());
            } catch (LocatedDocument.MalformedException e) {
                findings.add(Finding.error(ErrorClass.SYNTAX.code(t.yaml() ? "YAML" : "JSON"),
                        t.file() + " is not valid " + (t.yaml() ? "YAML" : "JSON") + ": " + e.getMessage(), Where.line(t.file(), e.line()),
                        t.yaml() ? "indent with spaces, put ':' after each key and quote values that contain ': ' or '#'"
                                : "write one JSON object: double-quoted keys and strings, commas between members, no trailing comma, no comments"));
                continue;
            }
            for (Kind k : t.kinds()) {
                for (var v : schemas.validate(k, doc.tree())) findings.add(finding(t.file(), k, v, doc));
            }
        }
        return CheckResult.of(findings);
    }

    private static Finding finding(String file, Kind kind, ScenarioSchemas.Violation v, LocatedDocument doc) {
        String message = LOCATION_PREFIX.matcher(v.message()).replaceFirst("") + Where.onLine(doc.lineOf(v.pointer()));
        String location = Where.pointer(file, v.pointer());
        if (kind == Kind.N8N_WORKFLOW && CREDENTIAL.matcher(v.pointer()).matches()) {
            return Finding.error(ErrorClass.CONFIGURATION.code("N8N_CREDENTIAL"), "credential " + message, location,
                    "reference the credential by name only, e.g. {\"postgres\": {\"name\": \"my-postgres\"}}: its secret lives in n8n's "
                            + "credential store, never in the scenario");
        }
        return Finding.error(ErrorClass.CONFIGURATION.code("SCHEMA"), message, location, fix(kind, v));
    }

    private static String fix(Kind kind, ScenarioSchemas.Violation v) {
        String schema = kind.resource().substring(kind.resource().lastIndexOf('/') + 1);
        return switch (v.keyword()) {
            case "required" -> "add the missing field at " + v.pointer() + " (see " + schema + ")";
            case "additionalProperties", "unevaluatedProperties" -> "remove the field or correct its name (" + schema + " lists the allowed ones)";
            case "propertyNames" -> "remove the field or rename it to one the message lists (each task or test type takes its own fields)";
            case "enum", "const" -> "use one of the values " + schema + " allows at that place";
            default -> "make the value at " + (v.pointer().isEmpty() ? "the top" : v.pointer()) + " match " + schema;
        };
    }
}
