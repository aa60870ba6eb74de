/**
 * The physics-benchmark domain: scenes for agents that design or manipulate mechanisms, written as MuJoCo MJCF
 * with binary STL meshes, validated statically and in simulation.
 *
 * <ul>
 *   <li>{@code scene} — the Java scene API templates are written against, and the MJCF / binary STL writers</li>
 *   <li>{@code mjcf} — strict static validation of MJCF files</li>
 *   <li>{@code mesh} — mesh checks (watertight, manifold, oriented, positive volume, no self-intersection)</li>
 *   <li>{@code sim} — simulation checks: MuJoCo (WASM, in a Node sidecar) and a pure-Java fallback</li>
 *   <li>{@code preview} — headless software-rendered PNG previews of scenes ({@code images/preview_<seed>.png})</li>
 *   <li>{@code offline} — the offline template library's design spaces: named design constants in each template's
 *       source, their grids, and writing a drawn grid point into the source</li>
 * </ul>
 */
package dev.scenarist.packs.mechanisms;
