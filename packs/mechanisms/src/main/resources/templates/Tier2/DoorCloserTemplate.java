import dev.scenarist.packs.mechanisms.scene.*;
import java.util.*;

/**
 * Tier 2 (kinematic): a door in a fixed frame, on a vertical hinge with a range (closed to fully open), damping and
 * a spring closer pulling it shut. Closed is the hinge's zero and its lower limit, so the door starts still.
 *
 * <p>Clearances: the door spans x in [-halfWidth, halfWidth] and turns about its edge at -halfWidth; its corners
 * sweep a circle of its half-thickness there, so the hinge-side post stands half a thickness plus a gap away. The
 * latch-side post, the lintel and the floor keep a 1 cm gap.
 */
public class DoorCloserTemplate implements Template {
    // scenarist:begin design
    /** Half the door's width, metres at unit x scale (seed: +-0.05 around it). */
    static final double DOOR_HALF_WIDTH = 0.4;
    /** Half the door's height, metres at unit z scale (seed: +-0.1 around it). */
    static final double DOOR_HALF_HEIGHT = 0.9;
    /** Spring closer stiffness, N m/rad at unit x scale (seed: half to one and a half times it). */
    static final double CLOSER_STIFFNESS = 4.0;
    // scenarist:end design

    public DoorCloserTemplate() {}

    @Override
    public TemplateInfo info() {
        return new TemplateInfo("door-closer", 2, "Door with a spring closer",
                "A door hangs in a fixed frame on a vertical hinge with limits, damping and a spring closer that"
                        + " pulls it shut. The agent must get the door open past 60 degrees so that its handle"
                        + " (site agent_handle) reaches zone_goal, and keep it there, for example by pushing the"
                        + " handle and designing a wedge or stop that holds the door against the spring, while"
                        + " zone_forbid, the walkway in front of the door, stays clear. Learning objective: rotation"
                        + " about a fixed axis, limits, and the torque a spring closer exerts at a given angle.",
                new ScaleLimits(new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0)));
    }

    @Override
    public Scene build(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double sx = scale.x();
        double sy = scale.y();
        double sz = scale.z();

        double halfWidth = rng.uniform(DOOR_HALF_WIDTH - 0.05, DOOR_HALF_WIDTH + 0.05) * sx;
        double halfHeight = rng.uniform(DOOR_HALF_HEIGHT - 0.1, DOOR_HALF_HEIGHT + 0.1) * sz;
        double halfThick = 0.02 * Math.min(sy, 1.5);
        double gap = 0.01;
        double postHalf = 0.04 * Math.min(sx, sy);

        Scene scene = Scene.named("door_closer").timestep(0.002);
        scene.geom(Geom.plane("floor", 0, 0).material(Material.of("ground", Rgba.of(0.35, 0.35, 0.38))));

        Material frameWood = Material.of("frame", Rgba.of(0.45, 0.3, 0.2));
        double hingeGap = halfThick + gap;
        double frameTop = 2 * halfHeight + 2 * gap;
        scene.geom(Geom.box("frame_hinge_post", postHalf, postHalf, frameTop / 2)
                .at(-halfWidth - hingeGap - postHalf, 0, frameTop / 2).material(frameWood));
        scene.geom(Geom.box("frame_latch_post", postHalf, postHalf, frameTop / 2)
                .at(halfWidth + gap + postHalf, 0, frameTop / 2).material(frameWood));
        double lintelLeft = -halfWidth - hingeGap - 2 * postHalf;
        double lintelRight = halfWidth + gap + 2 * postHalf;
        scene.geom(Geom.box("frame_lintel", (lintelRight - lintelLeft) / 2, postHalf, postHalf)
                .at((lintelLeft + lintelRight) / 2, 0, frameTop + gap + postHalf).material(frameWood));

        double maxOpen = Math.toRadians(rng.uniform(95, 110));
        double panelMass = rng.uniform(8, 20) * sx * sz;
        Joint hinge = Joint.hinge("door_hinge").axis(0, 0, 1).range(0, maxOpen)
                .damping(rng.uniform(1, 4) * sx * sx).stiffness(CLOSER_STIFFNESS * rng.uniform(0.5, 1.5) * sx * sx).armature(0.05);

        // A revolved knob on the -y face near the latch edge, at handle height.
        Mesh knob = Mesh.of("door_knob", Meshes.revolution(List.of(Vec2.of(0, 0), Vec2.of(0.012, 0),
                Vec2.of(0.012, 0.03), Vec2.of(0.025, 0.045), Vec2.of(0.02, 0.06), Vec2.of(0, 0.062)), 24));
        double handleX = 2 * halfWidth - 0.08 * sx;
        double handleZ = Math.min(halfHeight - 0.05, 1.0 - (gap + halfHeight));
        handleZ = Math.max(handleZ, -halfHeight + 0.1);
        int panels = rng.integer(1, 3);
        Body door = scene.body("door").at(-halfWidth, 0, gap + halfHeight).joint(hinge)
                .geom(Geom.box("door_panel", halfWidth, halfThick, halfHeight).at(halfWidth, 0, 0)
                        .mass(panelMass).rgba(Rgba.of(0.7, 0.55, 0.35, 1)))
                .geom(Geom.mesh("door_knob", knob).at(handleX, -halfThick, handleZ)
                        .oriented(Quat.axisAngle(Vec3.X, Math.PI / 2)).density(2000).rgba(Rgba.of(0.8, 0.75, 0.3, 1)))
                .site(Site.sphere("agent_handle", 0.015).at(handleX, -halfThick - 0.062, handleZ).rgba(Rgba.GREEN));
        // Decorative raised panels on the -y face: part of the door body, so they never collide with it.
        for (int i = 0; i < panels; i++) {
            double h = (2 * halfHeight - 0.1 * sz) / panels;
            double zc = -halfHeight + 0.05 * sz + h * (i + 0.5);
            door.geom(Geom.box("door_moulding_" + i, 0.75 * halfWidth, 0.004, 0.4 * h)
                    .at(halfWidth, -halfThick - 0.004, zc).density(500).rgba(Rgba.of(0.62, 0.48, 0.3, 1)));
        }

        // The handle sweeps a circle about the hinge line; the goal is where it is at 60 to 90 degrees open.
        double radius = Math.hypot(handleX, halfThick + 0.062);
        double phase = StrictMath.atan2(-(halfThick + 0.062), handleX);
        double mid = Math.toRadians(75) + phase;
        double hingeX = -halfWidth;
        double goalZ = gap + halfHeight + handleZ;
        scene.zone(Zone.GOAL, Vec3.of(hingeX + radius * StrictMath.cos(mid), radius * StrictMath.sin(mid), goalZ),
                Vec3.of(0.12 * sx, 0.12 * sx, 0.1));
        scene.zone(Zone.START, Vec3.of(hingeX + handleX, -(halfThick + 0.062), goalZ), Vec3.of(0.05, 0.05, 0.05));
        scene.zone(Zone.FORBID, Vec3.of(0, -0.6 * sy - 0.3, 0.01), Vec3.of(halfWidth, 0.25 * sy, 0.01));
        return scene;
    }

    // ---- the task: open the door until the handle holds inside zone_goal, against the closer ----

    static final double HOLD = 0.5;
    static final double TIME_LIMIT = 5.0;

    /** The draws the task needs, in {@link #build}'s order. */
    private record Swing(double halfWidth, double halfThick, double handleX, double panelMass, double stiffness) {
        double radius() {
            return Math.hypot(handleX, halfThick + 0.062);
        }

        double phase() {
            return StrictMath.atan2(-(halfThick + 0.062), handleX);
        }

        /** The door's angle with the handle at the goal's centre (75 degrees of handle sweep past its start direction). */
        double goalAngle() {
            return Math.toRadians(75);
        }

        /** The handle's y with the door turned by the goal angle. */
        double goalY() {
            return radius() * StrictMath.sin(goalAngle() + phase());
        }

        /** The push along y at the handle that holds the door against the closer at the goal angle. */
        double holdingForce() {
            return stiffness * goalAngle() / (radius() * StrictMath.cos(goalAngle() + phase()));
        }

        /**
         * The reference's ramp time: a cosine ramp along the handle's arc to the goal whose peak acceleration is
         * 1 m/s^2, a quarter of what the push's inertial share (4 m/s^2 at the handle) allows, so the push never
         * saturates and the door never comes too fast to brake; at least a second.
         */
        double rampSeconds() {
            return Math.max(1, Math.sqrt(Math.PI * Math.PI / 2 * radius() * goalAngle() / 1.0));
        }

        /** The time limit: the ramp, then 2 s to settle and hold; at least {@value #TIME_LIMIT} s. */
        double timeLimit() {
            return Math.max(TIME_LIMIT, Math.ceil(rampSeconds() + 2));
        }

        /** The door's moment of inertia about the hinge, as a mass at the handle. */
        double massAtHandle() {
            return panelMass * 4 * halfWidth * halfWidth / 3 / (radius() * radius());
        }
    }

    private static Swing swing(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double halfWidth = rng.uniform(DOOR_HALF_WIDTH - 0.05, DOOR_HALF_WIDTH + 0.05) * scale.x();
        rng.uniform(0, 1);                                             // half height
        double halfThick = 0.02 * Math.min(scale.y(), 1.5);
        rng.uniform(0, 1);                                             // max open
        double panelMass = rng.uniform(8, 20) * scale.x() * scale.z();
        rng.uniform(0, 1);                                             // damping
        double stiffness = CLOSER_STIFFNESS * rng.uniform(0.5, 1.5) * scale.x() * scale.x();
        return new Swing(halfWidth, halfThick, 2 * halfWidth - 0.08 * scale.x(), panelMass, stiffness);
    }

    private static double maxForce(Swing s) {
        return 3 * s.holdingForce() + 4 * s.massAtHandle();
    }

    @Override
    public Optional<Task> task(long seed, Scale scale) {
        Swing s = swing(seed, scale);
        return Optional.of(Task.reach(Task.Subject.site("agent_handle"), "zone_goal").hold(HOLD).within(s.timeLimit())
                .avoiding("zone_forbid")
                .control(Control.Push.atSite("agent_push", "door", "agent_handle", Vec3.Y, -maxForce(s), maxForce(s))));
    }

    /**
     * Feedback on the handle's y, its target moved from the handle's start to the goal along a cosine ramp (over
     * {@link Swing#rampSeconds}) and offset by the closer's force over kp. Aimed at the goal in one jump, the push
     * saturated at its bound for most of the swing, and a heavy door with a weak closer came too fast to brake: it
     * swung past 90 degrees, where pushing along y opens it further, and stayed against its stop.
     */
    @Override
    public Optional<Solution> reference(long seed, Scale scale) {
        Swing s = swing(seed, scale);
        double kp = 400 * s.massAtHandle();
        double kd = 2 * 0.8 * Math.sqrt(kp * s.massAtHandle());
        double startY = -(s.halfThick() + 0.062);
        int ticks = (int) Math.ceil(s.rampSeconds() / RAMP_TICK);
        Solution.Builder b = Solution.builder();
        for (int k = 0; k <= ticks; k++) {
            double share = (1 - StrictMath.cos(Math.PI * k / ticks)) / 2;
            double angle = s.goalAngle() * share;
            // the closer's force at this angle, so the target leads the handle by exactly what the spring takes
            double y = s.radius() * StrictMath.sin(angle + s.phase());
            double spring = s.stiffness() * angle / (s.radius() * StrictMath.cos(angle + s.phase()));
            b.hold(k * RAMP_TICK, "agent_push", (k == 0 ? startY : y) + spring / kp, kp, kd);
        }
        return Optional.of(b.build());
    }

    /** How often the reference's target moves. */
    private static final double RAMP_TICK = 0.05;

    /** Pulling the handle instead of pushing it: the door only presses into its closed stop. */
    @Override
    public Optional<Solution> wrong(long seed, Scale scale) {
        Swing s = swing(seed, scale);
        return Optional.of(Solution.builder().set(0, "agent_push", -s.holdingForce()).build());
    }

    @Override
    public String toString() {
        return info().id();
    }
}
