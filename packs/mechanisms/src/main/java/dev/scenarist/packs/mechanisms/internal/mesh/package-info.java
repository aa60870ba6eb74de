/**
 * Mesh checks on binary STL: readable, no zero-area triangles, watertight, manifold edges and vertices,
 * consistent orientation, positive volume, no self-intersections. Entry point:
 * {@link dev.scenarist.packs.mechanisms.internal.mesh.MeshChecker#check(java.nio.file.Path)}.
 */
package dev.scenarist.packs.mechanisms.internal.mesh;
