package dev.scenarist.packs.appworld;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.catalog.CatalogUniquenessGate;
import dev.scenarist.core.catalog.UniquenessPolicy;
import dev.scenarist.core.catalog.UniquenessRules;
import dev.scenarist.core.pack.Capabilities;
import dev.scenarist.core.pack.CatalogUniqueness;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.DefinitionHash;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.pack.PackOptions;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.ScenarioAssembler;
import dev.scenarist.core.pack.ScenarioAssembly;
import dev.scenarist.core.pack.ScenarioSummary;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.pack.ValidationPlan;
import dev.scenarist.core.pack.ValidationTarget;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.appworld.internal.offline.Families;
import dev.scenarist.packs.appworld.internal.offline.Family;
import dev.scenarist.packs.appworld.internal.offline.FamilyAuthor;
import dev.scenarist.packs.appworld.internal.pack.DocumentCheck;
import dev.scenarist.packs.appworld.internal.pack.PackContext;
import dev.scenarist.packs.appworld.internal.pack.SectionFiles;
import dev.scenarist.packs.appworld.internal.pack.StepCheck;
import dev.scenarist.packs.appworld.internal.uniqueness.UniquenessText;
import dev.scenarist.packs.appworld.play.PlayOptions;
import dev.scenarist.packs.appworld.scenario.Description;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.ScenarioWriter;
import dev.scenarist.packs.appworld.scenario.Section;
import dev.scenarist.packs.appworld.scenario.check.ScenarioChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Proactive phone-assistant scenarios on a simulated phone, in PARE's four steps, each editing only its own section
 * file: {@code description} (then the catalog {@code uniqueness} gate, against scenarios with the same core apps) →
 * {@code apps} (the seed loads) → {@code events} (PARE's flow rules as checks, then an oracle run) → {@code validation}
 * (its rules, then discriminative validation: the oracle passes, a do-nothing agent and wrong agents fail). Accepted
 * scenarios carry {@code scenario.json} (the whole document) and {@code metadata.json} (PARE's ledger fields).
 * Option {@code --family ID} fixes the scenario family; by default runs take the families in turn by seed.
 */
public final class AppworldPack implements Pack, PackOptions, CatalogUniqueness, ScenarioAssembler, ValidationPlan {
    public static final String NAME = "appworld";
    public static final String FAMILY_OPTION = "family";
    /** Written into every accepted scenario's folder. */
    public static final String SCENARIO_FILE = "scenario.json";
    public static final String METADATA_FILE = "metadata.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** PARE's measures and thresholds; two descriptions are compared only when they are about the same core apps. */
    private static final UniquenessRules UNIQUENESS = UniquenessRules.DEFAULTS.sameGroupOnly(true);

    private final ScenarioChecks checks;
    private final Pipeline pipeline;
    private final Clock clock;
    private final String context;

    /** The pack as the application wires it; {@code clock} stamps the metadata ledger. */
    public AppworldPack(Clock clock) {
        this.clock = clock;
        this.checks = new ScenarioChecks(PlayOptions.DEFAULTS);
        this.context = PackContext.text();
        var description = new Stage.AuthorStage("description", """
                Step 1 of 4, the description. Theme: {{theme}} (core apps: {{core_apps}}).
                Write description.json: {"id", "title", "description", "start_time", "persona": {"name", "description"}, \
                "core_apps": [...]}. The narrative says who the user is, what happens on the phone, and what a good \
                proactive assistant proposes and does once the user accepts; name the people, items, times and places. It \
                must differ from the scenarios already in the catalog: another situation, other entities, another goal.""",
                StagePolicy.editing(file(Section.DESCRIPTION)),
                List.of(OutputFile.required(file(Section.DESCRIPTION), FileFormat.JSON, "the description section")),
                List.of(new StepCheck(Section.DESCRIPTION, checks)));
        var unique = new Stage.GateStage("uniqueness", new CatalogUniquenessGate(UNIQUENESS));
        var apps = new Stage.AuthorStage("apps", """
                Step 2 of 4, the apps and their data. Write apps.json: {"apps": {AppName: seed}} with everything the \
                description needs at the start time, plus distractors: other emails, events, contacts, items of the same \
                kind that a careless agent could act on instead. Do not change description.json.""",
                StagePolicy.editing(file(Section.APPS)),
                List.of(OutputFile.required(file(Section.APPS), FileFormat.JSON, "the apps section")),
                List.of(new StepCheck(Section.APPS, checks)));
        var events = new Stage.AuthorStage("events", """
                Step 3 of 4, the events flow. Write events.json: {"events": [...]}: the environment trigger(s) with their \
                notifications, then the oracle: the agent's proposal citing the trigger, the user's reply, and the agent's \
                actions after the acceptance, each with arguments the agent could have read by then. The flow is played \
                in oracle mode. Do not change the other files.""",
                StagePolicy.editing(file(Section.EVENTS)),
                List.of(OutputFile.required(file(Section.EVENTS), FileFormat.JSON, "the events section")),
                List.of(new StepCheck(Section.EVENTS, checks)));
        var validation = new Stage.AuthorStage("validation", """
                Step 4 of 4, the validation. Write validation.json: {"validation": {"goals": [...]}}: each goal 1–4 \
                equivalent CEL predicates over the final apps and the agent's logged actions, with a rationale; include \
                a goal that the agent proposed before acting. It must pass on the oracle run and fail for an agent that \
                does nothing, acts without a proposal, or acts on a distractor item. Do not change the other files.""",
                StagePolicy.editing(file(Section.VALIDATION)),
                List.of(OutputFile.required(file(Section.VALIDATION), FileFormat.JSON, "the validation section")),
                List.of(new StepCheck(Section.VALIDATION, checks)));
        this.pipeline = new Pipeline(List.of(description, unique, apps, events, validation));
    }

    private static String file(Section s) {
        return SectionFiles.file(s);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Proactive phone-assistant scenarios (PARE on ARE): simulated apps, timed event flows, oracle runs, "
                + "discriminative validation; " + Families.all().size() + " offline families; option --family ID.";
    }

    /** Changes with the pack context (format, rules, tools, example) and the families' generated output. */
    @Override
    public String definitionHash() {
        var hash = DefinitionHash.of("appworld-0.1").add(context);
        for (Family f : Families.all()) hash.add(new ScenarioWriter().write(f.generate(0)));
        return hash.value();
    }

    @Override
    public String context() {
        return context;
    }

    @Override
    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public Author offlineAuthor() {
        return new FamilyAuthor();
    }

    @Override
    public Map<String, Object> parameters(long seed) {
        return parameters(seed, Map.of());
    }

    @Override
    public Map<String, Object> parameters(long seed, Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!key.equals(FAMILY_OPTION)) {
                throw new IllegalArgumentException("pack 'appworld' has no option '" + key + "'; its only option is --family ID (" + familyIds() + ")");
            }
        }
        String asked = options.get(FAMILY_OPTION);
        Family family = asked == null ? Families.forSeed(seed) : Families.byId(asked.strip()).orElseThrow(() ->
                new IllegalArgumentException("--family '" + asked + "' is not a family of the appworld pack; use one of " + familyIds()));
        return new LinkedHashMap<>(FamilyAuthor.parameters(family));
    }

    private static String familyIds() {
        return Families.all().stream().map(Family::id).collect(Collectors.joining(", "));
    }

    /** PARE's lexical measures and thresholds; a description is compared only with scenarios of the same core apps. */
    @Override
    public UniquenessPolicy uniquenessPolicy() {
        return new UniquenessPolicy(UNIQUENESS, UniquenessText.GROUP_KEY);
    }

    @Override
    public String uniquenessText(Workspace workspace) {
        return description(workspace).map(UniquenessText::of).orElse(workspace.read(file(Section.DESCRIPTION)).orElse(""));
    }

    @Override
    public ScenarioSummary summarize(Workspace workspace) {
        return description(workspace).map(d -> new ScenarioSummary(d.title(), d.narrative()))
                .orElse(new ScenarioSummary("phone scenario", "a proactive-assistant scenario on the simulated phone"));
    }

    private static Optional<Description> description(Workspace workspace) {
        return switch (SectionFiles.read(workspace, Section.DESCRIPTION)) {
            case SectionFiles.Read.Draft d -> Optional.of(d.scenario().description());
            case SectionFiles.Read.Unreadable u -> Optional.empty();
        };
    }

    /** {@code scenario.json}, the whole document, and {@code metadata.json}, PARE's metadata ledger entry. */
    @Override
    public void assemble(ScenarioAssembly assembly) {
        Scenario s = SectionFiles.readComplete(assembly.workspace());
        ObjectNode meta = JSON.createObjectNode();
        meta.put("scenario_id", assembly.scenarioId());
        meta.put("class_name", s.description().title());
        meta.put("title", s.description().title());
        meta.put("description", s.description().narrative());
        var apps = meta.putArray("apps");
        s.description().coreApps().forEach(apps::add);
        meta.put("family", String.valueOf(assembly.run().parameters().getOrDefault(FamilyAuthor.FAMILY_PARAMETER, "unknown")));
        meta.put("timestamp", clock.instant().toString());
        try {
            Files.createDirectories(assembly.target());
            Files.writeString(assembly.target().resolve(SCENARIO_FILE), new ScenarioWriter().write(s));
            Files.writeString(assembly.target().resolve(METADATA_FILE), JSON.writeValueAsString(meta) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scenario document into " + assembly.target(), e);
        }
    }

    /**
     * {@code scenarist validate --pack appworld FILE.json} checks one whole scenario document; a folder (a run's
     * workspace or an accepted scenario) gets every step's checks on its section files.
     */
    @Override
    public Map<String, List<Check>> validationChecks(ValidationTarget target) {
        Optional<String> file = target.file();
        if (file.isPresent()) {
            String name = Path.of(file.get()).getFileName().toString();
            if (name.endsWith(".json") && !SectionFiles.isSectionFile(name)) return Map.of("scenario", List.of(new DocumentCheck(name, checks)));
        }
        return Capabilities.everyStagesChecks(pipeline);
    }
}
