package dev.scenarist.packs.yaml.internal;

import dev.scenarist.core.model.Json;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.OutputFile;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.yaml.internal.checks.CommandCheck;
import dev.scenarist.packs.yaml.internal.checks.JsonSchemaCheck;
import dev.scenarist.packs.yaml.internal.checks.JsonSchemas;
import dev.scenarist.packs.yaml.internal.checks.JudgeCheck;
import dev.scenarist.packs.yaml.internal.checks.PatternsCheck;
import dev.scenarist.packs.yaml.internal.checks.RequiredFilesCheck;
import dev.scenarist.core.text.DidYouMean;
import dev.scenarist.packs.yaml.tree.ListNode;
import dev.scenarist.packs.yaml.tree.MapNode;
import dev.scenarist.packs.yaml.tree.Node;
import dev.scenarist.packs.yaml.tree.ScalarNode;
import dev.scenarist.packs.yaml.tree.YamlTree;
import dev.scenarist.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a stage's {@code checks:} list into {@link Check}s, validating each against the files the stages declare. */
final class CheckReader {
    static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_MEMORY_MB = 512;
    static final double DEFAULT_JUDGE_THRESHOLD = 0.7;

    /** The fields of each check type, besides {@code type} and {@code name}. */
    private static final Map<String, List<String>> TYPES = checkTypes();

    private static Map<String, List<String>> checkTypes() {
        Map<String, List<String>> types = new LinkedHashMap<>();
        types.put("required_files", List.of("files"));
        types.put("json_schema", List.of("file", "schema", "schema_file"));
        types.put("patterns", List.of("file", "forbid", "require"));
        types.put("command", List.of("argv", "timeout", "memory_mb"));
        types.put("judge", List.of("rubric", "files", "threshold"));
        return Collections.unmodifiableMap(types);
    }

    private static final Pattern CHECK_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    private static final Pattern PACK_FILE = Pattern.compile("\\{\\{pack_dir}}/([^\\s'\";|&<>()]+)");
    private static final String CHECKS_EXAMPLE = "e.g. checks: [{type: required_files, files: [item.json]}]";

    private final Path packDir;
    private final Path packDirAsGiven;
    private final Sandbox sandbox;
    private final DeclaredFiles declared;
    private final Set<String> parameterNames;
    private final JsonSchemas schemas = new JsonSchemas();

    CheckReader(Path packDir, Path packDirAsGiven, Sandbox sandbox, DeclaredFiles declared, Set<String> parameterNames) {
        this.packDir = packDir;
        this.packDirAsGiven = packDirAsGiven;
        this.sandbox = sandbox;
        this.declared = declared;
        this.parameterNames = parameterNames;
    }

    static String typeOf(Check c) {
        return switch (c) {
            case RequiredFilesCheck r -> "required_files";
            case JsonSchemaCheck j -> "json_schema";
            case PatternsCheck p -> "patterns";
            case CommandCheck x -> "command";
            case JudgeCheck j -> "judge";
            default -> c.getClass().getSimpleName();
        };
    }

    List<Check> read(Optional<Node> node, int stageIndex, String stage, List<OutputFile> outputs) {
        if (node.isEmpty()) return List.of();
        List<Check> out = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (Node item : node.get().asList(CHECKS_EXAMPLE).items()) {
            MapNode c = item.asMap(CHECKS_EXAMPLE);
            Node typeNode = c.require("type", "add 'type:' with one of " + String.join(", ", TYPES.keySet()));
            String type = typeNode.asText("one of " + String.join(", ", TYPES.keySet()));
            List<String> fields = TYPES.get(type);
            if (fields == null) {
                throw typeNode.error("unknown check type '" + type + "'", DidYouMean.hint(type, TYPES.keySet()) + "check types: " + String.join(", ", TYPES.keySet()));
            }
            List<String> allowed = new ArrayList<>(List.of("type", "name"));
            allowed.addAll(fields);
            c.allowOnly(allowed, "a " + type + " check");
            Node nameNode = c.get("name").orElse(typeNode);
            String name = c.get("name").map(n -> n.asText("e.g. name: answerable")).orElse(type);
            if (!CHECK_NAME.matcher(name).matches()) {
                throw nameNode.error("check name '" + name + "' is not allowed", "use lower-case letters, digits, '-' or '_', starting with a letter");
            }
            Integer earlierLine = names.putIfAbsent(name, nameNode.location().line());
            if (earlierLine != null) {
                throw nameNode.error("stage '" + stage + "' has two checks named '" + name + "' (the other at line " + earlierLine + ")",
                        "give each check of a stage its own 'name:'");
            }
            Ctx ctx = new Ctx(c, name, stageIndex, stage, "check '" + name + "'");
            out.add(switch (type) {
                case "required_files" -> requiredFiles(ctx);
                case "json_schema" -> jsonSchema(ctx);
                case "patterns" -> patterns(ctx);
                case "command" -> command(ctx);
                default -> judge(ctx, outputs);
            });
        }
        return out;
    }

    /** What every check reader needs: the check's mapping, its name, and where it sits in the pipeline. */
    private record Ctx(MapNode node, String name, int stageIndex, String stage, String who) {}

    private String declaredFile(Ctx ctx, Node n) {
        String file = n.asText("a file one of the stages declares as an output");
        declared.requireBy(n, file, ctx.stageIndex(), ctx.stage(), ctx.who());
        return file;
    }

    private Check requiredFiles(Ctx ctx) {
        String example = "e.g. files: [item.json, schema.sql]";
        ListNode files = ctx.node().require("files", example).asList(example);
        if (files.items().isEmpty()) throw files.error("'files' is empty", example);
        List<String> out = new ArrayList<>();
        for (Node f : files.items()) out.add(declaredFile(ctx, f));
        return new RequiredFilesCheck(ctx.name(), out);
    }

    private Check jsonSchema(Ctx ctx) {
        MapNode c = ctx.node();
        Node fileNode = c.require("file", "e.g. file: item.json");
        String file = declaredFile(ctx, fileNode);
        FileFormat format = declared.requireBy(fileNode, file, ctx.stageIndex(), ctx.stage(), ctx.who()).format();
        if (format != FileFormat.JSON && format != FileFormat.YAML) {
            throw fileNode.error("json_schema checks json or yaml files, but '" + file + "' is declared as " + format.label(),
                    "use a patterns or command check for it, or declare it with format: json");
        }
        String example = "give 'schema:' (an inline JSON Schema mapping) or 'schema_file: schemas/item.schema.json'";
        if (c.has("schema") == c.has("schema_file")) throw c.error("a json_schema check needs exactly one of 'schema' or 'schema_file'", example);
        Node schemaNode;
        String source;
        if (c.has("schema")) {
            schemaNode = c.require("schema", example).asMap("an inline JSON Schema, e.g. schema: {type: object, required: [title]}");
            source = schemaNode.location().toString();
        } else {
            Node sf = c.require("schema_file", example);
            String rel = sf.asText("e.g. schema_file: schemas/item.schema.json");
            String problem = Workspace.problemWithPath(rel);
            if (problem != null) throw sf.error(problem.replace("scenario folder", "pack folder"), "write the path relative to the pack folder");
            Path schemaFile = packDir.resolve(rel).normalize();
            if (!Files.isRegularFile(schemaFile)) {
                throw sf.error("schema file '" + rel + "' does not exist (looked for " + schemaFile + ")", "create it or fix the path");
            }
            try {
                // JSON is YAML: reading the schema through YamlTree gives its mistakes a line and column too
                schemaNode = new YamlTree(packDirAsGiven.resolve(rel).toString()).parse(Files.readString(schemaFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw sf.error("cannot read schema file '" + rel + "': " + e.getMessage(), "");
            }
            source = rel;
        }
        String schemaJson = Json.write(schemaNode.toJson());
        for (JsonSchemas.Violation v : schemas.checkSchema(schemaJson)) {
            Node at = schemaNode.deepestAt(v.pointer());
            throw at.error("invalid JSON Schema: " + v.message(), "fix the schema (JSON Schema draft 2020-12, https://json-schema.org/understanding-json-schema)");
        }
        JsonSchemas.Compiled compiled;
        try {
            compiled = schemas.compile(schemaJson);
        } catch (IllegalArgumentException e) {
            throw schemaNode.error("the JSON Schema cannot be used: " + e.getMessage(), "fix the schema; $ref must point inside it or to a bundled meta-schema");
        }
        return new JsonSchemaCheck(ctx.name(), file, format, compiled, source);
    }

    private Check patterns(Ctx ctx) {
        MapNode c = ctx.node();
        Node fileNode = c.require("file", "a file or a glob, e.g. file: seed.sql or file: \"*.sql\"");
        String file = fileNode.asText("e.g. file: seed.sql");
        if (PatternsCheck.isGlob(file)) {
            PatternsCheck probe = new PatternsCheck(ctx.name(), file, List.of(), List.of());
            if (declared.matching(probe::covers, ctx.stageIndex()).isEmpty()) {
                throw fileNode.error("the glob '" + file + "' matches none of the files declared so far (" + String.join(", ", declared.paths()) + ")",
                        "fix the glob, or move the check to the stage that writes those files");
            }
        } else {
            declaredFile(ctx, fileNode);
        }
        List<PatternsCheck.Rule> forbid = rules(c, "forbid");
        List<PatternsCheck.Rule> require = rules(c, "require");
        if (forbid.isEmpty() && require.isEmpty()) {
            throw c.error("a patterns check needs 'forbid' or 'require' patterns", "e.g. forbid: ['(?i)\\bATTACH\\b']  require: ['CREATE TABLE']");
        }
        return new PatternsCheck(ctx.name(), file, forbid, require);
    }

    private List<PatternsCheck.Rule> rules(MapNode c, String key) {
        String example = "e.g. " + key + ": ['(?i)\\bATTACH\\b', {regex: '^\\.', message: no sqlite dot-commands}]";
        List<PatternsCheck.Rule> out = new ArrayList<>();
        Optional<Node> list = c.get(key);
        if (list.isEmpty()) return out;
        for (Node item : list.get().asList(example).items()) {
            Node regexNode = item;
            String message = "";
            if (item instanceof MapNode m) {
                m.allowOnly(List.of("regex", "message"), "a pattern");
                regexNode = m.require("regex", example);
                message = m.get("message").map(n -> n.asText("e.g. message: no ATTACH")).orElse("");
            }
            String regex = regexNode.asText(example);
            try {
                // forbid patterns see one line at a time; require patterns see the whole file, where ^ and $ must
                // still mean "start/end of a line" (and Java's MULTILINE ^ would not match an empty single line)
                out.add(new PatternsCheck.Rule(Pattern.compile(regex, key.equals("require") ? Pattern.MULTILINE : 0), message));
            } catch (PatternSyntaxException e) {
                throw regexNode.error("invalid regular expression '" + regex + "': " + e.getDescription()
                                + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""),
                        "escape special characters with a backslash (\\. \\( \\[) and write the pattern in 'single quotes' so YAML keeps backslashes");
            }
        }
        return out;
    }

    private Check command(Ctx ctx) {
        MapNode c = ctx.node();
        String example = "e.g. argv: [sh, \"{{pack_dir}}/checks/run.sh\"]";
        Node argvNode = c.require("argv", example);
        if (argvNode instanceof ScalarNode s && !s.isNull()) {
            throw s.error("'argv' must be a list of arguments, not one text (no shell splits it)",
                    "write argv: [sh, -c, '" + s.text() + "'] or split it into [program, arg1, arg2]");
        }
        ListNode argvList = argvNode.asList(example);
        if (argvList.items().isEmpty()) throw argvList.error("'argv' is empty", example);
        List<String> argv = new ArrayList<>();
        for (Node a : argvList.items()) {
            String arg = a.asScalar(example).text();
            Matcher ph = dev.scenarist.core.pack.Placeholders.PATTERN.matcher(arg);
            while (ph.find()) {
                String p = ph.group(1);
                if (!p.equals("pack_dir") && !p.equals("workspace")) {
                    throw a.error("unknown placeholder {{" + p + "}} in argv", "only {{pack_dir}} and {{workspace}} are replaced in a command");
                }
            }
            Matcher pf = PACK_FILE.matcher(arg);
            while (pf.find()) {
                if (!Files.exists(packDir.resolve(pf.group(1)).normalize())) {
                    throw a.error("the command uses {{pack_dir}}/" + pf.group(1) + ", but '" + pf.group(1) + "' does not exist in the pack folder "
                            + packDirAsGiven, "add the file to the pack folder or fix the path");
                }
            }
            argv.add(arg);
        }
        Duration timeout = c.get("timeout").map(n -> n.asScalar("e.g. timeout: 30s").asDuration("e.g. timeout: 30s")).orElse(DEFAULT_COMMAND_TIMEOUT);
        int memoryMb = c.get("memory_mb").map(n -> n.asScalar("e.g. memory_mb: 512").asInt(16, 1 << 20, "e.g. memory_mb: 512")).orElse(DEFAULT_MEMORY_MB);
        return new CommandCheck(ctx.name(), argv, timeout, (long) memoryMb << 20, packDir, sandbox);
    }

    private Check judge(Ctx ctx, List<OutputFile> outputs) {
        MapNode c = ctx.node();
        Node rubricNode = c.require("rubric", "say what the judge grades, e.g. rubric: Is the question answerable from the schema alone?");
        String rubric = rubricNode.asText("e.g. rubric: |\n  Is the question answerable ...");
        Matcher ph = dev.scenarist.core.pack.Placeholders.PATTERN.matcher(rubric);
        while (ph.find()) {
            if (!parameterNames.contains(ph.group(1))) {
                throw rubricNode.error("the rubric uses {{" + ph.group(1) + "}}, but no parameter '" + ph.group(1) + "' is declared",
                        DidYouMean.closest(ph.group(1), parameterNames).map(x -> "did you mean {{" + x + "}}? ").orElse("") + "declare it under 'parameters:'");
            }
        }
        List<String> files = new ArrayList<>();
        Optional<Node> filesNode = c.get("files");
        if (filesNode.isPresent()) {
            for (Node f : filesNode.get().asList("e.g. files: [item.json, reference.sql]").items()) files.add(declaredFile(ctx, f));
        } else {
            outputs.forEach(o -> files.add(o.path()));
        }
        double threshold = c.get("threshold").map(n -> n.asScalar("e.g. threshold: 0.7").asDouble(0, 1, "a score from 0 to 1, e.g. 0.7"))
                .orElse(DEFAULT_JUDGE_THRESHOLD);
        return new JudgeCheck(ctx.name(), rubric, files, threshold);
    }

}
