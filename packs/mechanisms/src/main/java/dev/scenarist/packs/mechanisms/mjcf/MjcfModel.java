package dev.scenarist.packs.mechanisms.mjcf;

import dev.scenarist.core.model.Finding;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content of a valid MJCF model, for consumers that need more than findings — the pure-Java simulator maps it
 * into another engine. It is the same tree the validator checked (includes expanded, grammar resolved), with
 * attribute values looked up through default classes exactly as the checks look them up.
 *
 * <p>Read-only and not tied to any engine: what an attribute <em>means</em> (units, defaults MuJoCo fills in) is
 * the consumer's business.
 */
public final class MjcfModel {

    /** What came of reading a model file. */
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
            StringBuilder b = new StringBuilder();
            for (Finding f : errors) {
                if (!b.isEmpty()) {
                    b.append('\n');
                }
                b.append(f.location().isEmpty() ? "" : f.location() + ": ").append(f.message());
            }
            return b.toString();
        }
    }

    private final ModelIndex index;
    private final Path file;

    MjcfModel(ModelIndex index, Path file) {
        this.index = index;
        this.file = file;
    }

    /** Validates {@code modelFile} with the bundled schema and reads it when valid. */
    public static Read read(Path modelFile) {
        return new MjcfValidator().read(modelFile);
    }

    /** The main model file (absolute). */
    public Path file() {
        return file;
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
        List<MjcfElement> out = new ArrayList<>();
        for (MjcfNode n : index.nodes) {
            if (n.def.id().equals(kind) && !ModelIndex.inDefaults(n)) {
                out.add(wrap(n));
            }
        }
        return out;
    }

    /** The element declared as {@code name} in {@code namespace} ("body", "geom", "site", "mesh", "joint", ...). */
    public Optional<MjcfElement> named(String namespace, String name) {
        Map<String, MjcfNode> ns = index.names.get(namespace);
        MjcfNode n = ns == null ? null : ns.get(name);
        return Optional.ofNullable(n).map(this::wrap);
    }

    /** A {@code <compiler>} attribute (later elements override earlier ones), or {@code fallback}. */
    public String compiler(String attribute, String fallback) {
        return index.compilerValue(attribute, fallback);
    }

    /**
     * The file a {@code <mesh file=...>} names, resolved as MuJoCo resolves it (against {@code meshdir} or
     * {@code assetdir}, relative to the model's folder); empty when the mesh has no file or the path is unusable.
     */
    public Optional<Path> meshFile(MjcfElement mesh) {
        String value = mesh.node.attrs.get("file");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AssetCheck.resolve(file.getParent(), AssetCheck.meshDir(index),
                    AssetCheck.stripped(index, value)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    MjcfElement wrap(MjcfNode n) {
        return new MjcfElement(this, index, n);
    }
}
