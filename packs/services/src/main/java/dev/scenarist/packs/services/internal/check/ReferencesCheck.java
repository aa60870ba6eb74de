package dev.scenarist.packs.services.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.services.catalog.ResourceCatalog;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.format.ServiceDefinition;
import dev.scenarist.packs.services.format.Task;
import dev.scenarist.packs.services.internal.source.LocatedDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every file something names exists: the files of each deployment task, the files listed in a resource's
 * initialization, the testing section's scripts, scenario-test.yaml's required files and folders, and the pack's own
 * {@link ScenarioFiles#REQUIRED} files and non-empty {@link ScenarioFiles#REQUIRED_FOLDERS}. Each missing file is
 * reported once, at the first place that names it (a task before the pack's list: it says what needs the file).
 * Also: each task's resource is declared and enabled, and an {@code sql} task targets a resource that takes SQL.
 */
final class ReferencesCheck implements Check {
    /** The resource name a healthcheck uses for the service itself. */
    static final String APP = "app";

    private final ResourceCatalog catalog;

    ReferencesCheck(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "references";
    }

    @Override
    public int tier() {
        return TIER_PARSE;
    }

    @Override
    public CheckResult run(CheckContext context) {
        ScenarioView view = new ScenarioView(context.workspace());
        Reporter r = new Reporter(context.workspace());
        view.service().ifPresent(service -> view.json(ScenarioFiles.SERVICE).ifPresent(doc -> {
            tasks(service, doc, r);
            initialization(service, doc, r);
            testing(doc, r);
        }));
        view.yaml(ScenarioFiles.SCENARIO_TEST).ifPresent(doc -> scenarioTest(doc, r));
        for (String f : ScenarioFiles.REQUIRED) {
            r.file("REQUIRED", f, f, "the pack requires " + f, "write " + f);
        }
        for (String folder : ScenarioFiles.REQUIRED_FOLDERS) {
            String dir = folder.substring(0, folder.length() - 1);
            r.folder(folder, dir, "the pack requires at least one file in " + folder, "add at least one file under " + folder);
        }
        return CheckResult.of(r.findings);
    }

    private void tasks(ServiceDefinition service, LocatedDocument doc, Reporter r) {
        for (int p = 0; p < service.phases().size(); p++) {
            List<Task> tasks = service.phases().get(p).tasks();
            for (int t = 0; t < tasks.size(); t++) {
                Task task = tasks.get(t);
                String at = "/deployment/phases/" + p + "/tasks/" + t;
                if (task instanceof Task.ResourceInject inject) {
                    for (int i = 0; i < inject.files().size(); i++) {
                        r.jsonFile("TASK", inject.files().get(i), doc, at + "/files/" + i, "task '" + task.name() + "'");
                    }
                } else if (!task.files().isEmpty() && !task.files().getFirst().isEmpty()) {
                    r.jsonFile("TASK", task.files().getFirst(), doc, at + "/file", "task '" + task.name() + "'");
                }
                resource(task, service, doc, at, r);
            }
        }
    }

    private void resource(Task task, ServiceDefinition service, LocatedDocument doc, String taskAt, Reporter r) {
        String resource = switch (task) {
            case Task.Sql s -> s.resource();
            case Task.ResourceInject i -> i.resource();
            case Task.Healthcheck h -> h.resource().equals(APP) ? "" : h.resource();
            default -> "";
        };
        if (resource.isEmpty()) return;
        String at = taskAt + "/resource";
        Optional<ServiceDefinition.DeclaredResource> declared = service.resource(resource);
        if (declared.isEmpty()) {
            r.findings.add(Finding.error(ErrorClass.CONFIGURATION.code("UNDECLARED_RESOURCE"),
                    "task '" + task.name() + "' uses resource '" + resource + "', which service.json does not declare under 'resources'"
                            + Where.onLine(doc.lineOf(at)), Where.pointer(ScenarioFiles.SERVICE, at),
                    "declare it, e.g. resources." + catalog.resource(resource).map(c -> c.category()).orElse("<category>") + "." + resource
                            + " = {\"enabled\": true, \"required\": true}, or name a declared resource"));
            return;
        }
        if (!declared.get().enabled()) {
            r.findings.add(Finding.error(ErrorClass.CONFIGURATION.code("DISABLED_RESOURCE"),
                    "task '" + task.name() + "' uses resource '" + resource + "', which service.json declares with \"enabled\": false"
                            + Where.onLine(doc.lineOf(at)), Where.pointer(ScenarioFiles.SERVICE, at),
                    "enable the resource or remove the task"));
        }
        if (task instanceof Task.Sql) {
            catalog.resource(resource).filter(c -> !c.initializes("sql")).ifPresent(c -> r.findings.add(Finding.error(
                    ErrorClass.CONFIGURATION.code("SQL_RESOURCE"),
                    "sql task '" + task.name() + "' targets '" + resource + "', which takes no SQL (its initialization kinds: "
                            + String.join(", ", c.initialization()) + ")" + Where.onLine(doc.lineOf(at)), Where.pointer(ScenarioFiles.SERVICE, at),
                    "point the task at a resource whose catalog entry lists 'sql' (" + String.join(", ", catalog.resources().stream()
                            .filter(x -> x.initializes("sql")).map(x -> x.name()).toList()) + ")")));
        }
    }

    /** Initialization values that are paths (they contain a '/': file lists such as sql or workflows). */
    private static void initialization(ServiceDefinition service, LocatedDocument doc, Reporter r) {
        for (var res : service.resources()) {
            String base = "/resources/" + LocatedDocument.token(res.category()) + "/" + LocatedDocument.token(res.name()) + "/initialization/";
            res.initialization().forEach((kind, value) -> {
                String at = base + LocatedDocument.token(kind);
                if (value.isTextual()) {
                    if (value.asText().contains("/")) r.jsonFile("INITIALIZATION", value.asText(), doc, at, "resource '" + res.name() + "'");
                } else if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        JsonNode v = value.get(i);
                        if (v.isTextual() && v.asText().contains("/")) r.jsonFile("INITIALIZATION", v.asText(), doc, at + "/" + i, "resource '" + res.name() + "'");
                    }
                }
            });
        }
    }

    private static void testing(LocatedDocument doc, Reporter r) {
        for (String field : List.of("script", "scenarioTest")) {
            JsonNode v = doc.tree().path("testing").path(field);
            if (v.isTextual() && !v.asText().isEmpty()) r.jsonFile("TESTING", v.asText(), doc, "/testing/" + field, "testing." + field);
        }
        JsonNode cleanup = doc.tree().path("cleanup").path("script");
        if (cleanup.isTextual() && !cleanup.asText().isEmpty()) r.jsonFile("TESTING", cleanup.asText(), doc, "/cleanup/script", "cleanup.script");
    }

    private static void scenarioTest(LocatedDocument doc, Reporter r) {
        JsonNode files = doc.tree().path("structure").path("required_files");
        for (int i = 0; i < files.size(); i++) {
            String f = files.get(i).asText("");
            int line = doc.lineOf("/structure/required_files/" + i);
            if (!f.isEmpty()) r.file("SCENARIO_TEST", f, Where.line(ScenarioFiles.SCENARIO_TEST, line), "scenario-test.yaml requires the file " + f,
                    "write " + f + " or remove it from structure.required_files");
        }
        JsonNode dirs = doc.tree().path("structure").path("required_dirs");
        for (int i = 0; i < dirs.size(); i++) {
            String d = dirs.get(i).asText("");
            int line = doc.lineOf("/structure/required_dirs/" + i);
            if (!d.isEmpty()) r.folder(d.endsWith("/") ? d : d + "/", Where.line(ScenarioFiles.SCENARIO_TEST, line),
                    "scenario-test.yaml requires the folder " + d, "add at least one file under " + d + " or remove it from structure.required_dirs");
        }
    }

    /** Collects findings, reporting each missing file or folder once. */
    private static final class Reporter {
        private final Workspace ws;
        private final List<Finding> findings = new ArrayList<>();
        private final Set<String> reported = new HashSet<>();

        Reporter(Workspace ws) {
            this.ws = ws;
        }

        void jsonFile(String detail, String file, LocatedDocument doc, String pointer, String who) {
            String location = Where.pointer(ScenarioFiles.SERVICE, pointer);
            String problem = Workspace.problemWithPath(file);
            if (problem != null) {
                findings.add(Finding.error(ErrorClass.CONFIGURATION.code("FILE_PATH"), who + " names an unusable path: " + problem
                        + Where.onLine(doc.lineOf(pointer)), location, "name a file inside the scenario folder, relative to it"));
                return;
            }
            file(detail, file, location, who + " names " + file + Where.onLine(doc.lineOf(pointer)), "write " + file + " or correct the path");
        }

        void file(String detail, String file, String location, String why, String fix) {
            if (Workspace.problemWithPath(file) != null || ws.exists(file) || !reported.add(file)) return;
            findings.add(Finding.error(ErrorClass.MISSING_FILE.code(detail), why + ", but " + file + " does not exist", location, fix));
        }

        void folder(String folder, String location, String why, String fix) {
            if (Workspace.problemWithPath(folder) != null || !reported.add(folder)) return;
            boolean hasFile = ws.list().stream().anyMatch(f -> f.startsWith(folder));
            if (!hasFile) findings.add(Finding.error(ErrorClass.MISSING_FILE.code("FOLDER"), why + ", but " + folder + " has no file", location, fix));
        }
    }
}
