package dev.scenarist.packs.services.internal.dryrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.services.format.ErrorClass;
import dev.scenarist.packs.services.format.ServiceDefinition;
import dev.scenarist.packs.services.format.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tasks that hand files over: {@code resource-inject} (workflows to n8n, objects to MinIO …) and {@code config}. In
 * the dry-run each file must exist and parse, and is copied where the deployer would put it — {@code .deploy/<resource>/}
 * or {@code .deploy/config/} of the scratch copy — so a later script can find it there.
 */
final class FileTasks {
    static final String DEPLOY_DIR = ".deploy/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FileTasks() {}

    static TaskOutcome inject(String phase, Task.ResourceInject task, ServiceDefinition service, Path scratch) {
        List<Finding> findings = new ArrayList<>();
        Optional<ServiceDefinition.DeclaredResource> resource = service.resource(task.resource());
        if (resource.isEmpty() || !resource.get().enabled()) {
            findings.add(Finding.error(ErrorClass.CONFIGURATION.code("UNDECLARED_RESOURCE"), "task '" + task.name() + "' injects into resource '"
                    + task.resource() + "', which service.json does not declare as enabled", "service.json",
                    "declare and enable '" + task.resource() + "' under resources, or inject into a declared resource"));
        }
        if (task.files().isEmpty()) {
            findings.add(Finding.error(ErrorClass.CONFIGURATION.code("INJECT_NO_FILES"), "task '" + task.name() + "' names no files",
                    "service.json", "list the files to inject under the task's files"));
        }
        int copied = 0;
        for (String file : task.files()) {
            if (handOver(task.name(), file, scratch, DEPLOY_DIR + safeName(task.resource()) + "/", findings)) copied++;
        }
        return TaskOutcome.of(TaskOutcome.Step.of(phase, task), "handed " + copied + " of " + task.files().size() + " files to "
                + task.resource(), findings, TaskOutcome.Output.NONE);
    }

    static TaskOutcome config(String phase, Task.Config task, Path scratch) {
        List<Finding> findings = new ArrayList<>();
        boolean ok = handOver(task.name(), task.file(), scratch, DEPLOY_DIR + "config/", findings);
        return TaskOutcome.of(TaskOutcome.Step.of(phase, task), ok ? "installed " + task.file() + " for " + task.target() : "not installed",
                findings, TaskOutcome.Output.NONE);
    }

    /** Checks that {@code file} exists and parses, then copies it into {@code targetDir}; false with a finding otherwise. */
    private static boolean handOver(String taskName, String file, Path scratch, String targetDir, List<Finding> findings) {
        String bad = Workspace.problemWithPath(file);
        if (bad != null) {
            findings.add(Finding.error(ErrorClass.CONFIGURATION.code("BAD_PATH"), "task '" + taskName + "': " + bad, "service.json",
                    "name the file by its path relative to the scenario folder"));
            return false;
        }
        Path source = scratch.resolve(file);
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            findings.add(Finding.error(ErrorClass.MISSING_FILE.code("TASK_FILE"), "task '" + taskName + "' names " + file
                    + ", which does not exist", "service.json", "create " + file + " or correct the path in service.json"));
            return false;
        }
        Optional<Finding> unparsable = parse(file, source);
        if (unparsable.isPresent()) {
            findings.add(unparsable.get());
            return false;
        }
        try {
            Path target = scratch.resolve(targetDir).resolve(source.getFileName().toString());
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + file + " in the dry-run's scratch folder", e);
        }
        return true;
    }

    private static Optional<Finding> parse(String file, Path source) {
        String lower = file.toLowerCase(Locale.ROOT);
        ObjectMapper mapper = lower.endsWith(".json") ? JSON : lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : null;
        if (mapper == null) return Optional.empty();
        try {
            mapper.readTree(Files.readString(source));
            return Optional.empty();
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            return Optional.of(Finding.error(ErrorClass.SYNTAX.code(mapper == JSON ? "JSON" : "YAML"), file + " does not parse: "
                    + e.getOriginalMessage(), file + ":" + line, "correct the " + (mapper == JSON ? "JSON" : "YAML") + " at that line"));
        } catch (IOException e) {
            return Optional.of(Finding.error(ErrorClass.SYNTAX.code("ENCODING"), file + " cannot be read as UTF-8 text: " + e.getMessage(),
                    file, "save the file as UTF-8 text"));
        }
    }

    private static String safeName(String resource) {
        return resource.isBlank() ? "unnamed" : resource.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
