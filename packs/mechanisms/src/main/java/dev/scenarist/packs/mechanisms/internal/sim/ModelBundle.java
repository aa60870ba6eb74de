package dev.scenarist.packs.mechanisms.internal.sim;

import dev.scenarist.packs.mechanisms.internal.mjcf.ModelFile;
import java.nio.file.Path;
import java.util.List;

/**
 * A model and exactly the files loading it reads (includes, meshes, textures), each where MuJoCo looks for it. A
 * simulator that loads models away from the disk (the MuJoCo sidecar's in-memory file system) lays these files out
 * under their common folder, so {@code ../common/x.xml} and {@code meshdir} resolve as on disk — without copying
 * the person's folder anywhere or reading a file the checks did not allow.
 *
 * @param xml   the main model file as named (absolute, normalized)
 * @param files every file to hand over, the model file first
 */
public record ModelBundle(Path xml, List<ModelFile> files) {
    public ModelBundle {
        xml = xml.toAbsolutePath().normalize();
        files = List.copyOf(files);
    }

    /** The deepest folder holding every file as MuJoCo names it: the root of the layout. */
    public Path root() {
        Path root = xml.getParent();
        for (ModelFile f : files) {
            if (f.absolute()) continue; // placed at its own absolute path, not under the root
            while (root.getParent() != null && !f.path().startsWith(root)) root = root.getParent();
        }
        return root;
    }
}
