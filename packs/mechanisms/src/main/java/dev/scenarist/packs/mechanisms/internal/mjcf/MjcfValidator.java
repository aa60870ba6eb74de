package dev.scenarist.packs.mechanisms.internal.mjcf;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Strict static validation of an MJCF file, without MuJoCo: what MuJoCo's XML reader and compiler would reject,
 * reported all at once with {@code file:line}, the bad value, and how to fix it.
 *
 * <p>Checks, cheapest first:
 * <ol>
 *   <li>well-formed XML; no DOCTYPE or entities (generated files are untrusted); {@code <include file>} expanded,
 *       each included element keeping its own file and line;</li>
 *   <li>grammar from MuJoCo's schema ({@link MjcfSchema}): known elements in allowed parents, unique elements at
 *       most once, known and required attributes, numbers that parse, array lengths, keywords, booleans, the
 *       presence rules between attributes (one orientation specifier, …);</li>
 *   <li>default classes: unique names, every {@code class}/{@code childclass} defined;</li>
 *   <li>unique names per kind; every reference resolves, following default classes; actuator transmissions;</li>
 *   <li>compiler rules: non-zero quaternions and axes, geom sizes per type, free joints only on top-level bodies,
 *       at most 6 dofs per body, planes only in static bodies, mass and inertia for every moving body;</li>
 *   <li>files: meshes, textures and height fields exist (against {@code meshdir}/{@code texturedir}/{@code
 *       assetdir}), and meshes are binary STL MuJoCo can read.</li>
 * </ol>
 * Every file a model names (includes, assets) is opened only inside its {@link ReadScope} — the model's folder and
 * the folders given to {@link #MjcfValidator(List)} — with symlinks resolved; anything else is an
 * {@value #OUTSIDE_FOLDER} finding and is never opened, because this validator runs outside the sandbox.
 * Thread-safe; one instance can validate many files.
 */
public final class MjcfValidator {
    public static final String XML = "MJCF_XML";
    public static final String FILE = "MJCF_FILE";
    public static final String INCLUDE = "MJCF_INCLUDE";
    public static final String ROOT = "MJCF_ROOT";
    public static final String UNKNOWN_ELEMENT = "MJCF_UNKNOWN_ELEMENT";
    public static final String MISPLACED_ELEMENT = "MJCF_MISPLACED_ELEMENT";
    public static final String REPEATED_ELEMENT = "MJCF_REPEATED_ELEMENT";
    public static final String MISSING_ELEMENT = "MJCF_MISSING_ELEMENT";
    public static final String UNKNOWN_ATTRIBUTE = "MJCF_UNKNOWN_ATTRIBUTE";
    public static final String MISSING_ATTRIBUTE = "MJCF_MISSING_ATTRIBUTE";
    public static final String BAD_VALUE = "MJCF_BAD_VALUE";
    public static final String ARRAY_LENGTH = "MJCF_ARRAY_LENGTH";
    public static final String BAD_KEYWORD = "MJCF_BAD_KEYWORD";
    public static final String NON_FINITE = "MJCF_NON_FINITE";
    public static final String ATTRIBUTE_CONFLICT = "MJCF_ATTRIBUTE_CONFLICT";
    public static final String STRAY_TEXT = "MJCF_STRAY_TEXT";
    public static final String WORLD_BODY = "MJCF_WORLD_BODY";
    public static final String DEFAULT_CLASS = "MJCF_DEFAULT_CLASS";
    public static final String REPEATED_NAME = "MJCF_REPEATED_NAME";
    public static final String UNKNOWN_REFERENCE = "MJCF_UNKNOWN_REFERENCE";
    public static final String TRANSMISSION = "MJCF_TRANSMISSION";
    public static final String LIMITS = "MJCF_LIMITS";
    public static final String TENDON_PATH = "MJCF_TENDON_PATH";
    public static final String KEYFRAME = "MJCF_KEYFRAME";
    public static final String MOCAP = "MJCF_MOCAP";
    public static final String ORIENTATION = "MJCF_ORIENTATION";
    public static final String GEOM_SIZE = "MJCF_GEOM_SIZE";
    public static final String FREE_JOINT = "MJCF_FREE_JOINT";
    public static final String TOO_MANY_DOFS = "MJCF_TOO_MANY_DOFS";
    public static final String STATIC_PLANE = "MJCF_STATIC_PLANE";
    public static final String ZERO_MASS = "MJCF_ZERO_MASS";
    public static final String MESH_FILE = "MJCF_MESH_FILE";
    public static final String ASSET_FILE = "MJCF_ASSET_FILE";
    public static final String TOO_MANY = "MJCF_TOO_MANY_FINDINGS";
    public static final String OUTSIDE_FOLDER = "MJCF_OUTSIDE_FOLDER";

    /** Larger model files are refused unread (a generated scene is kilobytes). */
    public static final long MAX_FILE_BYTES = 32L << 20;
    private static final int DEFAULT_MAX_FINDINGS = 200;

    private final MjcfSchema schema;
    private final int maxFindings;
    private final List<Path> allowedReads;

    public MjcfValidator() {
        this(List.of());
    }

    /** A validator that also reads files from {@code allowedReads}, folders a person explicitly allowed. */
    public MjcfValidator(List<Path> allowedReads) {
        this(MjcfSchema.bundled(), DEFAULT_MAX_FINDINGS, allowedReads);
    }

    public MjcfValidator(MjcfSchema schema, int maxFindings) {
        this(schema, maxFindings, List.of());
    }

    public MjcfValidator(MjcfSchema schema, int maxFindings, List<Path> allowedReads) {
        this.allowedReads = List.copyOf(allowedReads);
        this.schema = Objects.requireNonNull(schema, "schema");
        if (maxFindings < 1) {
            throw new IllegalArgumentException("maxFindings must be positive, got " + maxFindings);
        }
        this.maxFindings = maxFindings;
    }

    /** Validates the model file; includes and asset files resolve against its folder and are read only inside it. */
    public List<Finding> validate(Path modelFile) {
        Path main = modelFile.toAbsolutePath().normalize();
        Findings out = new Findings(maxFindings);
        String name = main.getFileName() == null ? main.toString() : main.getFileName().toString();
        ReadScope scope = new ReadScope(main.getParent(), allowedReads);
        String text = readMain(main, name, scope, out);
        if (text != null) {
            run(text, name, scope, Set.of(main), out);
        }
        return out.result();
    }

    /**
     * Validates MJCF text.
     *
     * @param fileName how findings name the file
     * @param modelDir the folder includes and asset files resolve against, or null to skip file checks
     */
    public List<Finding> validate(String xml, String fileName, Path modelDir) {
        Findings out = new Findings(maxFindings);
        ReadScope scope = modelDir == null ? null : new ReadScope(modelDir, allowedReads);
        run(xml, fileName, scope, Set.of(), out);
        return out.result();
    }

    /** {@link #validate(Path)} as a check result: failed when any finding is an error. */
    public CheckResult check(Path modelFile) {
        return CheckResult.of(validate(modelFile));
    }

    private ModelIndex run(String text, String fileName, ReadScope scope, Set<Path> mainFile, Findings out) {
        ModelIndex index = index(schema, text, fileName, scope, mainFile, out);
        if (index == null) {
            return null;
        }
        new ReferenceCheck(index, out).run();
        new PhysicsCheck(index, out).run();
        new ModelRulesCheck(index, out).run();
        new AssetCheck(index, out, scope).run();
        return index;
    }

    /**
     * Validates the model file and, when it has no errors, gives its content to consumers that need more than
     * findings (the pure-Java simulator): the same parse, include expansion and default classes the checks use.
     */
    public MjcfModel.Read read(Path modelFile) {
        Path main = modelFile.toAbsolutePath().normalize();
        String name = main.getFileName() == null ? main.toString() : main.getFileName().toString();
        Findings out = new Findings(maxFindings);
        ReadScope scope = new ReadScope(main.getParent(), allowedReads);
        String text = readMain(main, name, scope, out);
        ModelIndex index = text == null ? null : run(text, name, scope, Set.of(main), out);
        List<Finding> findings = out.result();
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        if (index == null || !errors.isEmpty()) {
            return new MjcfModel.Invalid(errors.isEmpty() ? findings : errors);
        }
        return new MjcfModel.Valid(new MjcfModel(main, index, scope), findings);
    }

    /**
     * The first passes, which every reader of a model needs: parse, expand includes, check the grammar (resolving
     * each element's schema entry) and index default classes and names. Null when nothing past the XML can be read
     * (malformed XML, a root other than {@code <mujoco>}); why is in {@code out}.
     */
    static ModelIndex index(MjcfSchema schema, String text, String fileName, ReadScope scope, Set<Path> mainFile,
            Findings out) {
        List<MjcfXml.StrayText> stray = new ArrayList<>();
        MjcfNode root;
        try {
            root = MjcfXml.parse(text, fileName, stray);
        } catch (MjcfXml.ParseException e) {
            out.add(Finding.error(XML, e.getMessage(), fileName + ":" + e.line,
                    "fix the XML syntax (matching tags, quoted attribute values, one root element)"));
            return null;
        }
        Includes includes = new Includes(scope, out, stray);
        includes.visited.addAll(mainFile);
        includes.stack.addAll(mainFile);
        includes.expand(root, scope == null ? null : scope.root());
        for (MjcfXml.StrayText s : stray) {
            out.warning(STRAY_TEXT, s.element(), "text inside <" + s.element().tag + "> is ignored by MuJoCo: '"
                    + abbreviate(s.text()) + "'", "MJCF keeps all data in attributes; remove the text");
        }
        if (!new StructureCheck(schema, out).run(root)) {
            return null;
        }
        ModelIndex index = ModelIndex.build(schema, root, out);
        if (index != null) index.includedFiles.addAll(includes.files);
        return index;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }

    /**
     * Reads the main model file when it lies in its scope: a scene that is a symlink to a file elsewhere (a sandboxed
     * template can plant one) is refused like any other path leading outside.
     */
    static String readMain(Path main, String shown, ReadScope scope, Findings out) {
        return switch (scope.check(main)) {
            case ReadScope.Verdict.Inside in -> read(in.real(), shown, null, out);
            case ReadScope.Verdict.Missing m -> read(main, shown, null, out);
            case ReadScope.Verdict.Outside o -> {
                out.add(Finding.error(OUTSIDE_FOLDER, "model file '" + shown + "' is not read: " + o.why(), shown,
                        ReadScope.fix()));
                yield null;
            }
        };
    }

    /** Reads a model file as UTF-8, reporting why it cannot be read. */
    static String read(Path file, String shown, MjcfNode includedFrom, Findings out) {
        String code = includedFrom == null ? FILE : INCLUDE;
        try {
            if (!Files.isRegularFile(file)) {
                report(out, code, includedFrom, shown, "cannot open model file '" + shown + "': no such file",
                        "check the path");
                return null;
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                report(out, code, includedFrom, shown, "model file '" + shown + "' is " + size + " bytes, over the "
                        + MAX_FILE_BYTES + "-byte limit", "keep bulk data in mesh files");
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            report(out, code, includedFrom, shown, "model file '" + shown + "' is not UTF-8 text", "save it as UTF-8");
        } catch (IOException e) {
            report(out, code, includedFrom, shown, "cannot read model file '" + shown + "': " + e.getMessage(),
                    "check the file's permissions");
        }
        return null;
    }

    private static void report(Findings out, String code, MjcfNode at, String shown, String message, String hint) {
        if (at != null) {
            out.error(code, at, message, hint);
        } else {
            out.add(Finding.error(code, message, shown, hint));
        }
    }
}
