import dev.scenarist.packs.mechanisms.scene.*;
import java.util.*;

/**
 * Tier 2 (kinematic): a damped pendulum (rod and bob on a hinge about y) hangs from a gantry and is released from a
 * random angle, so it swings in the x-z plane from the first step.
 *
 * <p>Clearances: the gantry's posts stand beside the swing plane, farther out than the bob's radius; the crossbar
 * sits above the pivot, higher than the rod's rounded top can reach; the bob's lowest point clears the floor. The
 * release angle stays below 70 degrees, so the bob's top speed, sqrt(2 g L (1 - cos a)), is far under the limit.
 */
public class PendulumTemplate implements Template {
    // scenarist:begin design
    /** Arm length from the pivot to the bob's centre, metres at unit z scale (seed: +-0.15 around it). */
    static final double ARM_LENGTH = 0.55;
    /** Release angle from the vertical, degrees (seed: 0.8 to 1.2 times it, either side). */
    static final double RELEASE_DEG = 30.0;
    /** Damping ratio of the swing (seed: a third to five thirds of it). */
    static final double DAMPING_RATIO = 0.03;
    // scenarist:end design

    private static final double G = 9.81;

    public PendulumTemplate() {}

    @Override
    public TemplateInfo info() {
        return new TemplateInfo("pendulum-catch", 2, "Released pendulum",
                "A damped pendulum (rod and bob on a hinge) hangs from a gantry and is released from a random angle"
                        + " at t = 0. The agent must bring the bob into zone_goal, on the far side of the vertical at"
                        + " 0.6 of the release angle, and hold it there for a second (longer than half a swing for long"
                        + " arms), pushing horizontally at the bob (site agent_bob) with a"
                        + " bounded force; zone_forbid is the vertical below the pivot, which the bob keeps passing"
                        + " through. Learning objective: predict a pendulum's motion from its length and release angle"
                        + " (period, far-side amplitude reduced by damping) and the horizontal force that holds it"
                        + " at an angle (m g tan a).",
                new ScaleLimits(new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0)));
    }

    @Override
    public Scene build(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double sx = scale.x();
        double sy = scale.y();
        double sz = scale.z();

        double length = rng.uniform(ARM_LENGTH - 0.15, ARM_LENGTH + 0.15) * sz;
        double bobR = rng.uniform(0.035, 0.05) * Math.min(Math.min(sx, sy), sz);
        double rodR = 0.006 * Math.min(sx, sy);
        double floorGap = 0.05 * sz + 0.02;
        double pivotZ = length + bobR + floorGap;
        double release = Math.toRadians(RELEASE_DEG * rng.uniform(0.8, 1.2)) * (rng.chance(0.5) ? 1 : -1);
        double bobMass = rng.uniform(0.5, 2.0) * sx * sy * sz;
        double zeta = DAMPING_RATIO * rng.uniform(1.0 / 3, 5.0 / 3);
        double inertia = bobMass * length * length;
        double damping = 2 * zeta * inertia * Math.sqrt(G / length);

        Scene scene = Scene.named("pendulum_catch").timestep(0.002);
        scene.geom(Geom.plane("floor", 0, 0).material(Material.of("ground", Rgba.of(0.35, 0.35, 0.38))));

        // Gantry: two posts beside the swing plane and a crossbar above the pivot.
        Material steel = Material.of("gantry", Rgba.of(0.5, 0.52, 0.56));
        double postHalf = 0.02 * Math.min(sx, sy);
        double postY = bobR + 0.08 * sy + postHalf;
        double barHalfZ = 0.02 * sz;
        double barZ = pivotZ + rodR + 0.01 + barHalfZ;
        double postTop = barZ + barHalfZ;
        for (int side = -1; side <= 1; side += 2) {
            scene.geom(Geom.box(side < 0 ? "gantry_post_left" : "gantry_post_right", postHalf, postHalf, postTop / 2)
                    .at(0, side * postY, postTop / 2).material(steel));
        }
        scene.geom(Geom.box("gantry_bar", postHalf, postY + postHalf, barHalfZ).at(0, 0, barZ).material(steel));
        scene.geom(Geom.cylinder("pivot_axle", 0.004, postY).at(0, 0, pivotZ)
                .oriented(Quat.axisAngle(Vec3.X, Math.PI / 2)).rgba(Rgba.of(0.8, 0.8, 0.82, 1)).noContacts());

        Joint hinge = Joint.hinge("pendulum_hinge").axis(0, 1, 0).damping(damping).armature(0.0005);
        scene.body("pendulum").at(0, 0, pivotZ).oriented(Quat.axisAngle(Vec3.Y, release))
                .joint(hinge)
                .geom(Geom.capsule("pendulum_rod", rodR, Vec3.of(0, 0, 0), Vec3.of(0, 0, -length))
                        .density(2700).rgba(Rgba.of(0.75, 0.75, 0.78, 1)))
                .geom(Geom.sphere("pendulum_bob", bobR).at(0, 0, -length).mass(bobMass).rgba(Rgba.BLUE))
                .site(Site.sphere("agent_bob", 0.5 * bobR).at(0, 0, -length).rgba(Rgba.GREEN));

        // Bob centre at angle a: turning about +y maps (0, 0, -L) to (-L sin a, 0, -L cos a).
        double far = Swing.GOAL_SHARE * -release;
        Vec3 start = Vec3.of(-length * StrictMath.sin(release), 0, pivotZ - length * StrictMath.cos(release));
        Vec3 goal = Vec3.of(-length * StrictMath.sin(far), 0, pivotZ - length * StrictMath.cos(far));
        scene.zone(Zone.START, start, Vec3.of(bobR * 1.5, bobR * 1.5, bobR * 1.5));
        scene.zone(Zone.GOAL, goal, Vec3.of(goalHalfWidth(goal.x(), bobR), bobR * 2, bobR * 2));
        scene.zone(Zone.FORBID, Vec3.of(0, 0, pivotZ - length / 2), Vec3.of(bobR * 1.2, bobR * 1.2, length / 2 + bobR));
        return scene;
    }

    // ---- the task: bring the bob to zone_goal on the far side and hold it there for a second ----

    static final double TIME_LIMIT = 6.0;

    /**
     * The goal zone's half width along x: at most twice the bob's radius, and at most half the goal's distance from
     * the vertical, so the zone never reaches the bottom of the swing, where a free pendulum comes to rest.
     */
    private static double goalHalfWidth(double goalX, double bobR) {
        return Math.min(2 * bobR, 0.5 * Math.abs(goalX));
    }

    /** The draws the task needs, in {@link #build}'s order: arm length, bob radius, release angle, bob mass. */
    private record Swing(double length, double release, double bobMass, double rodMass) {
        /**
         * The goal's angle as a share of the release angle, on the far side: well inside the free swing's reach, so
         * the free pendulum only passes through the zone (it lingers near its turning points, farther out).
         */
        static final double GOAL_SHARE = 0.6;

        double far() {
            return -GOAL_SHARE * release;
        }

        /**
         * The hold: a second, and never shorter than 0.6 of the swing's period. A free pendulum stays on one side of
         * the vertical for half a period at most, so passing through the zone can never complete the hold.
         */
        double hold() {
            return Math.max(1.0, 0.6 * 2 * Math.PI * Math.sqrt(length / G));
        }

        double goalX() {
            return -length * StrictMath.sin(far());
        }
    }

    private static Swing swing(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double length = rng.uniform(ARM_LENGTH - 0.15, ARM_LENGTH + 0.15) * scale.z();
        rng.uniform(0, 1);                                             // bob radius
        double release = Math.toRadians(RELEASE_DEG * rng.uniform(0.8, 1.2)) * (rng.chance(0.5) ? 1 : -1);
        double bobMass = rng.uniform(0.5, 2.0) * scale.x() * scale.y() * scale.z();
        double rodR = 0.006 * Math.min(scale.x(), scale.y());
        return new Swing(length, release, bobMass, 2700 * Math.PI * rodR * rodR * length);
    }

    /** The horizontal force at the bob that holds the pendulum still at the goal angle (bob plus half the rod). */
    private static double holdingForce(Swing s) {
        return -(s.bobMass() + s.rodMass() / 2) * G * StrictMath.tan(s.far());
    }

    @Override
    public Optional<Task> task(long seed, Scale scale) {
        Swing s = swing(seed, scale);
        double max = 4 * Math.abs(holdingForce(s)) + 2 * s.bobMass();
        // zone_forbid marks where a catcher may not stand; the bob itself must swing through it, so it is no predicate
        return Optional.of(Task.reach(Task.Subject.geom("pendulum_bob"), "zone_goal").hold(s.hold()).within(TIME_LIMIT)
                .control(Control.Push.atSite("agent_push", "pendulum", "agent_bob", Vec3.X, -max, max)));
    }

    /** Feedback on the bob's x, aimed at the goal and offset by the holding force over kp. */
    @Override
    public Optional<Solution> reference(long seed, Scale scale) {
        return Optional.of(catchAt(swing(seed, scale)));
    }

    /**
     * The same catch aimed at the mirror image of the goal, on the release side: the sign of the far side got wrong,
     * so the bob is held still, but at the wrong angle.
     */
    @Override
    public Optional<Solution> wrong(long seed, Scale scale) {
        Swing s = swing(seed, scale);
        return Optional.of(catchAt(new Swing(s.length(), -s.release(), s.bobMass(), s.rodMass())));
    }

    /** A PD hold of the bob's x at the swing's goal, the target offset by the holding force over kp. */
    private static Solution catchAt(Swing s) {
        double mass = s.bobMass() + s.rodMass() / 3;
        double kp = 400 * mass;
        double kd = 2 * 0.8 * Math.sqrt(kp * mass);
        return Solution.builder().hold(0, "agent_push", s.goalX() + holdingForce(s) / kp, kp, kd).build();
    }

    @Override
    public String toString() {
        return info().id();
    }
}
