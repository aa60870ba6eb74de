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

    @Override
    public Scene build(long seed, Scale scale) {
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
        double fingerBottom = 0.006;                      // the finger's rounded end clears the floor
        double yaw = rng.uniform(-Math.PI, Math.PI);
        double bend = Math.toRadians(rng.uniform(25, 90)) * (rng.chance(0.5) ? 1 : -1);

        Scene scene = Scene.named("planar_arm_2link").timestep(0.002).integrator(Integrator.IMPLICITFAST);
        scene.geom(Geom.plane("floor", 0, 0).material(Material.of("ground", Rgba.of(0.35, 0.35, 0.38))));
        scene.geom(Geom.cylinder("pedestal", pedestalR, pedestalH / 2).at(0, 0, pedestalH / 2)
                .rgba(Rgba.of(0.4, 0.4, 0.45, 1)));

        Material armPaint = Material.of("arm_paint", Rgba.of(0.95, 0.55, 0.15));
        Joint shoulder = Joint.hinge("shoulder").axis(0, 0, 1).range(-2.9, 2.9).damping(0.5).armature(0.02);
        Joint elbow = Joint.hinge("elbow").axis(0, 0, 1).range(-2.5 - bend, 2.5 - bend).damping(0.3).armature(0.01);
        Body upper = scene.body("agent_upper_arm").at(0, 0, shoulderZ).oriented(Quat.axisAngle(Vec3.Z, yaw))
                .joint(shoulder)
                .geom(Geom.cylinder("shoulder_hub", linkR * 1.4, linkR).density(1500).material(armPaint))
                .geom(Geom.capsule("agent_upper_link", linkR, Vec3.of(0, 0, 0), Vec3.of(l1, 0, 0))
                        .density(800).material(armPaint));
        double fingerHalf = (shoulderZ - fingerR - fingerBottom) / 2;
        upper.body("agent_forearm").at(l1, 0, 0).oriented(Quat.axisAngle(Vec3.Z, bend))
                .joint(elbow)
                .geom(Geom.capsule("agent_forearm_link", linkR * 0.85, Vec3.of(0, 0, 0), Vec3.of(l2, 0, 0))
                        .density(800).material(armPaint))
                .geom(Geom.capsule("agent_finger", fingerR, fingerHalf).at(l2, 0, -fingerHalf)
                        .density(800).rgba(Rgba.of(0.2, 0.2, 0.25, 1)))
                .site(Site.sphere("agent_tip", 0.01).at(l2, 0, -2 * fingerHalf));
        double kp = 40 * sxy * sxy;
        scene.actuator(Actuator.position("agent_shoulder_servo", shoulder, kp).ctrlRange(-2.9, 2.9)
                .forceRange(-20 * sxy, 20 * sxy));
        scene.actuator(Actuator.position("agent_elbow_servo", elbow, kp * 0.6).ctrlRange(-2.5 - bend, 2.5 - bend)
                .forceRange(-12 * sxy, 12 * sxy));

        // Where the finger is now (world xy).
        double ex = l1 * StrictMath.cos(yaw);
        double ey = l1 * StrictMath.sin(yaw);
        double fx = ex + l2 * StrictMath.cos(yaw + bend);
        double fy = ey + l2 * StrictMath.sin(yaw + bend);

        // The puck: flat, below the links, on the floor inside the reachable annulus, clear of finger and pedestal.
        double puckR = PUCK_RADIUS * rng.uniform(0.8, 1.2) * Math.min(sx, sy);
        double puckHalf = Math.min(0.02 * sz, (shoulderZ - linkR - 0.01) / 2 - 0.001);
        double inner = Math.abs(l1 - l2) + pedestalR + puckR + 0.03;
        double outer = l1 + l2 - puckR;
        double[] puck = null;
        double[] goal = null;
        for (int attempt = 0; attempt < 200 && (puck == null || goal == null); attempt++) {
            double r = rng.uniform(inner, Math.max(inner + 1e-6, 0.92 * outer));
            double a = rng.uniform(-Math.PI, Math.PI);
            double x = r * StrictMath.cos(a);
            double y = r * StrictMath.sin(a);
            if (Math.hypot(x - fx, y - fy) < puckR + fingerR + 0.05) continue;
            if (puck == null) {
                puck = new double[] {x, y};
            } else if (Math.hypot(x - puck[0], y - puck[1]) > 4 * puckR + 0.05) {
                goal = new double[] {x, y};
            }
        }
        if (puck == null) {
            // Mid-annulus, on the far side of the pedestal from the finger.
            double mid = 0.5 * (inner + Math.max(inner, 0.92 * outer));
            double away = StrictMath.atan2(fy, fx) + Math.PI;
            puck = new double[] {mid * StrictMath.cos(away), mid * StrictMath.sin(away)};
        }
        if (goal == null) goal = new double[] {-puck[0], -puck[1]};
        scene.body("puck").at(puck[0], puck[1], puckHalf + 0.0005)
                .joint(Joint.free("puck_free"))
                .geom(Geom.cylinder("puck", puckR, puckHalf).density(600).friction(0.4).rgba(Rgba.BLUE));
        scene.zone(Zone.START, Vec3.of(puck[0], puck[1], 0.005), Vec3.of(puckR * 1.5, puckR * 1.5, 0.005));
        scene.zone(Zone.GOAL, Vec3.of(goal[0], goal[1], 0.005), Vec3.of(puckR * 1.8, puckR * 1.8, 0.005));
        scene.zone(Zone.FORBID, Vec3.of(0, 0, 0.005), Vec3.of(inner - puckR, inner - puckR, 0.005));
        return scene;
    }

    @Override
    public String toString() {
        return info().id();
    }
}
