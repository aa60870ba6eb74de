/**
 * The template contract: everything a model-written template may call, and nothing else. A template is Java source
 * in the default package that imports only this package and {@code java.util}; it is compiled and run only inside
 * the sandbox, and {@code TemplateSourceCheck} refuses, at the line, a template that imports or names anything else
 * of Scenarist — in particular the pack's own machinery in {@code dev.scenarist.packs.mechanisms.internal}
 * (the MJCF and STL writers and readers, the checks, the simulators).
 *
 * <p>Who may use it: templates (the bundled library under {@code resources/templates} and every model-written one),
 * and the pack's internals, which read the {@link dev.scenarist.packs.mechanisms.scene.Scene} a template returns.
 * Nothing here writes files or reads the environment: {@code build(seed, scale)} is a pure function of its
 * arguments, and turning its scene into MJCF plus binary STL is the pack's business, not the template's.
 *
 * <pre>{@code
 * final class Pendulum implements Template {
 *     public TemplateInfo info() {
 *         return new TemplateInfo("pendulum", 2, "Pendulum", "Swing the bob into the goal.", ScaleLimits.DEFAULT);
 *     }
 *
 *     public Scene build(long seed, Scale scale) {
 *         Rng rng = new Rng(seed);                       // every random choice comes from the seed
 *         double length = rng.uniform(0.3, 0.6) * scale.z();
 *         Scene scene = Scene.named("pendulum");
 *         scene.geom(Geom.plane("floor", 0, 0));
 *         Joint swing = Joint.hinge("swing").axis(0, 1, 0).range(-1.5, 1.5).damping(0.05);
 *         scene.body("agent_pendulum").at(0, 0, length + 0.2)
 *                 .joint(swing)
 *                 .geom(Geom.capsule("rod", 0.01, Vec3.ZERO, Vec3.of(0, 0, -length)).density(2700))
 *                 .geom(Geom.mesh("bob", Mesh.of("bob", Meshes.revolution(
 *                         List.of(Vec2.of(0, -0.05), Vec2.of(0.05, 0), Vec2.of(0, 0.05)), 24))).at(0, 0, -length));
 *         scene.actuator(Actuator.motor("agent_torque", swing).ctrlRange(-1, 1));
 *         scene.zone(Zone.GOAL, Vec3.of(length, 0, 0.2), Vec3.of(0.05, 0.05, 0.05));
 *         return scene;
 *     }
 * }
 * }</pre>
 *
 * <p>What a template may use: {@link dev.scenarist.packs.mechanisms.scene.Template},
 * {@link dev.scenarist.packs.mechanisms.scene.TemplateInfo}, {@link dev.scenarist.packs.mechanisms.scene.Scale},
 * {@link dev.scenarist.packs.mechanisms.scene.ScaleLimits}, {@link dev.scenarist.packs.mechanisms.scene.AxisRange},
 * {@link dev.scenarist.packs.mechanisms.scene.Rng}; the scene ({@code Scene}, {@code Body}, {@code Geom},
 * {@code Joint}, {@code Site}, {@code Actuator}, {@code Zone}, {@code PartLabel}, {@code CompilerSettings},
 * {@code Integrator}, {@code Inertial}, {@code Material}, {@code Friction}, {@code Rgba}); geometry ({@code Vec2},
 * {@code Vec3}, {@code Quat}, {@code Euler}, {@code Orientation}, {@code Mesh}, {@code Meshes}, {@code TriangleMesh});
 * and the enums their accessors return. Package-private classes here ({@code NameRegistry}, {@code Preconditions},
 * {@code Polygon2d}, {@code PlateWithHole}) are the API's own implementation, invisible to a template.
 *
 * <p>Conventions: SI units, angles in radians, box and ellipsoid sizes are half-sizes (as in MJCF), every element
 * is named, and names are unique per kind. {@link dev.scenarist.packs.mechanisms.scene.Meshes} builds meshes that
 * are closed, manifold and outward-oriented by construction.
 */
package dev.scenarist.packs.mechanisms.scene;
