package dev.scenarist.packs.services.internal.check;

import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.services.format.ScenarioFiles;
import dev.scenarist.packs.services.format.ServiceDefinition;
import dev.scenarist.packs.services.internal.source.LocatedDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario folder as the cross-file checks read it: leniently. A file that is missing or does not parse is simply
 * absent here, because the schema and references checks (which run in the same tier) are the ones that report it;
 * the other checks then say nothing about it instead of piling up consequences of one mistake.
 */
final class ScenarioView {
    private final Workspace workspace;
    private final Map<String, Optional<LocatedDocument>> documents = new HashMap<>();

    ScenarioView(Workspace workspace) {
        this.workspace = workspace;
    }

    Workspace workspace() {
        return workspace;
    }

    /** A JSON file of the scenario, empty when missing or malformed. */
    Optional<LocatedDocument> json(String path) {
        return documents.computeIfAbsent(path, p -> read(p, false));
    }

    /** A YAML file of the scenario, empty when missing or malformed. */
    Optional<LocatedDocument> yaml(String path) {
        return documents.computeIfAbsent(path, p -> read(p, true));
    }

    /** service.json, empty when missing or not JSON. */
    Optional<ServiceDefinition> service() {
        return workspace.read(ScenarioFiles.SERVICE).flatMap(text -> {
            try {
                return Optional.of(ServiceDefinition.read(text));
            } catch (ServiceDefinition.MalformedException e) {
                return Optional.empty();
            }
        });
    }

    /** Every file of the scenario whose name ends with the suffix ({@code .sh}), sorted. */
    List<String> filesEndingWith(String suffix) {
        return workspace.list().stream().filter(f -> f.endsWith(suffix)).toList();
    }

    /** Files directly or deeper under a folder constant of {@link ScenarioFiles} (ending with '/'), with the suffix. */
    List<String> filesUnder(String folder, String suffix) {
        return workspace.list().stream().filter(f -> f.startsWith(folder) && f.endsWith(suffix)).toList();
    }

    private Optional<LocatedDocument> read(String path, boolean yaml) {
        if (Workspace.problemWithPath(path) != null) return Optional.empty();
        return workspace.read(path).flatMap(text -> {
            try {
                return Optional.of(yaml ? LocatedDocument.yaml(text) : LocatedDocument.json(text));
            } catch (LocatedDocument.MalformedException e) {
                return Optional.empty();
            }
        });
    }
}
