package dev.scenarist.packs.yaml;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.pack.DuplicateThreshold;
import dev.scenarist.core.pack.MachineNeeds;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.Requirement;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.ScenarioSummary;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.yaml.checks.CommandCheck;
import dev.scenarist.packs.yaml.offline.OfflineAuthorSource;
import dev.scenarist.packs.yaml.parameters.ParameterSpace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A pack defined by a folder with a {@code pack.yaml}; built by {@link YamlPackLoader}. Immutable except for the lazily opened offline author. */
public final class YamlPack implements Pack, MachineNeeds, DuplicateThreshold {
    /** {@code summary:}: where a scenario's title and description come from. */
    public record SummarySource(Optional<FileReference> title, Optional<FileReference> description) {}

    /** {@code uniqueness:}: what text the duplicate gate compares (empty: every file) and from what similarity on. */
    public record UniquenessSource(List<FileReference> textFrom, double threshold) {
        public UniquenessSource {
            textFrom = List.copyOf(textFrom);
        }
    }

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

    YamlPack(String name, String description, String context, Path directory, String definitionHash, Pipeline pipeline,
             ParameterSpace parameters, UniquenessSource uniqueness, SummarySource summary, OfflineAuthorSource offlineSource,
             List<Requirement.Command> declaredRequirements) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.context = Objects.requireNonNull(context, "context");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.definitionHash = Objects.requireNonNull(definitionHash, "definitionHash");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.uniqueness = Objects.requireNonNull(uniqueness, "uniqueness");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.offlineSource = Objects.requireNonNull(offlineSource, "offlineSource");
        this.declaredRequirements = List.copyOf(declaredRequirements);
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

    public ParameterSpace parameterSpace() {
        return parameters;
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
        List<CommandUse> uses = new java.util.ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            for (Check check : stage.checks()) {
                if (check instanceof CommandCheck c) uses.add(new CommandUse(c.name(), c.argv().getFirst()));
            }
        }
        return requirements(uses, declaredRequirements);
    }

    /** A command check of the pack, and the program it starts (its argv[0]). */
    record CommandUse(String check, String program) {}

    /** What {@link #requirements()} derives; shared with {@link YamlPackLoader#requirements}, which reads only this much. */
    static List<Requirement> requirements(List<CommandUse> uses, List<Requirement.Command> declared) {
        Map<String, Requirement> byComponent = new LinkedHashMap<>();
        for (CommandUse u : uses) {
            byComponent.putIfAbsent("sandbox", new Requirement.Sandbox("the pack's command checks run in it"));
            if (!u.program().contains("/") && !u.program().contains("{{")) {
                byComponent.putIfAbsent(u.program(), new Requirement.Command(u.program(), "check '" + u.check() + "' runs it",
                        KNOWN_PACKAGES.getOrDefault(u.program(), u.program())));
            }
        }
        // declared entries say why in the author's words, so they replace derived ones
        for (Requirement.Command r : declared) byComponent.put(r.command(), r);
        return List.copyOf(byComponent.values());
    }

    /** Debian/Ubuntu packages of commands whose package is not named like them. */
    private static final Map<String, String> KNOWN_PACKAGES = Map.of("sh", "dash", "python3", "python3", "node", "nodejs",
            "awk", "gawk", "timeout", "coreutils");

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
