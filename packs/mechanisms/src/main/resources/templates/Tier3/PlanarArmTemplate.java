import dev.scenarist.packs.mechanisms.scene.*;
import java.util.*;

/**
 * Tier 3 (actuated multi-body): a two-link planar arm on a pedestal, both joints vertical hinges driven by position
 * servos, with a pusher finger hanging from the tip to the floor. A puck rests on the floor within reach.
 *
 * <p>Stability: the hinge axes are vertical, so gravity exerts no torque on them; the servos' targets (control 0)
 * are the initial pose (the random shoulder yaw and elbow bend are written as body orientations, so both joints
 * start at 0). The links ride above the pedestal and the puck; only the finger reaches down, and the puck is placed
 * well clear of it, of the pedestal and of the zones.
 *
 * <p>Solvable by construction: the goal lies further out on the ray from the pedestal through the puck, so a radial
 * push never crosses the forbidden square; a placement is kept only when the planned finger path (to a point behind
 * the puck without sweeping into it, then the push) stays inside the servos' ranges and off the stretched and
 * folded elbow.
 */
public class PlanarArmTemplate implements Template {
    // scenarist:begin design
    /** Upper-arm length, metres at unit scale (seed: +-0.04 around it). */
    static final double UPPER_ARM = 0.32;
    /** Forearm length as a fraction of the upper arm's (seed: +-0.125 around it). */
    static final double FOREARM_RATIO = 0.825;
    /** The puck's radius, metres at unit scale (seed: 0.8 to 1.2 times it). */
    static final double PUCK_RADIUS = 0.0375;
    // scenarist:end design

    public PlanarArmTemplate() {}

    @Override
    public TemplateInfo info() {
        return new TemplateInfo("planar-arm-2link", 3, "Two-link arm pushes a puck",
                "A two-link planar arm (shoulder and elbow: vertical hinges with position servos"
                        + " agent_shoulder_servo and agent_elbow_servo) stands on a pedestal; a finger hangs from its"
                        + " tip (site agent_tip) to just above the floor. A puck rests in zone_start. The agent must"
                        + " command the servos so the finger pushes the puck into zone_goal without the puck or the"
                        + " finger entering zone_forbid. Learning objective: forward and inverse kinematics of a"
                        + " 2-R arm (reachable workspace, elbow-up versus elbow-down solutions) and planning a"
                        + " pushing contact.",
                new ScaleLimits(new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0)));
    }

    /** Every dimension and placement a variant draws, shared by the scene, its task and its solutions. */
    private record Layout(double l1, double l2, double linkR, double pedestalR, double pedestalH, double shoulderZ,
                          double fingerR, double yaw, double bend, double puckR, double puckHalf, double inner,
                          Vec2 puck, Vec2 goal, Vec2 finger, double sxy) {
        /** Where the finger waits before the push: behind the puck, on the line from the pedestal through it. */
        Vec2 approach() {
            return along(puck, -(puckR + fingerR + 0.02));
        }

        /** Where the finger stops: the puck's centre then sits on the goal's. */
        Vec2 pushEnd() {
            return along(goal, -(puckR + fingerR));
        }

        /** {@code p} moved by {@code d} along the ray from the pedestal's axis through it. */
        static Vec2 along(Vec2 p, double d) {
            double r = Math.hypot(p.x(), p.y());
            return Vec2.of(p.x() * (r + d) / r, p.y() * (r + d) / r);
        }

        /**
         * How much stronger than the default arm's the servos, their force ranges and the joint damping are, never
         * below 1: the servos (kp = 40 sxy^2, for links whose radius grows with sxy) were tuned for the default arm's
         * reach (0.32 m upper arm, 0.264 m forearm) at unit scale, and the arm's inertia about the shoulder grows with
         * its reach cubed: a long or large arm's servos lagged its planned path, then caught up and struck the puck
         * past the goal. Scaling kp with the inertia keeps the servos' natural frequency, so their tracking, the
         * default arm's. (The links' radius also shrinks with z; the finger and hub do not, so it is left out.)
         */
        double strength() {
            return Math.max(1, Math.pow((l1 + l2) / (0.32 * 1.825), 3));
        }

        /** This arm with the puck at {@code p} and the goal's centre at {@code g}. */
        Layout withPuck(Vec2 p, Vec2 g) {
            return new Layout(l1, l2, linkR, pedestalR, pedestalH, shoulderZ, fingerR, yaw, bend, puckR, puckHalf, inner, p, g,
                    finger, sxy);
        }

        /** The finger's radius when the elbow (absolute) angle is {@code theta2}. */
        double radius(double theta2) {
            return Math.sqrt(l1 * l1 + l2 * l2 + 2 * l1 * l2 * StrictMath.cos(theta2));
        }

        /** The arm's absolute angles {shoulder, elbow} putting the finger at {@code p}, on the initial elbow branch. */
        double[] ik(Vec2 p) {
            double r2 = p.x() * p.x() + p.y() * p.y();
            double c = Math.max(-1, Math.min(1, (r2 - l1 * l1 - l2 * l2) / (2 * l1 * l2)));
            double t2 = Math.signum(bend) * StrictMath.acos(c);
            double t1 = StrictMath.atan2(p.y(), p.x()) - StrictMath.atan2(l2 * StrictMath.sin(t2), l1 + l2 * StrictMath.cos(t2));
            return new double[] {t1, t2};
        }
    }

    /** The elbow's absolute angle stays between these (radians, in magnitude): never stretched, never folded. */
    private static final double BEND_MIN = 0.35;
    private static final double BEND_MAX = 2.4;

    private static Layout layout(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double sx = scale.x();
        double sy = scale.y();
        double sz = scale.z();
        double sxy = Math.sqrt(sx * sy);

        double l1 = rng.uniform(UPPER_ARM - 0.04, UPPER_ARM + 0.04) * sxy;
        double l2 = rng.uniform(FOREARM_RATIO - 0.125, FOREARM_RATIO + 0.125) * l1;
        double linkR = 0.02 * Math.min(sxy, sz);
        double pedestalR = 0.06 * Math.min(sx, sy);
        double pedestalH = rng.uniform(0.12, 0.18) * sz;
        double shoulderZ = pedestalH + 0.004 + linkR;    // link bottom 4 mm above the pedestal's top
        double fingerR = 0.012 * Math.min(sx, sy);
        double yaw = rng.uniform(-Math.PI, Math.PI);
        double bend = Math.toRadians(rng.uniform(25, 90)) * (rng.chance(0.5) ? 1 : -1);
        double fx = l1 * StrictMath.cos(yaw) + l2 * StrictMath.cos(yaw + bend);
        double fy = l1 * StrictMath.sin(yaw) + l2 * StrictMath.sin(yaw + bend);

        double drawnPuckR = PUCK_RADIUS * rng.uniform(0.8, 1.2) * Math.min(sx, sy);
        double puckHalf = Math.min(0.02 * sz, (shoulderZ - linkR - 0.01) / 2 - 0.001);
        // Fallback: the shortest arms with the biggest pucks (a corner of the design grid) may leave no room for a
        // radial push between the forbidden square and the arm's reach; the puck then shrinks in 10 % steps until
        // one fits. Variants that fit at once keep the drawn puck and the same random draws.
        for (int shrink = 0; shrink <= PUCK_SHRINK_STEPS; shrink++) {
            double puckR = drawnPuckR * Math.pow(0.9, shrink);
            Layout arm = new Layout(l1, l2, linkR, pedestalR, pedestalH, shoulderZ, fingerR, yaw, bend, puckR, puckHalf,
                    Math.abs(l1 - l2) + pedestalR + puckR + 0.03 * Math.min(sx, sy), Vec2.of(1, 0), Vec2.of(1, 0),
                    Vec2.of(fx, fy), sxy);
            Layout placed = place(rng, arm, Math.min(sx, sy));
            if (placed != null) return placed;
        }
        throw new IllegalStateException("no puck placement lets the arm push it radially for seed " + seed + " at " + scale
                + ", even with the puck shrunk to " + Math.round(100 * Math.pow(0.9, PUCK_SHRINK_STEPS)) + " % of its "
                + "drawn radius: the arm is too short for its pedestal and puck at this scale; raise UPPER_ARM or "
                + "lower PUCK_RADIUS");
    }

    /** How many 10 % steps the puck may shrink by when no placement fits its drawn size. */
    private static final int PUCK_SHRINK_STEPS = 5;

    /**
     * {@code probe}'s puck and goal placed for a radial push the arm can plan (its own puck and goal are
     * placeholders), or null if none fits; {@code sMin} is the smaller horizontal scale.
     */
    private static Layout place(Rng rng, Layout probe, double sMin) {
        double puckR = probe.puckR();
        double fingerR = probe.fingerR();
        double inner = probe.inner();
        // The finger works between the folded and the stretched radius; the puck lies clear of the forbidden square
        // and far enough out that the finger fits behind it; the goal lies further out on the same ray, so
        // the push is a straight radial stroke that never crosses the forbidden square.
        double rFinger = Math.max(probe.radius(BEND_MAX), probe.pedestalR() + fingerR + 0.02);
        double rReach = probe.radius(BEND_MIN);
        double forbidHalf = inner - puckR;
        double rPuckMin = Math.max(rFinger + puckR + fingerR + 0.02, forbidHalf + 1.5 * puckR);
        for (int attempt = 0; attempt < 400; attempt++) {
            double d = rng.uniform(3.4 * puckR + 0.01 * sMin, 3.8 * puckR + 0.04 * sMin);
            double rMax = rReach - d + fingerR;          // the push ends with the finger at rGoal - puckR - fingerR
            if (rMax <= rPuckMin) continue;
            double r = rng.uniform(rPuckMin, rMax);
            double a = rng.uniform(-Math.PI, Math.PI);
            Vec2 p = Vec2.of(r * StrictMath.cos(a), r * StrictMath.sin(a));
            // clear of the forbidden square (its corners reach further out than its sides)
            if (Math.max(Math.abs(p.x()), Math.abs(p.y())) < forbidHalf + 1.5 * puckR) continue;
            Layout trial = probe.withPuck(p, Layout.along(p, d));
            if (plan(trial) != null) return trial;
        }
        return null;
    }

    @Override
    public Scene build(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        double l1 = l.l1(), l2 = l.l2(), linkR = l.linkR(), pedestalR = l.pedestalR(), pedestalH = l.pedestalH();
        double shoulderZ = l.shoulderZ(), fingerR = l.fingerR(), yaw = l.yaw(), bend = l.bend(), sxy = l.sxy();
        double fingerBottom = 0.006;                      // the finger's rounded end clears the floor

        Scene scene = Scene.named("planar_arm_2link").timestep(0.002).integrator(Integrator.IMPLICITFAST);
        scene.geom(Geom.plane("floor", 0, 0).material(Material.of("ground", Rgba.of(0.35, 0.35, 0.38))));
        scene.geom(Geom.cylinder("pedestal", pedestalR, pedestalH / 2).at(0, 0, pedestalH / 2)
                .rgba(Rgba.of(0.4, 0.4, 0.45, 1)));

        Material armPaint = Material.of("arm_paint", Rgba.of(0.95, 0.55, 0.15));
        // joint damping three times what the first arms had: lightly damped servos overshot the approach point at the
        // end of the arc and knocked the puck before the push
        double strength = l.strength();
        Joint shoulder = Joint.hinge("shoulder").axis(0, 0, 1).range(-2.9, 2.9).damping(1.5 * strength).armature(0.02);
        Joint elbow = Joint.hinge("elbow").axis(0, 0, 1).range(-2.5 - bend, 2.5 - bend).damping(0.9 * strength).armature(0.01);
        Body upper = scene.body("agent_upper_arm").at(0, 0, shoulderZ).oriented(Quat.axisAngle(Vec3.Z, yaw))
                .joint(shoulder)
                .geom(Geom.cylinder("shoulder_hub", linkR * 1.4, linkR).density(1500).material(armPaint))
                .geom(Geom.capsule("agent_upper_link", linkR, Vec3.of(0, 0, 0), Vec3.of(l1, 0, 0))
                        .density(800).material(armPaint));
        double fingerHalf = (shoulderZ - fingerBottom) / 2;
        upper.body("agent_forearm").at(l1, 0, 0).oriented(Quat.axisAngle(Vec3.Z, bend))
                .joint(elbow)
                .geom(Geom.capsule("agent_forearm_link", linkR * 0.85, Vec3.of(0, 0, 0), Vec3.of(l2, 0, 0))
                        .density(800).material(armPaint))
                // a flat-ended cylinder: its side meets even the flattest puck square on (a capsule's rounded end
                // would press a flat puck down and ride onto it instead of pushing it along)
                .geom(Geom.cylinder("agent_finger", fingerR, fingerHalf).at(l2, 0, -fingerHalf)
                        .density(800).rgba(Rgba.of(0.2, 0.2, 0.25, 1)))
                .site(Site.sphere("agent_tip", 0.01).at(l2, 0, -2 * fingerHalf));
        double kp = 40 * sxy * sxy * strength;
        scene.actuator(Actuator.position("agent_shoulder_servo", shoulder, kp).ctrlRange(-2.9, 2.9)
                .forceRange(-20 * sxy * strength, 20 * sxy * strength));
        scene.actuator(Actuator.position("agent_elbow_servo", elbow, kp * 0.6).ctrlRange(-2.5 - bend, 2.5 - bend)
                .forceRange(-12 * sxy * strength, 12 * sxy * strength));

        Vec2 puck = l.puck();
        Vec2 goal = l.goal();
        double puckR = l.puckR();
        scene.body("puck").at(puck.x(), puck.y(), l.puckHalf() + 0.0005)
                .joint(Joint.free("puck_free"))
                .geom(Geom.cylinder("puck", puckR, l.puckHalf()).density(600).friction(0.4).rgba(Rgba.BLUE));
        scene.zone(Zone.START, Vec3.of(puck.x(), puck.y(), 0.005), Vec3.of(puckR * 1.5, puckR * 1.5, 0.005));
        scene.zone(Zone.GOAL, Vec3.of(goal.x(), goal.y(), 0.005), Vec3.of(puckR * 1.8, puckR * 1.8, 0.005));
        double forbidHalf = l.inner() - puckR;
        scene.zone(Zone.FORBID, Vec3.of(0, 0, 0.005), Vec3.of(forbidHalf, forbidHalf, 0.005));
        return scene;
    }

    // ---- the task: drive the two servos so the finger pushes the puck into zone_goal ----

    static final double HOLD = 0.5;
    /** Servo targets change every this many seconds along the planned finger path. */
    private static final double TICK = 0.05;

    /**
     * The finger's path as servo targets {t, shoulder, elbow} (joint angles, i.e. absolute angles minus the initial
     * yaw and bend): out or in along its own ray to the approach radius, round an arc at that radius (which passes
     * the puck on its pedestal side) to the puck's ray, a pause, then the radial push to the goal. Null when some
     * point of it leaves the servos' ranges or the finger would sweep into the puck on the way.
     */
    private static List<double[]> plan(Layout l) {
        Vec2 a = l.approach();
        double rA = Math.hypot(a.x(), a.y());
        double rF = Math.hypot(l.finger().x(), l.finger().y());
        double clear = l.puckR() + l.fingerR() + 0.02;
        double aF = StrictMath.atan2(l.finger().y(), l.finger().x());
        Vec2 radialEnd = Vec2.of(rA * StrictMath.cos(aF), rA * StrictMath.sin(aF));
        if (segmentDistance(l.puck(), l.finger(), radialEnd) < clear) return null;
        List<Vec2> points = new ArrayList<>();
        line(points, l.finger(), radialEnd, 0.15 * l.sxy());
        // the arc: the shoulder turns at a fixed elbow, so the finger stays at radius rA
        double[] from = l.ik(radialEnd);
        double[] to = l.ik(a);
        double turn = wrap(to[0] - from[0]);
        int arcTicks = Math.max(1, (int) Math.ceil(Math.abs(turn) / (0.8 * TICK)));
        List<double[]> angles = new ArrayList<>();
        for (Vec2 p : points) angles.add(l.ik(p));
        for (int i = 1; i <= arcTicks; i++) angles.add(new double[] {from[0] + turn * i / arcTicks, from[1]});
        for (int i = 0; i < (int) Math.round(0.4 / TICK); i++) angles.add(angles.get(angles.size() - 1));
        List<Vec2> push = new ArrayList<>();
        line(push, a, l.pushEnd(), 0.08 * l.sxy());
        for (Vec2 p : push.subList(1, push.size())) angles.add(l.ik(p));

        List<double[]> out = new ArrayList<>();
        double previous = 0;
        for (int i = 0; i < angles.size(); i++) {
            double q1 = previous + wrap(angles.get(i)[0] - l.yaw() - previous);
            double q2 = angles.get(i)[1] - l.bend();
            double bend = Math.abs(angles.get(i)[1]);
            if (Math.abs(q1) > 2.85 || bend < BEND_MIN - 1e-9 || bend > BEND_MAX + 1e-9) return null;
            out.add(new double[] {i * TICK, q1, q2});
            previous = q1;
        }
        return out;
    }

    /** Points from {@code p} to {@code q} (both included) one tick apart at {@code speed} m/s. */
    private static void line(List<Vec2> into, Vec2 p, Vec2 q, double speed) {
        double d = Math.hypot(q.x() - p.x(), q.y() - p.y());
        int n = Math.max(1, (int) Math.ceil(d / (speed * TICK)));
        for (int i = into.isEmpty() ? 0 : 1; i <= n; i++) {
            into.add(Vec2.of(p.x() + (q.x() - p.x()) * i / n, p.y() + (q.y() - p.y()) * i / n));
        }
    }

    private static double segmentDistance(Vec2 c, Vec2 p, Vec2 q) {
        double dx = q.x() - p.x(), dy = q.y() - p.y();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((c.x() - p.x()) * dx + (c.y() - p.y()) * dy) / len2));
        return Math.hypot(c.x() - p.x() - t * dx, c.y() - p.y() - t * dy);
    }

    private static double wrap(double a) {
        return StrictMath.IEEEremainder(a, 2 * Math.PI);
    }

    @Override
    public Optional<Task> task(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        List<double[]> plan = plan(l);
        double limit = Math.ceil(plan.get(plan.size() - 1)[0] + 2 * HOLD + 2);
        return Optional.of(Task.reach(Task.Subject.body("puck"), "zone_goal").hold(HOLD).within(limit).planar()
                .avoiding("zone_forbid")
                .control(new Control.Actuator("agent_shoulder_servo", -2.9, 2.9),
                        new Control.Actuator("agent_elbow_servo", -2.5 - l.bend(), 2.5 - l.bend())));
    }

    /** The planned finger path, open loop: one pair of servo targets every 50 ms. */
    @Override
    public Optional<Solution> reference(long seed, Scale scale) {
        return Optional.of(schedule(plan(layout(seed, scale)), 0, 0));
    }

    /**
     * The stroke planned to bring the puck's leading edge to the goal zone's near edge, as if touching the zone were
     * enough: the same path, but the push stops 2.8 puck radii short of the goal's centre, a puck radius before the
     * zone. (Taking the joint angles for absolute ones, the earlier wrong answer, sent the finger on a random sweep
     * that now and then knocked the puck into the zone.)
     */
    @Override
    public Optional<Solution> wrong(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        return Optional.of(schedule(plan(l.withPuck(l.puck(), Layout.along(l.goal(), -2.8 * l.puckR()))), 0, 0));
    }

    private static Solution schedule(List<double[]> plan, double shoulderOffset, double elbowOffset) {
        Solution.Builder b = Solution.builder();
        for (double[] p : plan) {
            b.set(p[0], "agent_shoulder_servo", Math.max(-2.9, Math.min(2.9, wrap(p[1] + shoulderOffset))))
                    .set(p[0], "agent_elbow_servo", p[2] + elbowOffset);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return info().id();
    }
}
