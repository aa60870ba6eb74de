package dev.scenarist.packs.mechanisms.internal.mjcf;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where MuJoCo looks for asset files: mesh, height-field, skin and flexcomp files under {@code <compiler meshdir>},
 * textures under {@code texturedir} ({@code assetdir} sets both; later {@code <compiler>} elements override earlier
 * ones), each relative to the main model file's folder unless absolute. Shared by the asset check and
 * {@link MjcfModel}, so the validator and the readers of a model find the same files.
 *
 * @param meshdir folder for mesh-like files, or null
 * @param texturedir folder for textures, or null
 * @param stripPath {@code <compiler strippath="true">}: only the file name of {@code file=} counts
 */
record AssetDirs(String meshdir, String texturedir, boolean stripPath) {
    private static final Set<String> MESH_DIR_ELEMENTS = Set.of("mesh", "hfield", "skin", "flexcomp");

    static AssetDirs of(ModelIndex ix) {
        String meshdir = null;
        String texturedir = null;
        for (MjcfNode c : ix.compilerNodes) {
            if (c.has("assetdir")) {
                meshdir = c.attrs.get("assetdir");
                texturedir = c.attrs.get("assetdir");
            }
            if (c.has("meshdir")) {
                meshdir = c.attrs.get("meshdir");
            }
            if (c.has("texturedir")) {
                texturedir = c.attrs.get("texturedir");
            }
        }
        return new AssetDirs(meshdir, texturedir, ix.compilerValue("strippath", "false").equals("true"));
    }

    /** Whether files of element {@code elementId} resolve against {@code meshdir} (else {@code texturedir} or none). */
    static boolean usesMeshDir(String elementId) {
        return MESH_DIR_ELEMENTS.contains(elementId);
    }

    /** The folder attribute that applies to files of element {@code elementId}, or null for none. */
    String dirFor(String elementId) {
        return usesMeshDir(elementId) ? meshdir : elementId.equals("texture") ? texturedir : null;
    }

    /** The value of {@code file=} as MuJoCo uses it: without its folders when {@code strippath} is on. */
    String fileValue(String value) {
        if (!stripPath) {
            return value;
        }
        String f = value.replace('\\', '/');
        return f.substring(f.lastIndexOf('/') + 1);
    }

    /**
     * The file {@code value} names, resolved against {@code dir} (may be null or empty) and the model's folder.
     *
     * @throws InvalidPathException when the value or folder is not a usable path
     */
    static Path resolve(Path modelDir, String dir, String value) {
        Path f = Path.of(value);
        Path path;
        if (f.isAbsolute()) {
            path = f;
        } else if (dir != null && !dir.isEmpty()) {
            Path d = Path.of(dir);
            path = (d.isAbsolute() ? d : modelDir.resolve(d)).resolve(f);
        } else {
            path = modelDir.resolve(f);
        }
        return path.normalize();
    }
}
