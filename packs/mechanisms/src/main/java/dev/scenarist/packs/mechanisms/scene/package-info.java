/**
 * The scene API templates are written against, and the writers that turn a scene into MuJoCo MJCF plus binary STL.
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
 *
 * List<Path> written = MjcfWriter.write(new Pendulum().build(7, Scale.of(1, 1, 1.5)), dir.resolve("scene_7.xml"));
 * }</pre>
 *
 * <p>Conventions: SI units, angles in radians, box and ellipsoid sizes are half-sizes (as in MJCF), every element
 * is named, and names are unique per kind. {@link dev.scenarist.packs.mechanisms.scene.Meshes} builds meshes that
 * are closed, manifold and outward-oriented by construction.
 */
package dev.scenarist.packs.mechanisms.scene;
