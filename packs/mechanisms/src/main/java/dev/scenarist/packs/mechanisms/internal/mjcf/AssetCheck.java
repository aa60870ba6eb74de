package dev.scenarist.packs.mechanisms.internal.mjcf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Files the model names exist where MuJoCo looks for them, and meshes are binary STL. Mesh, height-field, skin and
 * flexcomp files resolve against {@code <compiler meshdir>}, textures against {@code texturedir}
 * ({@code assetdir} sets both), each relative to the folder of the main model file unless absolute. A file that
 * resolves outside the model's {@link ReadScope} (symlinks followed) is an error and is never opened.
 */
final class AssetCheck {
    private static final Set<String> OTHER_MESH_TYPES = Set.of("obj", "msh");

    private final ModelIndex ix;
    private final Findings out;
    private final ReadScope scope;
    private final Path modelDir;

    /** @param scope where files may be read, or null for a model with no folder (files are then not checked) */
    AssetCheck(ModelIndex ix, Findings out, ReadScope scope) {
        this.ix = ix;
        this.out = out;
        this.scope = scope;
        this.modelDir = scope == null ? null : scope.root();
    }

    void run() {
        AssetDirs dirs = AssetDirs.of(ix);
        for (MjcfNode n : ix.nodes) {
            if (ModelIndex.inDefaults(n)) {
                continue;
            }
            for (MjcfSchema.Attr a : n.def.attrs().values()) {
                String value = a.type() == MjcfSchema.AttrType.FILE ? n.attrs.get(a.name()) : null;
                if (value == null || value.isBlank()) {
                    continue;
                }
                String id = n.def.id();
                String dirAttr = AssetDirs.usesMeshDir(id) ? "meshdir" : "texturedir";
                file(n, a.name(), dirs.fileValue(value), dirs.dirFor(id), dirAttr);
            }
        }
    }

    private void file(MjcfNode n, String attr, String value, String dir, String dirAttr) {
        if (modelDir == null) {
            out.warning(MjcfValidator.ASSET_FILE, n, "file '" + value + "' of " + n.describe() + " was not checked: "
                    + "the model has no folder to resolve it against", "validate the model from a file on disk");
            return;
        }
        Path path;
        try {
            path = AssetDirs.resolve(modelDir, dir, value);
        } catch (InvalidPathException e) {
            out.error(MjcfValidator.ASSET_FILE, n, "attribute '" + attr + "' of " + n.describe() + " is not a usable "
                    + "path: '" + value + "'", "use a relative path with '/' separators");
            return;
        }
        boolean mesh = n.def.id().equals("mesh");
        String code = mesh ? MjcfValidator.MESH_FILE : MjcfValidator.ASSET_FILE;
        String shown = shown(path);
        Path real;
        switch (scope.check(path)) {
            case ReadScope.Verdict.Outside o -> {
                String via = dir != null && !dir.isEmpty() ? " (through <compiler " + dirAttr + "=\"" + dir + "\">)" : "";
                out.error(MjcfValidator.OUTSIDE_FOLDER, n, "attribute '" + attr + "' of " + n.describe() + " names '"
                        + value + "'" + via + ", which is not read: " + o.why(), ReadScope.fix(path)
                        + (via.isEmpty() ? "" : "; make " + dirAttr + " a folder inside it, e.g. " + dirAttr + "=\"meshes\""));
                return;
            }
            case ReadScope.Verdict.Missing m -> real = path;
            case ReadScope.Verdict.Inside in -> real = in.real();
        }
        if (!Files.isRegularFile(real)) {
            out.error(code, n, (mesh ? "mesh" : n.tag) + " file '" + value + "' not found (looked for " + shown + ")",
                    dir != null && !dir.isEmpty()
                            ? "file= is relative to " + dirAttr + "=\"" + dir + "\", itself relative to the model's folder"
                            : "file= is relative to the folder of the main model file");
            return;
        }
        if (!path.startsWith(modelDir)) {
            out.warning(code, n, "file '" + value + "' of " + n.describe() + " lies outside the model's folder ("
                    + shown + "), in a folder allowed for reading", "keep assets next to the model (e.g. meshes/part.stl) "
                    + "so the scenario folder is self-contained");
        }
        if (!mesh) {
            return;
        }
        String ext = extension(value);
        String contentType = n.attrs.getOrDefault("content_type", "");
        if (ext.equals("stl") || contentType.equals("model/stl")) {
            try {
                Optional<String> problem = BinaryStl.problem(real);
                problem.ifPresent(p -> out.error(MjcfValidator.MESH_FILE, n, "mesh file '" + value + "': " + p,
                        "write binary STL: an 80-byte header, a little-endian uint32 triangle count, then 50 bytes "
                                + "per triangle (normal, three vertices as float32, a 2-byte attribute)"));
            } catch (IOException e) {
                out.error(MjcfValidator.MESH_FILE, n, "mesh file '" + value + "' cannot be read: " + e.getMessage(),
                        "check the file's permissions");
            }
        } else if (!OTHER_MESH_TYPES.contains(ext) && contentType.isEmpty()) {
            out.error(MjcfValidator.MESH_FILE, n, "unknown mesh file type '" + ext + "' of '" + value + "'",
                    "MuJoCo reads .stl, .obj and .msh meshes; this pack writes binary .stl");
        }
    }

    private String shown(Path path) {
        return path.startsWith(modelDir) ? modelDir.relativize(path).toString() : path.toString();
    }

    private static String extension(String file) {
        String f = file.replace('\\', '/');
        f = f.substring(f.lastIndexOf('/') + 1);
        int dot = f.lastIndexOf('.');
        return dot < 0 ? "" : f.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
