package dev.scenarist.packs.yaml.internal;

import dev.scenarist.core.pack.FileFormat;
import dev.scenarist.core.pack.Pipeline;
import dev.scenarist.core.pack.Requirement;
import dev.scenarist.core.workspace.Workspace;
import dev.scenarist.packs.yaml.PackDefinitionException;
import dev.scenarist.packs.yaml.internal.offline.OfflineAuthorSource;
import dev.scenarist.packs.yaml.internal.parameters.ParameterSpace;
import dev.scenarist.packs.yaml.tree.ListNode;
import dev.scenarist.packs.yaml.tree.MapNode;
import dev.scenarist.packs.yaml.tree.Node;
import dev.scenarist.packs.yaml.tree.SourceLocation;
import dev.scenarist.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a parsed pack.yaml into a {@link PackDefinition}, validating every field where it is written. One use per load.
 * The top-level fields, uniqueness, summary and offline author are read here; {@link ParameterReader},
 * {@link StageReader} (with {@link CheckReader}) and {@link RequiresReader} read the rest.
 */
public final class DefinitionReader {
    static final double DEFAULT_DUPLICATE_THRESHOLD = 0.85;
    static final String DEFAULT_REPLIES_KEY = "topic";

    private static final List<String> ROOT_KEYS =
            List.of("name", "description", "context", "parameters", "stages", "uniqueness", "summary", "offline_author", "requires");

    private final Path packDir;
    private final Path packDirAsGiven;
    private final String packFile;
    private final Sandbox sandbox;
    private final String hash;
    private final DeclaredFiles declared = new DeclaredFiles();
    private ParameterSpace parameters = ParameterSpace.NONE;

    /**
     * @param packDir        the pack folder, absolute
     * @param packDirAsGiven the pack folder as the user wrote it, for messages
     * @param packFile       pack.yaml as shown in messages
     * @param sandbox        where the pack's command checks run
     * @param hash           the pack folder's hash (see {@link dev.scenarist.packs.yaml.YamlPack#definitionHash()})
     */
    public DefinitionReader(Path packDir, Path packDirAsGiven, String packFile, Sandbox sandbox, String hash) {
        this.packDir = packDir;
        this.packDirAsGiven = packDirAsGiven;
        this.packFile = packFile;
        this.sandbox = sandbox;
        this.hash = hash;
    }

    public PackDefinition read(Node rootNode) {
        MapNode root = rootNode.asMap("a pack file is a mapping; start with 'name: my-pack'");
        root.allowOnly(ROOT_KEYS, "a pack file");
        Node nameNode = root.require("name", "add 'name: my-pack' at the top");
        String name = nameNode.asText("e.g. name: sql-quiz");
        if (!StageReader.NAME.matcher(name).matches()) {
            throw nameNode.error("pack name '" + name + "' is not allowed",
                    "use lower-case letters, digits, '-' or '_', starting with a letter, at most 40 characters, e.g. sql-quiz");
        }
        String description = StageReader.text(root, "description");
        String context = StageReader.text(root, "context");
        parameters = root.get("parameters").map(ParameterReader::read).orElse(ParameterSpace.NONE);
        // the uniqueness gate needs the threshold while the stages are read; its text_from needs the stages' outputs
        MapNode uniqueness = root.get("uniqueness").map(n -> n.asMap("e.g. uniqueness: {text_from: [item.json#/question], threshold: 0.8}")
                .allowOnly(List.of("text_from", "threshold"), "uniqueness")).orElse(null);
        double threshold = uniqueness == null ? DEFAULT_DUPLICATE_THRESHOLD : uniqueness.get("threshold")
                .map(n -> n.asScalar("e.g. threshold: 0.8").asDouble(0, 1, "a similarity from 0 to 1, e.g. 0.8"))
                .orElse(DEFAULT_DUPLICATE_THRESHOLD);
        CheckReader checks = new CheckReader(packDir, packDirAsGiven, sandbox, declared, parameters.names());
        Pipeline pipeline = new StageReader(checks, declared, parameters).read(root.require("stages", StageReader.STAGES_EXAMPLE), threshold);
        UniquenessSource unique = new UniquenessSource(uniqueness == null ? List.of() : readTextFrom(uniqueness), threshold);
        SummarySource summary = root.get("summary").map(this::readSummary)
                .orElse(new SummarySource(Optional.empty(), Optional.empty()));
        OfflineAuthorSource offline = root.get("offline_author").map(this::readOffline)
                .orElse(new OfflineAuthorSource.None(new SourceLocation(packFile, 1, 1)));
        List<Requirement.Command> requires = root.get("requires").map(RequiresReader::read).orElse(List.of());
        return new PackDefinition(new PackDefinition.Texts(name, description, context), packDir, hash, pipeline, parameters,
                new PackDefinition.Sources(unique, summary, offline, requires));
    }

    private List<FileReference> readTextFrom(MapNode u) {
        String example = "e.g. text_from: [item.json#/question, reference.sql]";
        ListNode list = u.require("text_from", example).asList(example);
        if (list.items().isEmpty()) throw list.error("'text_from' is empty", example);
        List<FileReference> refs = new ArrayList<>();
        for (Node item : list.items()) refs.add(reference(item, "uniqueness.text_from"));
        return refs;
    }

    private SummarySource readSummary(Node node) {
        MapNode s = node.asMap("e.g. summary: {title_from: item.json#/title, description_from: item.json#/question}")
                .allowOnly(List.of("title_from", "description_from"), "summary");
        return new SummarySource(s.get("title_from").map(n -> reference(n, "summary.title_from")),
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

    /**
     * Only what {@link dev.scenarist.packs.yaml.YamlPack#requirements()} needs, read leniently (see
     * {@link RequiresReader#readRequirements}).
     */
    public List<Requirement> readRequirements(Node rootNode) {
        return RequiresReader.readRequirements(rootNode);
    }
}
