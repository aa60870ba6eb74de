package dev.scenarist.packs.mechanisms.scene;

import java.util.ArrayList;
import java.util.List;

/**
 * Example tier-1 template: a ball at the top of a wedge-shaped ramp must reach a goal plate (with a hole) across a
 * field of random obstacles. Exercises extrusion and plate-with-hole meshes, a free joint, zones and labels.
 */
final class RampObstacleFieldTemplate implements Template {
    @Override
    public TemplateInfo info() {
        return new TemplateInfo("ramp-obstacle-field", 1, "Ramp and obstacle field",
                "A ball rolls off a ramp and must reach the goal plate past randomly placed obstacles.",
                new ScaleLimits(new AxisRange(0.5, 2), new AxisRange(0.5, 2), new AxisRange(0.5, 1.5)));
    }

    @Override
    public Scene build(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double rampLength = 0.6 * scale.x();
        double rampHeight = 0.2 * scale.z();
        double rampHalfWidth = 0.15 * scale.y();
        double ballRadius = 0.03;
        double fieldStart = 0.1;
        double fieldEnd = fieldStart + 1.2 * scale.x();

        Scene scene = Scene.named("ramp_obstacle_field").timestep(0.002);
        Material ground = scene.material(Material.of("ground", Rgba.of(0.35, 0.35, 0.38)));
        Material wood = scene.material(Material.of("wood", Rgba.of(0.6, 0.45, 0.3)));
        scene.geom(Geom.plane("floor", 0, 0).material(ground));

        // The wedge is drawn in the xy plane (y as height) and turned upright: +90 degrees about x maps y to z.
        List<Vec2> wedge = List.of(Vec2.of(-rampLength, 0), Vec2.of(0, 0), Vec2.of(-rampLength, rampHeight));
        Mesh ramp = Mesh.of("ramp", Meshes.extrusion(wedge, 2 * rampHalfWidth));
        scene.geom(Geom.mesh("ramp", ramp).oriented(Quat.axisAngle(Vec3.X, Math.PI / 2)).material(wood));

        double startX = -rampLength + 0.05;
        // On a slope the ball touches the surface off-centre: clear it by r / cos(slope), plus 5 mm to fall.
        double cosSlope = rampLength / Math.hypot(rampLength, rampHeight);
        double startZ = rampHeight * (1 - 0.05 / rampLength) + ballRadius / cosSlope + 0.005;
        scene.body("agent_ball").at(startX, 0, startZ)
                .joint(Joint.free("agent_ball_free"))
                .geom(Geom.sphere("agent_ball", ballRadius).density(1200).rgba(Rgba.BLUE));
        scene.zone(Zone.START, Vec3.of(startX, 0, startZ), Vec3.of(0.05, 0.05, 0.05));

        double goalX = fieldEnd + 0.2;
        Mesh plate = Mesh.of("goal_plate", Meshes.boxWithHole(0.12, 0.12, 0.01, 0.05, 32));
        scene.geom(Geom.mesh("goal_plate", plate).at(goalX, 0, 0.01).material(wood));
        scene.zone(Zone.GOAL, Vec3.of(goalX, 0, 0.03), Vec3.of(0.05, 0.05, 0.03));

        int count = rng.integer(3, 6);
        List<double[]> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double r = rng.uniform(0.03, 0.06);
            double h = rng.uniform(0.03, 0.1) * scale.z();
            double[] spot = freeSpot(rng, placed, fieldStart + r, fieldEnd - r, 0.35 * scale.y(), r);
            if (spot == null) continue; // crowded field: fewer obstacles rather than overlapping ones
            placed.add(new double[] {spot[0], spot[1], r});
            String name = PartLabel.OBSTACLE.named(Integer.toString(i));
            Geom shape = rng.chance(0.5) ? Geom.box(name, r, r, h) : Geom.cylinder(name, r, h);
            scene.geom(shape.at(spot[0], spot[1], h).rgba(Rgba.RED));
        }
        return scene;
    }

    /** Rejection sampling with a bounded number of draws, so the result is a pure function of the seed. */
    private static double[] freeSpot(Rng rng, List<double[]> placed, double xMin, double xMax, double yHalf, double r) {
        for (int attempt = 0; attempt < 50; attempt++) {
            double x = rng.uniform(xMin, xMax);
            double y = rng.uniform(-yHalf, yHalf);
            boolean clear = true;
            for (double[] p : placed) {
                if (Math.hypot(p[0] - x, p[1] - y) < (p[2] + r) * 1.5 + 0.02) clear = false;
            }
            if (clear) return new double[] {x, y};
        }
        return null;
    }

    @Override
    public String toString() {
        return info().id();
    }
}
