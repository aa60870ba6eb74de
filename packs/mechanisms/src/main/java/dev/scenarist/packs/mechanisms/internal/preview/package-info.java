/**
 * Still previews of MJCF scenes, rendered headless in pure Java: {@code images/preview_<seed>.png}.
 *
 * <p>{@link dev.scenarist.packs.mechanisms.internal.preview.PreviewRenderer} reads a scene through the MJCF reader of the
 * {@code mjcf} package (includes, default classes, compiler angle units and euler sequence, mesh and asset folders),
 * places every visible geom through the body tree, tessellates primitives and binary STL meshes, and rasterizes the
 * triangles in software with a depth buffer, Lambert shading and 2× supersampling. Labelled parts (see
 * {@link dev.scenarist.packs.mechanisms.scene.PartLabel}) get fixed colours and a legend. The output is a function
 * of the scene files alone, byte for byte.
 *
 * <p>Pipeline: {@code SceneReader} (MJCF to placed parts) → {@code Tessellator} (parts to world triangles; planes
 * become floors sized to the scene) → {@code Camera} (orthographic three-quarter view framed on the scene) →
 * {@code Painter} and {@code Rasterizer} (depth-buffered fill, see-through parts last, outlines) → {@code Legend}.
 */
package dev.scenarist.packs.mechanisms.internal.preview;
