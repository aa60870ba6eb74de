/**
 * The offline author's design spaces: each template of the offline library declares a few named design constants in
 * a marked region of its source, and a {@code <ClassName>.design.json} beside it gives each constant's grid (min,
 * max, step) together with the mechanism's requirements and the statements its 1 s MuJoCo run must bear out.
 *
 * <p>{@link dev.scenarist.packs.mechanisms.internal.offline.DesignSpace#draw(long)} picks a point of the grid from a run's
 * seed and {@link dev.scenarist.packs.mechanisms.internal.offline.DesignSpace#apply(String, java.util.Map)} writes it into
 * the template's source; the specialised source is one scenario. The region looks like this:
 *
 * <pre>
 *     // scenarist:begin design
 *     /** Load mass as a multiple of the beam mass. *&#47;
 *     static final double LOAD_RATIO = 3.0;
 *     // scenarist:end design
 * </pre>
 */
package dev.scenarist.packs.mechanisms.internal.offline;
