package dev.scenarist.packs.mechanisms.scene;

import java.util.List;

/**
 * Example tier-2 template: a door with a window swings on a damped, limited hinge in a fixed frame, held by a
 * position servo the agent commands. Exercises a plate-with-rectangular-hole mesh, a revolved knob, a hinge with
 * range, damping and stiffness, an actuator and zones.
 */
final class HingedDoorTemplate implements Template {
    @Override
    public TemplateInfo info() {
        return new TemplateInfo("hinged-door", 2, "Hinged door",
                "Open a damped door with a window to at least 60 degrees by commanding its hinge servo.",
                ScaleLimits.uniform(0.5, 2.0));
    }

    @Override
    public Scene build(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double halfWidth = 0.4 * scale.x();
        double halfHeight = 0.9 * scale.z();
        double halfThickness = 0.02 * Math.min(scale.y(), 1.5);
        double gap = 0.01;
        double postHalf = 0.04;

        Scene scene = Scene.named("hinged_door").timestep(0.002);
        scene.geom(Geom.plane("floor", 0, 0).material(Material.of("ground", Rgba.of(0.35, 0.35, 0.38))));

        // Frame: two posts and a lintel, static, clear of the door on every side. The door spans x in
        // [-halfWidth, halfWidth] and turns about its edge at -halfWidth, where its corners swing out by up to
        // its half-thickness: the hinge-side gap allows for that.
        Material frameWood = Material.of("frame", Rgba.of(0.45, 0.3, 0.2));
        double hingeGap = halfThickness + gap;
        double frameTop = 2 * halfHeight + 2 * gap;
        scene.geom(Geom.box("frame_left", postHalf, postHalf, frameTop / 2)
                .at(-halfWidth - hingeGap - postHalf, 0, frameTop / 2).material(frameWood));
        scene.geom(Geom.box("frame_right", postHalf, postHalf, frameTop / 2)
                .at(halfWidth + gap + postHalf, 0, frameTop / 2).material(frameWood));
        double lintelLeft = -halfWidth - hingeGap - 2 * postHalf;
        double lintelRight = halfWidth + gap + 2 * postHalf;
        scene.geom(Geom.box("frame_lintel", (lintelRight - lintelLeft) / 2, postHalf, postHalf)
                .at((lintelLeft + lintelRight) / 2, 0, frameTop + gap + postHalf).material(frameWood));

        // The panel is a plate in xy with a window; turned upright (+90 degrees about x: y becomes height).
        double windowHalfX = halfWidth * rng.uniform(0.3, 0.6);
        double windowHalfY = halfHeight * rng.uniform(0.15, 0.3);
        Mesh panel = Mesh.of("door_panel", Meshes.boxWithRectHole(halfWidth, halfHeight, halfThickness,
                Vec2.of(0, halfHeight * 0.35), windowHalfX, windowHalfY)).withExactInertia(); // the window is empty
        Mesh knob = Mesh.of("door_knob", Meshes.revolution(List.of(Vec2.of(0, 0), Vec2.of(0.012, 0),
                Vec2.of(0.012, 0.03), Vec2.of(0.025, 0.045), Vec2.of(0.02, 0.06), Vec2.of(0, 0.062)), 24));
        double damping = rng.uniform(0.5, 2.0);
        Joint hinge = Joint.hinge("door_hinge").axis(0, 0, 1).range(0, Math.toRadians(100)).damping(damping)
                .stiffness(0.2).armature(0.01);
        scene.body("door").at(-halfWidth, 0, gap + halfHeight)
                .joint(hinge)
                .geom(Geom.mesh("door_panel", panel).at(halfWidth, 0, 0)
                        .oriented(Quat.axisAngle(Vec3.X, Math.PI / 2)).density(500).rgba(0.7, 0.55, 0.35, 1))
                .geom(Geom.mesh("door_knob", knob).at(2 * halfWidth - 0.08, -halfThickness, -0.1)
                        .oriented(Quat.axisAngle(Vec3.X, Math.PI / 2)).density(2000).rgba(0.8, 0.75, 0.3, 1))
                .site(Site.sphere("agent_handle", 0.015).at(2 * halfWidth - 0.08, -halfThickness - 0.06, -0.1));
        scene.actuator(Actuator.position("agent_hinge_servo", hinge, 20).ctrlRange(0, Math.toRadians(100)));

        double open = Math.toRadians(60);
        scene.zone(Zone.GOAL, Vec3.of(-halfWidth + halfWidth * Math.cos(open), -halfWidth * Math.sin(open), 0.01),
                Vec3.of(0.1, 0.1, 0.01));
        scene.zone(Zone.FORBID, Vec3.of(0, 0.5 * scale.y() + 0.3, 0.01), Vec3.of(halfWidth, 0.2, 0.01));
        return scene;
    }

    @Override
    public String toString() {
        return info().id();
    }
}
