import dev.scenarist.packs.mechanisms.scene.*;
import java.util.*;

/**
 * Tier 3 (actuated multi-body): a roller conveyor. A row of rollers, each a body on a hinge about y driven by its own
 * velocity servo, sits between two side rails on legs; a parcel rests across the first rollers.
 *
 * <p>Stability: every velocity servo's target (control 0) is standing still, so at rest the rollers act as brakes;
 * the parcel is at least 2.6 roller pitches long, so it always lies across two or more rollers, and it is placed
 * 0.5 mm above their tops. The rollers' rounded ends keep 5 mm from the rails. The integrator is implicitfast, which
 * treats the velocity servos' damping implicitly.
 */
public class RollerConveyorTemplate implements Template {
    // scenarist:begin design
    /** Number of rollers (seed: 2 fewer to 2 more). */
    static final double ROLLER_COUNT = 9.0;
    /** Roller pitch, axle to axle, metres at unit x scale (seed: +-0.01 around it). */
    static final double ROLLER_PITCH = 0.08;
    /** Half the length of a roller's straight part (the conveyor's width), metres at unit y scale (seed: +-0.025). */
    static final double ROLLER_HALF_LENGTH = 0.175;
    // scenarist:end design

    public RollerConveyorTemplate() {}

    @Override
    public TemplateInfo info() {
        return new TemplateInfo("roller-conveyor", 3, "Roller conveyor",
                "A parcel rests in zone_start across the first rollers of a powered roller conveyor; each roller has"
                        + " its own velocity servo (agent_roller_<i>_drive). The agent must drive the rollers so the"
                        + " parcel travels to zone_goal at the far end and stops there, without letting it run off the"
                        + " end into zone_forbid. Learning objective: converting roller angular velocity into surface"
                        + " speed (v = omega r), sequencing many actuators, and braking a load on time using"
                        + " friction.",
                new ScaleLimits(new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0)));
    }

    @Override
    public Scene build(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double sx = scale.x();
        double sy = scale.y();
        double sz = scale.z();

        int rollers = (int) Math.round(ROLLER_COUNT);
        int count = rng.integer(rollers - 2, rollers + 2);
        double pitch = rng.uniform(ROLLER_PITCH - 0.01, ROLLER_PITCH + 0.01) * sx;
        double rollerR = Math.min(0.025 * Math.min(sx, sz), 0.4 * pitch);
        double rollerHalf = rng.uniform(ROLLER_HALF_LENGTH - 0.025, ROLLER_HALF_LENGTH + 0.025) * sy; // along y
        double axleZ = rng.uniform(0.15, 0.25) * sz + rollerR;
        double railT = 0.01;
        double railY = rollerHalf + rollerR + 0.005 + railT;       // rail centre
        double railHZ = rollerR + 0.01;
        double length = (count - 1) * pitch;
        double x0 = -length / 2;

        Scene scene = Scene.named("roller_conveyor").timestep(0.002).integrator(Integrator.IMPLICITFAST);
        scene.geom(Geom.plane("floor", 0, 0).material(Material.of("ground", Rgba.of(0.35, 0.35, 0.38))));

        Material frame = Material.of("conveyor_frame", Rgba.of(0.3, 0.45, 0.65));
        double railHX = length / 2 + pitch;
        for (int side = -1; side <= 1; side += 2) {
            String s = side < 0 ? "right" : "left";
            scene.geom(Geom.box("rail_" + s, railHX, railT, railHZ).at(0, side * railY, axleZ).material(frame));
            double legHZ = (axleZ - railHZ) / 2;
            for (int end = -1; end <= 1; end += 2) {
                scene.geom(Geom.box("leg_" + s + (end < 0 ? "_in" : "_out"), 0.015, railT, legHZ)
                        .at(end * (railHX - 0.015), side * railY, legHZ).material(frame));
            }
            // The axles' bearings: drawn on the rails, not colliding.
            for (int i = 0; i < count; i++) {
                scene.geom(Geom.cylinder("bearing_" + s + "_" + i, 0.4 * rollerR, railT * 1.2)
                        .at(x0 + i * pitch, side * railY, axleZ)
                        .oriented(Quat.axisAngle(Vec3.X, Math.PI / 2)).rgba(Rgba.of(0.8, 0.8, 0.82, 1)).noContacts());
            }
        }

        Material steel = Material.of("roller_steel", Rgba.of(0.7, 0.72, 0.75));
        double kv = rng.uniform(0.5, 1.5) * sx * sy;
        for (int i = 0; i < count; i++) {
            Joint hinge = Joint.hinge("roller_" + i + "_hinge").axis(0, 1, 0).damping(0.005).armature(0.005);
            scene.body("roller_" + i).at(x0 + i * pitch, 0, axleZ)
                    .joint(hinge)
                    .geom(Geom.capsule("roller_" + i, rollerR, Vec3.of(0, -rollerHalf, 0), Vec3.of(0, rollerHalf, 0))
                            .density(1500).friction(0.9).material(steel));
            scene.actuator(Actuator.velocity("agent_roller_" + i + "_drive", hinge, kv).ctrlRange(-30, 30)
                    .forceRange(-5 * sx * sy, 5 * sx * sy));
        }

        // The parcel: across the first rollers, 0.5 mm above their tops, narrower than the rollers.
        double parcelHX = rng.uniform(1.3, 1.6) * pitch;
        double parcelHY = rng.uniform(0.5, 0.8) * rollerHalf;
        double parcelHZ = rng.uniform(0.03, 0.06) * sz;
        double parcelX = x0 + parcelHX + rng.uniform(0, 0.3) * pitch;
        double parcelY = rng.uniform(-1, 1) * (rollerHalf - parcelHY) * 0.5;
        double top = axleZ + rollerR;
        scene.body("parcel").at(parcelX, parcelY, top + parcelHZ + 0.0005)
                .joint(Joint.free("parcel_free"))
                .geom(Geom.box("parcel", parcelHX, parcelHY, parcelHZ).density(rng.uniform(100, 400)).friction(0.9)
                        .rgba(Rgba.of(0.75, 0.6, 0.4, 1)));

        scene.zone(Zone.START, Vec3.of(parcelX, parcelY, top + parcelHZ),
                Vec3.of(parcelHX * 1.1, parcelHY * 1.2, parcelHZ * 1.2));
        double goalX = x0 + length - parcelHX - 0.5 * pitch;
        scene.zone(Zone.GOAL, Vec3.of(goalX, 0, top + parcelHZ), Vec3.of(parcelHX * 1.3, rollerHalf, parcelHZ * 1.3));
        scene.zone(Zone.FORBID, Vec3.of(railHX + 0.1 * sx, 0, 0.005), Vec3.of(0.08 * sx, railY, 0.005));
        return scene;
    }

    // ---- the task: convey the parcel into zone_goal and stop it there ----

    static final double HOLD = 0.5;
    /** The shortest time limit; a long conveyor gets the time its travel takes at the reference's speed, plus slack. */
    static final double TIME_LIMIT = 6.0;

    /** The draws the task needs, in {@link #build}'s order. */
    private record Layout(int count, double rollerR, double parcelX, double goalX) {
        /** A surface speed slow enough that starting and braking (about mu g) shift the parcel by millimetres. */
        double speed(Scale scale) {
            return Math.min(0.25 * scale.x(), 25 * rollerR);
        }

        /**
         * The time limit: grows with the travel, so a long conveyor (many rollers at a wide pitch) is not unsolvable
         * at the careful speed: the travel's time at {@link #speed}, the hold, and 2 s for starting and braking.
         */
        double timeLimit(Scale scale) {
            return Math.max(TIME_LIMIT, Math.ceil((goalX - parcelX) / speed(scale) + HOLD + 2));
        }
    }

    private static Layout layout(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double sx = scale.x(), sz = scale.z();
        int rollers = (int) Math.round(ROLLER_COUNT);
        int count = rng.integer(rollers - 2, rollers + 2);
        double pitch = rng.uniform(ROLLER_PITCH - 0.01, ROLLER_PITCH + 0.01) * sx;
        double rollerR = Math.min(0.025 * Math.min(sx, sz), 0.4 * pitch);
        rng.uniform(0, 1);                                             // roller half length
        rng.uniform(0, 1);                                             // axle height
        rng.uniform(0, 1);                                             // kv
        double parcelHX = rng.uniform(1.3, 1.6) * pitch;
        rng.uniform(0, 1);                                             // parcel half width
        rng.uniform(0, 1);                                             // parcel half height
        double length = (count - 1) * pitch;
        double x0 = -length / 2;
        double parcelX = x0 + parcelHX + rng.uniform(0, 0.3) * pitch;
        return new Layout(count, rollerR, parcelX, x0 + length - parcelHX - 0.5 * pitch);
    }

    @Override
    public Optional<Task> task(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        Control[] drives = new Control[l.count()];
        for (int i = 0; i < l.count(); i++) drives[i] = new Control.Actuator("agent_roller_" + i + "_drive", -30, 30);
        return Optional.of(Task.reach(Task.Subject.body("parcel"), "zone_goal").hold(HOLD).within(l.timeLimit(scale))
                .avoiding("zone_forbid").control(drives));
    }

    /** Every roller at one surface speed (v = omega r) for the time the distance takes, then all at 0 to brake. */
    @Override
    public Optional<Solution> reference(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        double v = l.speed(scale);
        double stop = (l.goalX() - l.parcelX()) / v;
        return Optional.of(drive(l, v / l.rollerR(), stop));
    }

    /** The surface speed taken for the roller rate (v = omega r forgotten): the parcel creeps and never arrives. */
    @Override
    public Optional<Solution> wrong(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        double v = l.speed(scale);
        return Optional.of(drive(l, v, (l.goalX() - l.parcelX()) / v));
    }

    private static Solution drive(Layout l, double omega, double stop) {
        Solution.Builder b = Solution.builder();
        for (int i = 0; i < l.count(); i++) {
            // the rollers turn about +y: omega x (0, 0, r) = (omega r, 0, 0), a positive rate moves their tops towards +x
            b.set(0, "agent_roller_" + i + "_drive", omega);
            b.set(stop, "agent_roller_" + i + "_drive", 0);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return info().id();
    }
}
