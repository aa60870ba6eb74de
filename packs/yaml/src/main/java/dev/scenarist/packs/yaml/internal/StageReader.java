package dev.scenarist.packs.yaml.internal;

import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.text.DidYouMean;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.yaml.PackDefinitionException;
import dev.scenarist.packs.yaml.internal.checks.JudgeCheck;
import dev.scenarist.packs.yaml.internal.gates.HumanGate;
import dev.scenarist.packs.yaml.internal.gates.UniquenessGate;
import dev.scenarist.packs.yaml.internal.parameters.ParameterSpace;
import dev.scenarist.packs.yaml.tree.ListNode;
import dev.scenarist.packs.yaml.tree.MapNode;
import dev.scenarist.packs.yaml.tree.Node;
import dev.scenarist.packs.yaml.tree.ScalarNode;
import dev.scenarist.packs.yaml.tree.SourceLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code stages:} of a pack.yaml: each stage's kind, instructions, outputs, policy, checks (through {@link CheckReader})
 * and gate. Declares every output in the pack's {@link DeclaredFiles} as it goes. One use per load.
 */
final class StageReader {
    private static final List<String> KINDS = List.of("author", "refine", "review", "gate");
    private static final List<String> AUTHOR_KEYS = List.of("name", "kind", "instructions", "outputs", "policy", "checks");
    private static final List<String> REFINE_KEYS = List.of("name", "kind", "instructions", "outputs", "policy", "checks", "rounds", "scorer");
    private static final List<String> REVIEW_KEYS = List.of("name", "kind", "instructions", "policy");
    private static final List<String> GATE_KEYS = List.of("name", "kind", "gate", "question");
    private static final List<String> GATES = List.of("uniqueness", "human");
    private static final List<String> OUTPUT_KEYS = List.of("path", "format", "required", "description");
    private static final List<String> POLICY_KEYS =
            List.of("editable", "tools", "model", "temperature", "max_tokens", "timeout", "max_attempts");
    /** A pack's or a stage's name. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    static final String STAGES_EXAMPLE = """
            for example:
            stages:
              - name: describe
                kind: author
                instructions: Write item.json for a question about {{topic}}.
                outputs: [{path: item.json, format: json}]""";
    private static final String OUTPUTS_EXAMPLE = "e.g. outputs: [{path: item.json, format: json, description: the question}]";

    private final CheckReader checks;
    private final DeclaredFiles declared;
    private final ParameterSpace parameters;

    StageReader(CheckReader checks, DeclaredFiles declared, ParameterSpace parameters) {
        this.checks = checks;
        this.declared = declared;
        this.parameters = parameters;
    }

    Pipeline read(Node node, double duplicateThreshold) {
        ListNode list = node.asList(STAGES_EXAMPLE);
        if (list.items().isEmpty()) throw list.error("the pipeline has no stages", STAGES_EXAMPLE);
        preDeclareOutputs(list);
        List<Stage> stages = new ArrayList<>();
        Map<String, SourceLocation> names = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            stages.add(readStage(list.items().get(i).asMap(STAGES_EXAMPLE), i, names, duplicateThreshold));
        }
        return new Pipeline(stages);
    }

    /**
     * Notes every stage's outputs before any stage is read, leniently (the stages themselves report mistakes), so
     * that a check reading a file of a later stage is told exactly that rather than "no stage declares it".
     */
    private void preDeclareOutputs(ListNode stages) {
        for (int i = 0; i < stages.items().size(); i++) {
            if (!(stages.items().get(i) instanceof MapNode stage)) continue;
            String name = stage.get("name").filter(n -> n instanceof ScalarNode).map(n -> ((ScalarNode) n).text()).orElse("#" + (i + 1));
            if (!(stage.get("outputs").orElse(null) instanceof ListNode outputs)) continue;
            for (Node o : outputs.items()) {
                if (!(o instanceof MapNode out) || !(out.get("path").orElse(null) instanceof ScalarNode path)) continue;
                FileFormat format = formatFromExtension(path.text());
                if (out.get("format").orElse(null) instanceof ScalarNode f) {
                    try {
                        format = FileFormat.parse(f.text());
                    } catch (IllegalArgumentException e) {
                        // reported when the stage is read
                    }
                }
                declared.declare(path.text(), format, i, name);
            }
        }
    }

    private Stage readStage(MapNode m, int index, Map<String, SourceLocation> names, double duplicateThreshold) {
        Node nameNode = m.require("name", "give the stage a name, e.g. name: describe");
        String name = nameNode.asText("e.g. name: describe");
        if (!NAME.matcher(name).matches()) {
            throw nameNode.error("stage name '" + name + "' is not allowed",
                    "use lower-case letters, digits, '-' or '_', starting with a letter, at most 40 characters");
        }
        SourceLocation earlier = names.putIfAbsent(name, nameNode.location());
        if (earlier != null) {
            throw nameNode.error("stage name '" + name + "' is already used by the stage at line " + earlier.line(), "give each stage its own name");
        }
        Node kindNode = m.require("kind", "add 'kind:' with one of " + String.join(", ", KINDS));
        String kind = kindNode.asText("one of " + String.join(", ", KINDS));
        List<String> allowed = switch (kind) {
            case "author" -> AUTHOR_KEYS;
            case "refine" -> REFINE_KEYS;
            case "review" -> REVIEW_KEYS;
            case "gate" -> GATE_KEYS;
            default -> throw kindNode.error("unknown stage kind '" + kind + "'",
                    DidYouMean.hint(kind, KINDS)
                            + "kinds: author (write files, then check), refine (improve in scored rounds), "
                            + "review (a critic writes feedback), gate (uniqueness or human decision)");
        };
        rejectFieldsOfOtherKinds(m, kind, allowed);
        m.allowOnly(allowed, "a" + (kind.equals("author") ? "n " : " ") + kind + " stage");
        return switch (kind) {
            case "author" -> {
                String instructions = instructions(m);
                List<OutputFile> outputs = readOutputs(m.require("outputs", OUTPUTS_EXAMPLE), index, name);
                StagePolicy policy = readPolicy(m.get("policy"), index, name, true);
                List<Check> stageChecks = checks.read(m.get("checks"), index, name, outputs);
                yield new Stage.AuthorStage(name, instructions, policy, outputs, stageChecks);
            }
            case "refine" -> {
                String instructions = instructions(m);
                List<OutputFile> outputs = readOutputs(m.require("outputs", OUTPUTS_EXAMPLE), index, name);
                StagePolicy policy = readPolicy(m.get("policy"), index, name, true);
                List<Check> stageChecks = new ArrayList<>(checks.read(m.get("checks"), index, name, outputs));
                int rounds = m.get("rounds").map(n -> n.asScalar("e.g. rounds: 3").asInt(1, 20, "e.g. rounds: 3")).orElse(3);
                Check scorer = scorer(m, name, stageChecks);
                // the scorer grades each round; it is not also a pass/fail check (that would ask the judge twice)
                stageChecks.remove(scorer);
                yield new Stage.RefineStage(name, instructions, policy, outputs, stageChecks, scorer, rounds);
            }
            case "review" -> new Stage.ReviewStage(name, instructions(m), readPolicy(m.get("policy"), index, name, false));
            default -> readGate(m, name, duplicateThreshold);
        };
    }

    private void rejectFieldsOfOtherKinds(MapNode m, String kind, List<String> allowed) {
        for (String key : m.keys()) {
            boolean known = AUTHOR_KEYS.contains(key) || REFINE_KEYS.contains(key) || GATE_KEYS.contains(key);
            if (known && !allowed.contains(key)) {
                throw new PackDefinitionException(m.keyLocation(key), m.path(), "field '" + key + "' does not apply to a " + kind + " stage",
                        "remove it (fields of a " + kind + " stage: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private String instructions(MapNode m) {
        Node n = m.require("instructions", "write what the model should do in this stage, e.g. instructions: Write item.json for {{topic}}.");
        String text = n.asText("e.g. instructions: |\n  Write item.json ...");
        ParameterReader.requireKnownPlaceholders(parameters, n, text, "the instructions");
        return text;
    }

    private Check scorer(MapNode m, String stage, List<Check> stageChecks) {
        Node n = m.require("scorer", "name the judge check that scores each round, e.g. scorer: quality");
        String name = n.asText("e.g. scorer: quality");
        List<String> judges = stageChecks.stream().filter(c -> c instanceof JudgeCheck).map(Check::name).toList();
        Check found = stageChecks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> n.error(
                "refine stage '" + stage + "': scorer '" + name + "' is not a check of this stage",
                judges.isEmpty() ? "add a check with 'type: judge' and 'name: " + name + "' to this stage's checks"
                        : "name one of its judge checks: " + String.join(", ", judges)));
        if (!(found instanceof JudgeCheck)) {
            throw n.error("refine stage '" + stage + "': scorer '" + name + "' is a " + CheckReader.typeOf(found)
                            + " check, but a scorer must be a judge check (only a judge gives a score)",
                    judges.isEmpty() ? "add a check with 'type: judge' and use its name" : "use one of: " + String.join(", ", judges));
        }
        return found;
    }

    private Stage readGate(MapNode m, String name, double duplicateThreshold) {
        Node g = m.require("gate", "e.g. gate: uniqueness   (or gate: human)");
        String gate = g.asText("uniqueness or human");
        return switch (gate) {
            case "uniqueness" -> {
                if (m.has("question")) {
                    throw new PackDefinitionException(m.keyLocation("question"), m.path(), "'question' applies only to 'gate: human'", "remove it");
                }
                yield new Stage.GateStage(name, new UniquenessGate(duplicateThreshold));
            }
            case "human" -> new Stage.GateStage(name, new HumanGate(m.get("question")
                    .map(q -> q.asText("e.g. question: Is this item fair?")).orElse(HumanGate.DEFAULT_QUESTION)));
            default -> throw g.error("unknown gate '" + gate + "'",
                    DidYouMean.hint(gate, GATES)
                            + "gates: uniqueness (reject near-duplicates of accepted scenarios), human (wait for a person)");
        };
    }

    private List<OutputFile> readOutputs(Node node, int index, String stage) {
        ListNode list = node.asList(OUTPUTS_EXAMPLE);
        if (list.items().isEmpty()) throw list.error("stage '" + stage + "' declares no output files", OUTPUTS_EXAMPLE);
        List<OutputFile> out = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (Node item : list.items()) {
            MapNode o = item.asMap(OUTPUTS_EXAMPLE).allowOnly(OUTPUT_KEYS, "an output file");
            Node pathNode = o.require("path", "e.g. path: item.json");
            String path = pathNode.asText("e.g. path: item.json");
            String problem = Workspace.problemWithPath(path);
            if (problem != null) throw pathNode.error(problem, "use a relative path inside the scenario folder, e.g. data/seed.sql");
            if (!paths.add(path)) throw pathNode.error("output '" + path + "' is declared twice in stage '" + stage + "'", "declare it once");
            FileFormat format = o.get("format").map(this::format).orElse(formatFromExtension(path));
            boolean required = o.get("required").map(n -> n.asScalar("true or false").asBoolean("true or false")).orElse(true);
            String description = text(o, "description");
            out.add(new OutputFile(path, format, required, description));
            declared.declare(path, format, index, stage);
        }
        return out;
    }

    private FileFormat format(Node n) {
        String f = n.asText("one of json, yaml, xml, text, code");
        try {
            return FileFormat.parse(f);
        } catch (IllegalArgumentException e) {
            List<String> formats = List.of("json", "yaml", "xml", "text", "code");
            throw n.error("unknown file format '" + f + "'", DidYouMean.hint(f, formats)
                    + "formats: json, yaml, xml, text, code");
        }
    }

    /** The format when none is written: by extension, text for anything unknown. */
    static FileFormat formatFromExtension(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".json")) return FileFormat.JSON;
        if (p.endsWith(".yaml") || p.endsWith(".yml")) return FileFormat.YAML;
        if (p.endsWith(".xml")) return FileFormat.XML;
        return FileFormat.TEXT;
    }

    private StagePolicy readPolicy(Optional<Node> node, int index, String stage, boolean mayEdit) {
        if (node.isEmpty()) return new StagePolicy(List.of(), List.of(), ModelSettings.DEFAULTS, StagePolicy.DEFAULT_MAX_ATTEMPTS);
        MapNode p = node.get().asMap("e.g. policy: {max_attempts: 3, temperature: 0.7}").allowOnly(POLICY_KEYS, "a stage policy");
        List<String> editable = new ArrayList<>();
        p.get("editable").ifPresent(n -> {
            if (!mayEdit) throw n.error("a review stage edits no files", "remove 'editable'");
            for (Node item : n.asList("e.g. editable: [item.json, schema.sql#tables]").items()) {
                String entry = item.asText("a file or file#region");
                String file = entry.contains("#") ? entry.substring(0, entry.indexOf('#')) : entry;
                declared.requireBy(item, file, index, stage, "policy.editable");
                editable.add(entry);
            }
        });
        List<String> tools = p.get("tools").map(n -> n.asList("e.g. tools: [read, search]").texts("a tool name")).orElse(List.of());
        Optional<String> model = p.get("model").map(n -> n.asText("e.g. model: gpt-4.1-mini"));
        OptionalDouble temperature = p.get("temperature")
                .map(n -> OptionalDouble.of(n.asScalar("e.g. temperature: 0.7").asDouble(0, 2, "a number from 0 to 2"))).orElse(OptionalDouble.empty());
        OptionalInt maxTokens = p.get("max_tokens")
                .map(n -> OptionalInt.of(n.asScalar("e.g. max_tokens: 4000").asInt(1, 2_000_000, "e.g. max_tokens: 4000"))).orElse(OptionalInt.empty());
        Duration timeout = p.get("timeout").map(n -> n.asScalar("e.g. timeout: 2m").asDuration("e.g. timeout: 2m"))
                .orElse(ModelSettings.DEFAULT_TIMEOUT);
        int maxAttempts = p.get("max_attempts").map(n -> n.asScalar("e.g. max_attempts: 3").asInt(1, 50, "e.g. max_attempts: 3"))
                .orElse(StagePolicy.DEFAULT_MAX_ATTEMPTS);
        return new StagePolicy(editable, tools, new ModelSettings(model, temperature, maxTokens, timeout), maxAttempts);
    }

    static String text(MapNode m, String key) {
        return m.get(key).map(n -> n.asScalar("a text value").text()).orElse("");
    }
}
