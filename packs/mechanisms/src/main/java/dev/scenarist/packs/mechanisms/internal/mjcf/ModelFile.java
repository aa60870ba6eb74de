package dev.scenarist.packs.mechanisms.internal.mjcf;

/**
 * A file a model makes MuJoCo read (the model file, an included file, a mesh, texture or height field), as MuJoCo
 * names it and as it lies on disk.
 *
 * @param path where MuJoCo looks for it: absolute, normalized, not resolving symlinks (MuJoCo resolves
 *             {@code ../common/x.xml} lexically against the main model's folder)
 * @param real the file to read, symlinks resolved, inside the model's {@link ReadScope}
 * @param absolute whether the model names it by an absolute path (then MuJoCo opens exactly {@code path}, wherever
 *             the model is loaded from)
 */
public record ModelFile(java.nio.file.Path path, java.nio.file.Path real, boolean absolute) {}
