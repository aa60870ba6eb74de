/**
 * Design actions: the parts a solution adds to a scene. {@link dev.scenarist.packs.mechanisms.internal.design.DesignedScene}
 * writes the scene with the parts in it (a copy in memory: the scene file never changes), the
 * {@link dev.scenarist.packs.mechanisms.internal.design.PartBudget} is checked here, and where the parts lie (inside a
 * build zone, overlapping nothing at t = 0) is measured by MuJoCo when the solution is played
 * ({@link dev.scenarist.packs.mechanisms.internal.design.PartCheck}).
 */
package dev.scenarist.packs.mechanisms.internal.design;
