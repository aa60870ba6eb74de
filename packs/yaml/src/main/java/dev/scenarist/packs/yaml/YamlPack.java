package dev.scenarist.packs.yaml;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.pack.DuplicateThreshold;
import dev.scenarist.core.pack.MachineNeeds;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.Requirement;
import dev.scenarist.core.pack.ScenarioSummary;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.yaml.internal.FileReference;
import dev.scenarist.packs.yaml.internal.PackDefinition;
import dev.scenarist.packs.yaml.internal.PackRequirements;
import dev.scenarist.packs.yaml.internal.SummarySource;
import dev.scenarist.packs.yaml.internal.UniquenessSource;
import dev.scenarist.packs.yaml.internal.offline.OfflineAuthorSource;
import dev.scenarist.packs.yaml.internal.parameters.ParameterSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A pack defined by a folder with a {@code pack.yaml}; built by {@link YamlPackLoader}. Immutable except for the lazily opened offline author. */
public final class YamlPack implements Pack, MachineNeeds, DuplicateThreshold {
    private final String name;
    private final String description;
    private final String context;
    private final Path directory;
    private final String definitionHash;
    private final Pipeline pipeline;
    private final ParameterSpace parameters;
    private final UniquenessSource uniqueness;
    private final SummarySource summary;
    private final OfflineAuthorSource offlineSource;
    private final List<Requirement.Command> declaredRequirements;
    private final Object authorLock = new Object();
    private Author offlineAuthor;

    YamlPack(PackDefinition definition) {
        this.name = definition.texts().name();
        this.description = definition.texts().description();
        this.context = definition.texts().context();
        this.directory = definition.directory();
        this.definitionHash = definition.definitionHash();
        this.pipeline = definition.pipeline();
        this.parameters = definition.parameters();
        this.uniqueness = definition.sources().uniqueness();
        this.summary = definition.sources().summary();
        this.offlineSource = definition.sources().offline();
        this.declaredRequirements = definition.sources().declaredRequirements();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    /** The pack folder (holding pack.yaml, schemas, check scripts, offline recordings). */
    public Path directory() {
        return directory;
    }

    @Override
    public String definitionHash() {
        return definitionHash;
    }

    @Override
    public String context() {
        return context;
    }

    @Override
    public Pipeline pipeline() {
        return pipeline;
    }

    /**
     * The offline author, opened on first use (so a pack whose cassette is still to be recorded loads fine).
     *
     * @throws PackDefinitionException when pack.yaml declares no offline author or its cassette/replies are missing
     */
    @Override
    public Author offlineAuthor() {
        synchronized (authorLock) {
            if (offlineAuthor == null) offlineAuthor = offlineSource.open(name);
            return offlineAuthor;
        }
    }

    /**
     * The sandbox when any check runs a command; each command a check starts by name (argv[0], e.g. {@code sh});
     * then what {@code requires:} declares — the commands the check scripts run, which argv cannot show.
     */
    @Override
    public List<Requirement> requirements() {
        return PackRequirements.of(pipeline, declaredRequirements);
    }

    @Override
    public Map<String, Object> parameters(long seed) {
        return parameters.choose(seed);
    }

    @Override
    public String uniquenessText(Workspace workspace) {
        if (uniqueness.textFrom().isEmpty()) {
            StringBuilder b = new StringBuilder();
            workspace.contents().forEach((path, text) -> b.append(text).append('\n'));
            return b.toString().strip();
        }
        StringBuilder b = new StringBuilder();
        for (FileReference ref : uniqueness.textFrom()) {
            String part = ref.read(workspace).strip();
            if (!part.isEmpty()) b.append(part).append('\n');
        }
        return b.toString().strip();
    }

    @Override
    public double duplicateThreshold() {
        return uniqueness.threshold();
    }

    @Override
    public ScenarioSummary summarize(Workspace workspace) {
        return new ScenarioSummary(summary.title().map(r -> r.read(workspace)).orElse(null),
                summary.description().map(r -> r.read(workspace)).orElse(""));
    }

    @Override
    public String toString() {
        return "YamlPack[" + name + " at " + directory + "]";
    }
}
