package dev.scenarist.packs.mechanisms.internal.mjcf;

import dev.scenarist.core.model.Finding;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A read-only view of an MJCF model for code that draws or measures it: parsed, includes expanded and default
 * classes resolved by the same passes the {@link MjcfValidator} runs, so a reader and the validator never disagree
 * on what a file says.
 *
 * <p>Lenient on purpose: only what makes the file unreadable (missing or unreadable file, malformed XML, a missing
 * include, a root other than {@code <mujoco>}) is thrown. Grammar and compiler-rule errors are the validator's
 * business; the view shows whatever the file holds. Not lenient about where files are: an include or asset file
 * outside the model's {@link ReadScope} is never opened (an include is fatal, an asset throws from {@link #assetFile}).
 */
public final class MjcfModel {
    /** Finding codes after which nothing sensible can be read. */
    private static final Set<String> FATAL = Set.of(MjcfValidator.FILE, MjcfValidator.XML, MjcfValidator.INCLUDE,
            MjcfValidator.ROOT, MjcfValidator.OUTSIDE_FOLDER);

    private final Path file;
    private final ModelIndex index;
    private final AssetDirs dirs;
    private final ReadScope scope;

    /** What came of reading a model file strictly ({@link #read}). */
    public sealed interface Read permits Valid, Invalid {}

    /** The model passed the validator; {@code warnings} are its non-error findings. */
    public record Valid(MjcfModel model, List<Finding> warnings) implements Read {
        public Valid {
            warnings = List.copyOf(warnings);
        }
    }

    /** The validator found errors (MuJoCo would refuse the model); {@code errors} says which. */
    public record Invalid(List<Finding> errors) implements Read {
        public Invalid {
            errors = List.copyOf(errors);
        }

        /** The errors as one message, "file:line: message" per line. */
        public String message() {
            return errors.stream().map(f -> (f.location().isEmpty() ? "" : f.location() + ": ") + f.message())
                    .collect(Collectors.joining("\n"));
        }
    }

    MjcfModel(Path file, ModelIndex index, ReadScope scope) {
        this.file = file;
        this.index = index;
        this.dirs = AssetDirs.of(index);
        this.scope = scope;
    }

    /** Reads {@code file}; includes and asset files resolve against its folder. */
    public static MjcfModel load(Path file) throws MjcfReadException {
        return load(file, List.of());
    }

    /** Reads {@code file}; includes and asset files resolve against its folder and may lie in {@code allowedReads}. */
    public static MjcfModel load(Path file, List<Path> allowedReads) throws MjcfReadException {
        Path main = file.toAbsolutePath().normalize();
        String shown = main.getFileName() == null ? main.toString() : main.getFileName().toString();
        Findings out = new Findings(Integer.MAX_VALUE);
        ReadScope scope = new ReadScope(main.getParent(), allowedReads);
        String text = MjcfValidator.readMain(main, shown, scope, out);
        ModelIndex index = text == null ? null
                : MjcfValidator.index(MjcfSchema.bundled(), text, shown, scope, Set.of(main), out);
        List<Finding> fatal = out.result().stream().filter(f -> f.isError() && FATAL.contains(f.code())).toList();
        if (index == null || !fatal.isEmpty()) {
            String why = fatal.isEmpty() ? "unreadable model"
                    : fatal.stream().map(f -> f.location().isEmpty() ? f.message() : f.location() + ": " + f.message())
                            .collect(Collectors.joining("; "));
            throw new MjcfReadException("cannot read MJCF model " + main + ": " + why);
        }
        return new MjcfModel(main, index, scope);
    }

    /**
     * Reads a model strictly: validated with the bundled schema, and its content given only when MuJoCo would load
     * it (the pure-Java simulator needs that). {@link #load} is the lenient reader (previews draw what they can).
     */
    public static Read read(Path modelFile) {
        return new MjcfValidator().read(modelFile);
    }

    /** The {@code <mujoco>} element. */
    public MjcfElement root() {
        return wrap(index.root);
    }

    /**
     * Every element of {@code kind} (a schema element id such as "geom", "connect", "motor"; see
     * {@link MjcfElement#kind()}) outside {@code <default>}, in document order.
     */
    public List<MjcfElement> all(String kind) {
        List<MjcfElement> out = new java.util.ArrayList<>();
        for (MjcfNode n : index.nodes) {
            if (n.def != null && n.def.id().equals(kind) && !ModelIndex.inDefaults(n)) out.add(wrap(n));
        }
        return out;
    }

    /** The element declared as {@code name} in {@code namespace} ("body", "geom", "site", "mesh", "joint", ...). */
    public Optional<MjcfElement> named(String namespace, String name) {
        MjcfNode n = index.names.getOrDefault(namespace, Map.of()).get(name);
        return Optional.ofNullable(n).map(this::wrap);
    }

    /** A {@code <compiler>} attribute (later elements override earlier ones), or {@code fallback}. */
    public String compiler(String attribute, String fallback) {
        return index.compilerValue(attribute, fallback);
    }

    /** Where bodies' masses come from, as this model's {@code <compiler>} says (the validator reads the same rule). */
    public MassRule massRule() {
        return index.massRule();
    }

    MjcfElement wrap(MjcfNode n) {
        return new MjcfElement(n, this);
    }

    /** The model file, absolute. */
    public Path file() {
        return file;
    }

    /** {@code <mujoco model="...">}, or empty. */
    public Optional<String> modelName() {
        return index.root.attr("model");
    }

    /** A {@code <compiler>} attribute (the last {@code <compiler>} that sets it wins), or empty when unset. */
    public Optional<String> compiler(String attribute) {
        return Optional.ofNullable(index.compiler.get(attribute));
    }

    /** The {@code <worldbody>} sections in document order (MuJoCo merges several into one world body). */
    public List<MjcfElement> worldbodies() {
        return index.root.children.stream().filter(ModelIndex::isWorld).map(n -> new MjcfElement(n, this)).toList();
    }

    /**
     * The asset of kind {@code kind} ({@code mesh}, {@code material}, {@code texture}, ...) named {@code name},
     * counting the names MuJoCo gives file assets without a name (the file name without folder and extension).
     */
    public Optional<MjcfElement> asset(String kind, String name) {
        MjcfNode n = index.names.getOrDefault(kind, Map.of()).get(name);
        return n == null ? Optional.empty() : Optional.of(new MjcfElement(n, this));
    }

    /**
     * The file an asset element's {@code file=} names, resolved as MuJoCo does (meshdir/texturedir/assetdir,
     * strippath, relative to the model's folder), symlinks resolved, or empty when it names none.
     *
     * @throws MjcfReadException when the path is unusable or leads outside the model's {@link ReadScope}
     */
    public Optional<Path> assetFile(MjcfElement asset) throws MjcfReadException {
        String value = asset.node.attrs.get("file");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String id = asset.node.def == null ? asset.node.tag : asset.node.def.id();
        Path path;
        try {
            path = AssetDirs.resolve(file.getParent(), dirs.dirFor(id), dirs.fileValue(value));
        } catch (InvalidPathException e) {
            throw new MjcfReadException(asset.location() + ": file '" + value + "' of " + asset.node.describe()
                    + " is not a usable path", e);
        }
        return switch (scope.check(path)) {
            case ReadScope.Verdict.Inside in -> Optional.of(in.real());
            case ReadScope.Verdict.Missing m -> Optional.of(path);
            case ReadScope.Verdict.Outside o -> throw new MjcfReadException(asset.location() + ": attribute 'file' of "
                    + asset.node.describe() + " names '" + value + "', which is not read: " + o.why() + "; "
                    + ReadScope.fix());
        };
    }

    /**
     * Every file loading this model makes MuJoCo read, inside its {@link ReadScope}: the model file, each included
     * file, and each asset file ({@code file=} of meshes, textures, height fields, skins) that exists. What a
     * simulator needs, under the same relative layout, to load the model somewhere else (MuJoCo's in-memory file
     * system) exactly as from disk.
     */
    public List<ModelFile> filesRead() {
        List<ModelFile> out = new java.util.ArrayList<>();
        Path real;
        try {
            real = file.toRealPath();
        } catch (java.io.IOException e) {
            real = file;
        }
        out.add(new ModelFile(file, real, false));
        out.addAll(index.includedFiles);
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (MjcfNode n : index.nodes) {
            if (n.def == null || ModelIndex.inDefaults(n)) continue;
            for (MjcfSchema.Attr a : n.def.attrs().values()) {
                String value = a.type() == MjcfSchema.AttrType.FILE ? n.attrs.get(a.name()) : null;
                if (value == null || value.isBlank()) continue;
                try {
                    String dir = dirs.dirFor(n.def.id());
                    String named = dirs.fileValue(value);
                    Path path = AssetDirs.resolve(file.getParent(), dir, named);
                    boolean absolute = Path.of(named).isAbsolute() || (dir != null && !dir.isEmpty() && Path.of(dir).isAbsolute());
                    if (scope.check(path) instanceof ReadScope.Verdict.Inside in && java.nio.file.Files.isRegularFile(in.real())
                            && seen.add(path)) {
                        out.add(new ModelFile(path, in.real(), absolute));
                    }
                } catch (InvalidPathException e) {
                    // the validator reports it; nothing to hand over
                }
            }
        }
        return out;
    }

    ModelIndex index() {
        return index;
    }
}
