/**
 * The mechanisms pack's entry, which the application wires: {@link dev.scenarist.packs.mechanisms.MechanismsPack}
 * (the {@code Pack}), {@link dev.scenarist.packs.mechanisms.MechanismsSettings} (what the application read from its
 * environment about simulators, passed down as a value) and {@link dev.scenarist.packs.mechanisms.SceneChecks} (the
 * pack's checks of finished scene files, for tools such as the stage benchmark). The application and the benchmarks
 * use this package and nothing else of the pack.
 *
 * <p>The domain: physics benchmark scenes for agents that design or manipulate mechanisms, written as MuJoCo MJCF
 * with binary STL meshes, validated statically and in simulation.
 *
 * <ul>
 *   <li>{@code scene} — the template contract: the Java scene API model-written templates compile against, and
 *       nothing else (see its package comment for who may use it)</li>
 *   <li>{@code internal} — everything else, used by this pack alone:
 *     <ul>
 *       <li>{@code internal.scenefile} — the MJCF and binary STL writers (run inside the sandbox), the STL reader</li>
 *       <li>{@code internal.template} — compiling and running templates in the sandbox ({@code TemplateMain})</li>
 *       <li>{@code internal.checks}, {@code internal.plan}, {@code internal.validation} — the pipeline's checks</li>
 *       <li>{@code internal.mjcf} — strict static validation of MJCF files</li>
 *       <li>{@code internal.mesh} — mesh checks (watertight, manifold, oriented, positive volume, no self-intersection)</li>
 *       <li>{@code internal.sim} — simulation: MuJoCo (WASM, in a Node sidecar) and a pure-Java fallback</li>
 *       <li>{@code internal.preview} — headless software-rendered PNG previews ({@code images/preview_<seed>.png})</li>
 *       <li>{@code internal.export} — the accepted scenario's benchmark layout</li>
 *       <li>{@code internal.offline} — the offline template library's design spaces</li>
 *     </ul>
 *   </li>
 * </ul>
 */
package dev.scenarist.packs.mechanisms;
