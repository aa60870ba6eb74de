package dev.scenarist.packs.yaml.internal;

import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.Requirement;
import dev.scenarist.packs.yaml.internal.offline.OfflineAuthorSource;
import dev.scenarist.packs.yaml.internal.parameters.ParameterSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a pack.yaml defines, validated: what {@link DefinitionReader} reads and
 * {@link dev.scenarist.packs.yaml.YamlPack} is built from.
 *
 * @param directory      the pack folder (holding pack.yaml, schemas, check scripts, offline recordings)
 * @param definitionHash SHA-256 over the pack folder's files
 */
public record PackDefinition(Texts texts, Path directory, String definitionHash, Pipeline pipeline, ParameterSpace parameters,
                             Sources sources) {
    public PackDefinition {
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(definitionHash, "definitionHash");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(sources, "sources");
    }

    /** {@code name:}, {@code description:} and {@code context:}. */
    public record Texts(String name, String description, String context) {
        public Texts {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(context, "context");
        }
    }

    /**
     * Where the pack's other answers come from: {@code uniqueness:}, {@code summary:}, {@code offline_author:}, and
     * the commands {@code requires:} declares.
     */
    public record Sources(UniquenessSource uniqueness, SummarySource summary, OfflineAuthorSource offline,
                          List<Requirement.Command> declaredRequirements) {
        public Sources {
            Objects.requireNonNull(uniqueness, "uniqueness");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(offline, "offline");
            declaredRequirements = List.copyOf(declaredRequirements);
        }
    }
}
