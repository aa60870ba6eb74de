import dev.scenarist.packs.mechanisms.scene.*;
import java.util.*;

/**
 * Tier 3 (actuated multi-body): a parallel-jaw gripper on a vertical lift, lowered over a box that rests on the
 * floor. Three position servos: the lift and one per finger (two slide joints closing towards each other).
 *
 * <p>Stability: every servo's target (control 0) is the initial pose. The lift starts on its lower joint limit, so
 * gravity presses it into the limit instead of making the servo sag; the fingers slide horizontally, so gravity
 * does not load them. The open fingers straddle the box with a scaled clearance on each side and stop above the
 * floor; the palm is above the box's top. Fully closed, the fingers still keep a gap between each other.
 */
public class ParallelGripperTemplate implements Template {
    // scenarist:begin design
    /** Open fingers' clearance to the box per side, as a fraction of the box's half width (seed: +-0.15). */
    static final double FINGER_GAP = 0.45;
    /** Half the box's height, metres at unit z scale (seed: +-0.0125 around it). */
    static final double BOX_HALF_HEIGHT = 0.0375;
    /** The lift's travel above its start, metres at unit z scale, plus 5 cm (seed: +-0.04 around it). */
    static final double LIFT_TRAVEL = 0.16;
    // scenarist:end design

    public ParallelGripperTemplate() {}

    @Override
    public TemplateInfo info() {
        return new TemplateInfo("parallel-gripper", 3, "Parallel gripper pick-and-lift",
                "A parallel-jaw gripper hangs on a vertical lift with its open fingers straddling a box that rests"
                        + " on the floor in zone_start. Servos: agent_lift_servo (height), agent_finger_left_servo and"
                        + " agent_finger_right_servo (finger closure). The agent must close the fingers on the box,"
                        + " lift it into zone_goal and hold it there without dropping it, choosing a grip force that"
                        + " holds the box's weight through friction. Learning objective: coordinating several"
                        + " actuators in sequence and reasoning about friction grasps (normal force times friction"
                        + " coefficient versus weight).",
                new ScaleLimits(new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0)));
    }

    @Override
    public Scene build(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double sx = scale.x();
        double sy = scale.y();
        double sz = scale.z();

        double boxHX = rng.uniform(0.025, 0.04) * sx;
        double boxHY = rng.uniform(0.02, 0.035) * sy;
        double boxHZ = rng.uniform(BOX_HALF_HEIGHT - 0.0125, BOX_HALF_HEIGHT + 0.0125) * sz;
        double boxX = rng.uniform(-0.1, 0.1) * sx;
        double boxY = rng.uniform(-0.1, 0.1) * sy;
        double clearance = rng.uniform(FINGER_GAP - 0.15, FINGER_GAP + 0.15) * boxHY + 0.004; // per side, open
        double fingerT = 0.008 * sy;                                // finger half-thickness
        double fingerHX = 0.8 * boxHX;
        double palmHX = Math.max(boxHX, fingerHX) + 0.01;
        double palmHY = boxHY + clearance + 2 * fingerT + 0.01;
        double palmHZ = 0.015 * sz;
        double palmGap = rng.uniform(0.015, 0.03) * sz + 0.005;     // box top to palm underside
        double palmZ = 2 * boxHZ + palmGap + palmHZ;
        double fingerBottom = 0.3 * boxHZ + 0.004;                  // above the floor
        double fingerTop = palmZ - palmHZ + 0.01;                   // 1 cm into the palm (parent and child do not collide)
        double fingerHZ = (fingerTop - fingerBottom) / 2;
        double liftTravel = rng.uniform(LIFT_TRAVEL - 0.04, LIFT_TRAVEL + 0.04) * sz + 0.05;
        double closeTravel = clearance + 0.8 * boxHY;               // leaves 0.4 box half-widths between the fingers
        double palmMass = rng.uniform(0.3, 0.6) * sx * sy;
        double fingerMass = 0.05 * sx * sy;
        double density = rng.uniform(200, 600);
        Servos servos = Servos.sized(palmMass, density * 8 * boxHX * boxHY * boxHZ, boxHY, liftTravel, scale);

        Scene scene = Scene.named("parallel_gripper").timestep(0.002).integrator(Integrator.IMPLICITFAST);
        scene.geom(Geom.plane("floor", 0, 0).material(Material.of("ground", Rgba.of(0.35, 0.35, 0.38))));

        // Gantry (static) above the lift's highest position, and a mast that passes through it without contact.
        Material steel = Material.of("gantry", Rgba.of(0.5, 0.52, 0.56));
        double beamHZ = 0.02 * sz;
        double beamZ = palmZ + palmHZ + liftTravel + 0.04 + beamHZ;
        double postX = palmHX + 0.25 * sx;
        for (int side = -1; side <= 1; side += 2) {
            double top = beamZ + beamHZ;
            scene.geom(Geom.box(side < 0 ? "gantry_post_left" : "gantry_post_right", 0.02, 0.02, top / 2)
                    .at(boxX + side * postX, boxY, top / 2).material(steel));
        }
        scene.geom(Geom.box("gantry_beam", postX + 0.02, 0.02, beamHZ).at(boxX, boxY, beamZ).material(steel));

        Joint lift = Joint.slide("lift").axis(0, 0, 1).range(0, liftTravel).damping(20 * palmMass).armature(0.05);
        double mastTop = beamZ + beamHZ + 0.05 - palmZ;
        Body palm = scene.body("agent_gripper").at(boxX, boxY, palmZ)
                .joint(lift)
                .geom(Geom.box("agent_palm", palmHX, palmHY, palmHZ).mass(palmMass).rgba(Rgba.of(0.25, 0.25, 0.3, 1)))
                .geom(Geom.cylinder("agent_mast", 0.008, (mastTop - palmHZ) / 2).at(0, 0, (mastTop + palmHZ) / 2)
                        .mass(0.02).rgba(Rgba.of(0.7, 0.7, 0.72, 1)).noContacts());

        Material rubber = Material.of("finger_rubber", Rgba.of(0.95, 0.55, 0.15));
        Joint left = Joint.slide("finger_left").axis(0, 1, 0).range(0, closeTravel).damping(servos.fingerDamping()).armature(0.01);
        Joint right = Joint.slide("finger_right").axis(0, -1, 0).range(0, closeTravel).damping(servos.fingerDamping()).armature(0.01);
        double fingerY = boxHY + clearance + fingerT;
        double fingerZ = (fingerTop + fingerBottom) / 2 - palmZ;
        palm.body("agent_finger_left").at(0, -fingerY, 0).joint(left)
                .geom(Geom.box("agent_finger_left", fingerHX, fingerT, fingerHZ).at(0, 0, fingerZ)
                        .mass(fingerMass).friction(1.2).material(rubber));
        palm.body("agent_finger_right").at(0, fingerY, 0).joint(right)
                .geom(Geom.box("agent_finger_right", fingerHX, fingerT, fingerHZ).at(0, 0, fingerZ)
                        .mass(fingerMass).friction(1.2).material(rubber));
        palm.site(Site.sphere("agent_grasp_center", 0.006).at(0, 0, boxHZ - palmZ));

        scene.actuator(Actuator.position("agent_lift_servo", lift, servos.liftKp()).ctrlRange(0, liftTravel)
                .forceRange(-servos.liftForce(), servos.liftForce()));
        scene.actuator(Actuator.position("agent_finger_left_servo", left, servos.fingerKp()).ctrlRange(0, closeTravel)
                .forceRange(-servos.fingerForce(), servos.fingerForce()));
        scene.actuator(Actuator.position("agent_finger_right_servo", right, servos.fingerKp()).ctrlRange(0, closeTravel)
                .forceRange(-servos.fingerForce(), servos.fingerForce()));

        scene.body("box").at(boxX, boxY, boxHZ + 0.0005)
                .joint(Joint.free("box_free"))
                .geom(Geom.box("box", boxHX, boxHY, boxHZ).density(density).friction(1.0).rgba(Rgba.BLUE));

        scene.zone(Zone.START, Vec3.of(boxX, boxY, boxHZ), Vec3.of(boxHX * 1.3, boxHY * 1.3, boxHZ * 1.2));
        // the goal's floor lies 0.4 of the travel above the resting box's centre, however tall the box: a box must be
        // lifted clear to count, and a tall box on a short lift does not start inside it
        scene.zone(Zone.GOAL, Vec3.of(boxX, boxY, boxHZ + 0.8 * liftTravel),
                Vec3.of(boxHX * 1.5, boxHY * 1.5, Math.min(boxHZ * 1.5, 0.4 * liftTravel)));
        scene.zone(Zone.FORBID, Vec3.of(boxX, boxY + palmHY + 0.1 * sy, 0.005), Vec3.of(palmHX, 0.06 * sy, 0.005));
        return scene;
    }

    // ---- the task: grip the box, lift it into zone_goal and hold it there ----

    static final double HOLD = 0.5;
    static final double TIME_LIMIT = 4.0;

    /**
     * The travels the task needs, and the weight the lift servo carries, drawn as {@link #build} draws them (the same
     * generator, the same order).
     */
    private record Travel(double close, double lift, double liftKp, double carriedWeight) {}

    /**
     * The servos, sized for the box they must carry: the fingers squeeze with 2.5 times the box's weight each (so
     * friction, at a coefficient of at least 1, holds it twice over) and at least 3 N per side when fully closed on it;
     * the lift carries palm, fingers and box with its force range at twice their weight, and sags under them by at
     * most 5 % of its travel. The fingers' damping holds their closing speed under 0.25 m/s whatever their force: a
     * stiff finger slamming shut on a small box passes through it within a step or two instead of gripping it.
     */
    private record Servos(double liftKp, double liftForce, double fingerKp, double fingerForce) {
        double fingerDamping() {
            return Math.max(2, fingerForce / 0.25);
        }

        static Servos sized(double palmMass, double boxMass, double boxHY, double liftTravel, Scale scale) {
            double carried = 9.81 * (palmMass + 0.02 + 2 * 0.05 * scale.x() * scale.y() + boxMass);
            double grip = Math.max(3, 2.5 * 9.81 * boxMass);
            double fingerKp = Math.max(150, grip / (0.8 * boxHY));
            return new Servos(Math.max(800 * palmMass, carried / (0.05 * liftTravel)), Math.max(60 * palmMass, 2 * carried),
                    fingerKp, Math.max(15, 1.2 * grip));
        }
    }

    private static Travel travel(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double boxHX = rng.uniform(0.025, 0.04) * scale.x();
        double boxHY = rng.uniform(0.02, 0.035) * scale.y();
        double boxHZ = rng.uniform(BOX_HALF_HEIGHT - 0.0125, BOX_HALF_HEIGHT + 0.0125) * scale.z();
        rng.uniform(0, 1);                                          // boxX
        rng.uniform(0, 1);                                          // boxY
        double clearance = rng.uniform(FINGER_GAP - 0.15, FINGER_GAP + 0.15) * boxHY + 0.004;
        rng.uniform(0, 1);                                          // palmGap
        double lift = rng.uniform(LIFT_TRAVEL - 0.04, LIFT_TRAVEL + 0.04) * scale.z() + 0.05;
        double palmMass = rng.uniform(0.3, 0.6) * scale.x() * scale.y();
        double boxMass = rng.uniform(200, 600) * 8 * boxHX * boxHY * boxHZ;
        double carried = 9.81 * (palmMass + 0.02 + 2 * 0.05 * scale.x() * scale.y() + boxMass);
        return new Travel(clearance + 0.8 * boxHY, lift, Servos.sized(palmMass, boxMass, boxHY, lift, scale).liftKp(), carried);
    }

    @Override
    public Optional<Task> task(long seed, Scale scale) {
        Travel t = travel(seed, scale);
        return Optional.of(Task.reach(Task.Subject.body("box"), "zone_goal").hold(HOLD).within(TIME_LIMIT)
                .avoiding("zone_forbid")
                .control(new Control.Actuator("agent_lift_servo", 0, t.lift()),
                        new Control.Actuator("agent_finger_left_servo", 0, t.close()),
                        new Control.Actuator("agent_finger_right_servo", 0, t.close())));
    }

    /** Close both fingers fully (they stop on the box and squeeze it), then raise the lift gently to 80 % of its travel. */
    @Override
    public Optional<Solution> reference(long seed, Scale scale) {
        Travel t = travel(seed, scale);
        Solution.Builder b = Solution.builder()
                .set(0, "agent_finger_left_servo", t.close()).set(0, "agent_finger_right_servo", t.close());
        // raised in 20 steps over a second: a jump would accelerate the box faster than friction can carry it
        // and aimed higher by the servo's sag under the load it carries (weight over kp), capped by its range
        double top = Math.min(t.lift(), 0.8 * t.lift() + t.carriedWeight() / t.liftKp());
        for (int k = 1; k <= 20; k++) b.set(0.6 + 0.05 * k, "agent_lift_servo", top * k / 20);
        return Optional.of(b.build());
    }

    /** Lifting before gripping: the fingers close only once the box is out of reach. */
    @Override
    public Optional<Solution> wrong(long seed, Scale scale) {
        Travel t = travel(seed, scale);
        return Optional.of(Solution.builder().set(0, "agent_lift_servo", 0.8 * t.lift())
                .set(1.0, "agent_finger_left_servo", t.close()).set(1.0, "agent_finger_right_servo", t.close()).build());
    }

    @Override
    public String toString() {
        return info().id();
    }
}
