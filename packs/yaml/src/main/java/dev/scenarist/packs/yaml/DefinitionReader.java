package dev.scenarist.packs.yaml;

import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.Requirement;
import dev.scenarist.core.pack.Stage;
import dev.scenarist.core.pack.StagePolicy;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.yaml.checks.JudgeCheck;
import dev.scenarist.packs.yaml.gates.HumanGate;
import dev.scenarist.packs.yaml.gates.UniquenessGate;
import dev.scenarist.packs.yaml.offline.OfflineAuthorSource;
import dev.scenarist.packs.yaml.parameters.ParameterSpace;
import dev.scenarist.packs.yaml.parameters.ParameterSpec;
import dev.scenarist.core.text.DidYouMean;
import dev.scenarist.packs.yaml.tree.ListNode;
import dev.scenarist.packs.yaml.tree.MapNode;
import dev.scenarist.packs.yaml.tree.Node;
import dev.scenarist.packs.yaml.tree.ScalarNode;
import dev.scenarist.packs.yaml.tree.SourceLocation;
import dev.scenarist.sandbox.Sandbox;
import java.nio.file.Path;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a parsed pack.yaml into a {@link YamlPack}, validating every field where it is written. One use per load. */
final class DefinitionReader {
    static final double DEFAULT_DUPLICATE_THRESHOLD = 0.85;
    static final String DEFAULT_REPLIES_KEY = "topic";

    private static final List<String> ROOT_KEYS =
            List.of("name", "description", "context", "parameters", "stages", "uniqueness", "summary", "offline_author", "requires");
    private static final List<String> KINDS = List.of("author", "refine", "review", "gate");
    private static final List<String> AUTHOR_KEYS = List.of("name", "kind", "instructions", "outputs", "policy", "checks");
    private static final List<String> REFINE_KEYS = List.of("name", "kind", "instructions", "outputs", "policy", "checks", "rounds", "scorer");
    private static final List<String> REVIEW_KEYS = List.of("name", "kind", "instructions", "policy");
    private static final List<String> GATE_KEYS = List.of("name", "kind", "gate", "question");
    private static final List<String> GATES = List.of("uniqueness", "human");
    private static final List<String> OUTPUT_KEYS = List.of("path", "format", "required", "description");
    private static final List<String> POLICY_KEYS =
            List.of("editable", "tools", "model", "temperature", "max_tokens", "timeout", "max_attempts");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,39}");

    private static final String STAGES_EXAMPLE = """
            for example:
            stages:
              - name: describe
                kind: author
                instructions: Write item.json for a question about {{topic}}.
                outputs: [{path: item.json, format: json}]""";
    private static final String OUTPUTS_EXAMPLE = "e.g. outputs: [{path: item.json, format: json, description: the question}]";
    private static final String REQUIRES_EXAMPLE = "e.g. requires: [{command: sqlite3, package: sqlite3, why: the checks load the database}]";
    private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
    private static final String PARAMETERS_EXAMPLE = "e.g. topic: {pick: [library loans, flight bookings]} or rows: {range: [5, 20]}";

    private final Path packDir;
    private final Path packDirAsGiven;
    private final String packFile;
    private final Sandbox sandbox;
    private final String hash;
    private final DeclaredFiles declared = new DeclaredFiles();
    private ParameterSpace parameters = ParameterSpace.NONE;

    DefinitionReader(Path packDir, Path packDirAsGiven, String packFile, Sandbox sandbox, String hash) {
        this.packDir = packDir;
        this.packDirAsGiven = packDirAsGiven;
        this.packFile = packFile;
        this.sandbox = sandbox;
        this.hash = hash;
    }

    YamlPack read(Node rootNode) {
        MapNode root = rootNode.asMap("a pack file is a mapping; start with 'name: my-pack'");
        root.allowOnly(ROOT_KEYS, "a pack file");
        Node nameNode = root.require("name", "add 'name: my-pack' at the top");
        String name = nameNode.asText("e.g. name: sql-quiz");
        if (!NAME.matcher(name).matches()) {
            throw nameNode.error("pack name '" + name + "' is not allowed",
                    "use lower-case letters, digits, '-' or '_', starting with a letter, at most 40 characters, e.g. sql-quiz");
        }
        String description = text(root, "description");
        String context = text(root, "context");
        parameters = root.get("parameters").map(this::readParameters).orElse(ParameterSpace.NONE);
        // the uniqueness gate needs the threshold while the stages are read; its text_from needs the stages' outputs
        MapNode uniqueness = root.get("uniqueness").map(n -> n.asMap("e.g. uniqueness: {text_from: [item.json#/question], threshold: 0.8}")
                .allowOnly(List.of("text_from", "threshold"), "uniqueness")).orElse(null);
        double threshold = uniqueness == null ? DEFAULT_DUPLICATE_THRESHOLD : uniqueness.get("threshold")
                .map(n -> n.asScalar("e.g. threshold: 0.8").asDouble(0, 1, "a similarity from 0 to 1, e.g. 0.8"))
                .orElse(DEFAULT_DUPLICATE_THRESHOLD);
        Pipeline pipeline = readStages(root.require("stages", STAGES_EXAMPLE), threshold);
        YamlPack.UniquenessSource unique = new YamlPack.UniquenessSource(uniqueness == null ? List.of() : readTextFrom(uniqueness), threshold);
        YamlPack.SummarySource summary = root.get("summary").map(this::readSummary)
                .orElse(new YamlPack.SummarySource(Optional.empty(), Optional.empty()));
        OfflineAuthorSource offline = root.get("offline_author").map(this::readOffline)
                .orElse(new OfflineAuthorSource.None(new SourceLocation(packFile, 1, 1)));
        List<Requirement.Command> requires = root.get("requires").map(this::readRequires).orElse(List.of());
        return new YamlPack(name, description, context, packDir, hash, pipeline, parameters, unique, summary, offline, requires);
    }

    // ---------------------------------------------------------------- parameters

    private ParameterSpace readParameters(Node node) {
        MapNode m = node.asMap(PARAMETERS_EXAMPLE);
        List<ParameterSpec> specs = new ArrayList<>();
        for (var e : m.entries().entrySet()) {
            String name = e.getKey();
            Node v = e.getValue().value();
            if (!PARAMETER_NAME.matcher(name).matches()) {
                throw new PackDefinitionException(e.getValue().keyLocation(), m.path(), "parameter name '" + name + "' is not allowed",
                        "use lower-case letters, digits and '_' (it is written {{" + name.toLowerCase(Locale.ROOT) + "}} in instructions)");
            }
            specs.add(switch (v) {
                case ScalarNode s when !s.isNull() -> new ParameterSpec.Fixed(name, s.value());
                case ScalarNode s -> throw s.error("parameter '" + name + "' has no value", PARAMETERS_EXAMPLE);
                case ListNode l -> throw l.error("parameter '" + name + "' is a bare list",
                        "write '" + name + ": {pick: [...]}' to choose one value per run");
                case MapNode spec -> readParameterSpec(name, spec);
            });
        }
        return new ParameterSpace(specs);
    }

    private ParameterSpec readParameterSpec(String name, MapNode spec) {
        spec.allowOnly(List.of("pick", "range"), "a parameter");
        if (spec.has("pick") == spec.has("range")) {
            throw spec.error("parameter '" + name + "' needs exactly one of 'pick' or 'range'", PARAMETERS_EXAMPLE);
        }
        if (spec.has("pick")) {
            ListNode values = spec.require("pick", PARAMETERS_EXAMPLE).asList("e.g. pick: [easy, medium, hard]");
            if (values.items().isEmpty()) throw values.error("'pick' of parameter '" + name + "' is empty", "list at least one value");
            List<Object> out = new ArrayList<>();
            Set<Object> seen = new HashSet<>();
            for (Node item : values.items()) {
                Object value = item.asScalar("pick values are single values, e.g. pick: [easy, medium, hard]").value();
                if (!seen.add(value)) throw item.error("value '" + value + "' appears twice in 'pick'", "list each value once");
                out.add(value);
            }
            return new ParameterSpec.Pick(name, out);
        }
        ListNode range = spec.require("range", PARAMETERS_EXAMPLE).asList("e.g. range: [1, 10]");
        if (range.items().size() != 2) throw range.error("'range' needs exactly two numbers, [lowest, highest]", "e.g. range: [1, 10]");
        int lo = range.items().get(0).asScalar("e.g. range: [1, 10]").asInt(Integer.MIN_VALUE, Integer.MAX_VALUE, "e.g. range: [1, 10]");
        int hi = range.items().get(1).asScalar("e.g. range: [1, 10]").asInt(Integer.MIN_VALUE, Integer.MAX_VALUE, "e.g. range: [1, 10]");
        if (lo > hi) throw range.error("range [" + lo + ", " + hi + "] is empty", "write the lower bound first, e.g. [" + hi + ", " + lo + "]");
        return new ParameterSpec.IntRange(name, lo, hi);
    }

    // ---------------------------------------------------------------- stages

    private Pipeline readStages(Node node, double duplicateThreshold) {
        ListNode list = node.asList(STAGES_EXAMPLE);
        if (list.items().isEmpty()) throw list.error("the pipeline has no stages", STAGES_EXAMPLE);
        preDeclareOutputs(list);
        List<Stage> stages = new ArrayList<>();
        Map<String, SourceLocation> names = new HashMap<>();
        CheckReader checks = new CheckReader(packDir, packDirAsGiven, sandbox, declared, parameters.names());
        for (int i = 0; i < list.items().size(); i++) {
            stages.add(readStage(list.items().get(i).asMap(STAGES_EXAMPLE), i, names, checks, duplicateThreshold));
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

    private Stage readStage(MapNode m, int index, Map<String, SourceLocation> names, CheckReader checks, double duplicateThreshold) {
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
        requireKnownPlaceholders(n, text, "the instructions");
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

    // ---------------------------------------------------------------- uniqueness, summary, offline author

    private List<FileReference> readTextFrom(MapNode u) {
        String example = "e.g. text_from: [item.json#/question, reference.sql]";
        ListNode list = u.require("text_from", example).asList(example);
        if (list.items().isEmpty()) throw list.error("'text_from' is empty", example);
        List<FileReference> refs = new ArrayList<>();
        for (Node item : list.items()) refs.add(reference(item, "uniqueness.text_from"));
        return refs;
    }

    private YamlPack.SummarySource readSummary(Node node) {
        MapNode s = node.asMap("e.g. summary: {title_from: item.json#/title, description_from: item.json#/question}")
                .allowOnly(List.of("title_from", "description_from"), "summary");
        return new YamlPack.SummarySource(s.get("title_from").map(n -> reference(n, "summary.title_from")),
                s.get("description_from").map(n -> reference(n, "summary.description_from")));
    }

    private FileReference reference(Node n, String who) {
        String text = n.asText("a file, or a value in a JSON file such as item.json#/question");
        FileReference ref;
        try {
            ref = FileReference.parse(text);
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage(), "write file#/pointer/to/value, e.g. item.json#/question");
        }
        DeclaredFiles.Declared d = declared.requireAnywhere(n, ref.file(), who);
        if (ref.pointer().isPresent() && d.format() != FileFormat.JSON && d.format() != FileFormat.YAML) {
            throw n.error("'" + text + "' points inside '" + ref.file() + "', but a JSON pointer needs a json or yaml file and '"
                    + ref.file() + "' is declared as " + d.format().label(), "drop the '#…' part to use the whole file");
        }
        return ref;
    }

    private OfflineAuthorSource readOffline(Node node) {
        String example = "e.g. offline_author: {cassette: offline/cassette.jsonl}  or  offline_author: {replies: offline/replies, by: topic}";
        MapNode o = node.asMap(example).allowOnly(List.of("cassette", "replies", "by"), "offline_author");
        if (o.has("cassette") == o.has("replies")) throw o.error("offline_author needs exactly one of 'cassette' or 'replies'", example);
        if (o.has("cassette")) {
            if (o.has("by")) throw new PackDefinitionException(o.keyLocation("by"), o.path(), "'by' applies only to 'replies'", "remove it");
            Node c = o.require("cassette", example);
            String written = c.asText(example);
            return new OfflineAuthorSource.Cassette(packPath(c, written), written, c.location());
        }
        Node r = o.require("replies", example);
        String written = r.asText(example);
        // by: topic  or  by: [topic, angle] (one folder level per parameter, the first one required)
        List<Node> keys = o.get("by").map(n -> n instanceof ListNode l ? l.items() : List.of(n)).orElse(List.of());
        List<String> by = new java.util.ArrayList<>();
        for (Node k : keys) {
            String name = k.asText("e.g. by: topic  or  by: [topic, angle]");
            if (!parameters.names().contains(name)) {
                throw k.error("replies are organised by parameter '" + name + "', which is not declared",
                        "declare it under 'parameters:' or set 'by:' to one of: " + String.join(", ", parameters.names()));
            }
            by.add(name);
        }
        if (by.isEmpty()) by.add(DEFAULT_REPLIES_KEY);
        if (!parameters.names().contains(by.getFirst())) {
            throw r.error("replies are organised by parameter '" + by.getFirst() + "', which is not declared",
                    "declare it under 'parameters:' or set 'by:' to one of: " + String.join(", ", parameters.names()));
        }
        return new OfflineAuthorSource.Replies(packPath(r, written), List.copyOf(by), written, r.location());
    }

    /** A path inside the pack folder; absolute paths and '..' are refused so a pack stays self-contained. */
    private Path packPath(Node at, String relative) {
        String problem = Workspace.problemWithPath(relative);
        if (problem != null) {
            throw at.error(problem.replace("scenario folder", "pack folder"), "write the path relative to the pack folder, e.g. offline/cassette.jsonl");
        }
        return packDir.resolve(relative).normalize();
    }

    // ---------------------------------------------------------------- requires

    /**
     * Only what {@link YamlPack#requirements()} needs, read leniently: each command check's name and program, and
     * {@code requires:}. The preflight uses it to learn a pack's requirements without compiling its schemas and
     * checks; a mistake elsewhere in the file is skipped here and reported, with its line, by {@link #read}.
     */
    List<Requirement> readRequirements(Node rootNode) {
        if (!(rootNode instanceof MapNode root)) return List.of();
        List<YamlPack.CommandUse> uses = new ArrayList<>();
        if (root.get("stages").orElse(null) instanceof ListNode stages) {
            for (Node stage : stages.items()) {
                if (!(stage instanceof MapNode s) || !(s.get("checks").orElse(null) instanceof ListNode checks)) continue;
                for (Node check : checks.items()) {
                    if (!(check instanceof MapNode c) || !(c.get("type").orElse(null) instanceof ScalarNode type)
                            || !type.text().equals("command")) continue;
                    if (!(c.get("argv").orElse(null) instanceof ListNode argv) || argv.items().isEmpty()
                            || !(argv.items().getFirst() instanceof ScalarNode program)) continue;
                    String name = c.get("name").orElse(null) instanceof ScalarNode n ? n.text() : "command";
                    uses.add(new YamlPack.CommandUse(name, program.text()));
                }
            }
        }
        List<Requirement.Command> requires = root.get("requires").map(this::readRequires).orElse(List.of());
        return YamlPack.requirements(uses, requires);
    }

    /**
     * {@code requires:}: the commands the pack's check scripts run (a script's own commands cannot be read from its
     * argv), so a machine without them is told before a campaign starts. An item is a command name, or
     * {@code {command, package, why}} where package is the Debian/Ubuntu package (default: the command's name).
     */
    private List<Requirement.Command> readRequires(Node node) {
        ListNode list = node.asList(REQUIRES_EXAMPLE);
        List<Requirement.Command> out = new ArrayList<>();
        for (Node item : list.items()) {
            Requirement.Command c = switch (item) {
                case MapNode m -> {
                    m.allowOnly(List.of("command", "package", "why"), "a requires item");
                    String command = commandName(m.require("command", REQUIRES_EXAMPLE));
                    String pkg = m.get("package").map(n -> n.asText("e.g. package: sqlite3")).orElse(command);
                    String why = m.get("why").map(n -> n.asText("e.g. why: the checks load the database")).orElse("the pack's checks run it");
                    yield new Requirement.Command(command, why, pkg);
                }
                default -> new Requirement.Command(commandName(item), "the pack's checks run it", commandName(item));
            };
            out.add(c);
        }
        return out;
    }

    private static String commandName(Node n) {
        String command = n.asText(REQUIRES_EXAMPLE);
        if (!COMMAND_NAME.matcher(command).matches()) {
            throw n.error("'" + command + "' is not a command name", "name a command found on the PATH, without a folder, e.g. sqlite3");
        }
        return command;
    }

    // ---------------------------------------------------------------- helpers

    private static String text(MapNode m, String key) {
        return m.get(key).map(n -> n.asScalar("a text value").text()).orElse("");
    }

    /** Every {{name}} must be a declared parameter: an unknown one would reach the model unreplaced. */
    private void requireKnownPlaceholders(Node n, String text, String what) {
        Matcher m = dev.scenarist.core.pack.Placeholders.PATTERN.matcher(text);
        while (m.find()) {
            String p = m.group(1);
            if (parameters.names().contains(p)) continue;
            int lineInText = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            // a block scalar ('|') starts on the line below its key
            SourceLocation at = text.contains("\n") ? n.location().linesBelow(lineInText + 1) : n.location();
            throw new PackDefinitionException(at, n.path(), what + " use {{" + p + "}}, but no parameter '" + p + "' is declared",
                    DidYouMean.closest(p, parameters.names()).map(x -> "did you mean {{" + x + "}}? ").orElse("")
                            + "declare it under 'parameters:'" + (parameters.names().isEmpty() ? "" : " (declared: " + String.join(", ", parameters.names()) + ")"));
        }
    }
}
