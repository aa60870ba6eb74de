import dev.scenarist.packs.mechanisms.scene.*;
import java.util.*;

/**
 * Tier 2 (kinematic): a carriage on a damped slide joint in a U-shaped rail, which may be tilted by a few degrees
 * so the carriage creeps downhill; the joint's range stops it short of the rail's end blocks.
 *
 * <p>The rail is a static body (no joint) turned by the tilt, and the carriage its child, so the slide axis is the
 * rail's own x axis whatever the tilt. The slide carries the carriage's weight: it floats 2 mm above the rail's
 * floor and 3 mm from each wall, and never touches them. With damping c the downhill speed is at most
 * m g sin(tilt) / c, a few centimetres per second.
 */
public class RailSliderTemplate implements Template {
    // scenarist:begin design
    /** Half the rail's length, metres at unit x scale (seed: +-0.1 around it). */
    static final double RAIL_HALF_LENGTH = 0.55;
    /** Mean tilt of the rail, degrees, +x end up (seed: from level to twice it). */
    static final double TILT_DEG = 3.0;
    /** Slide damping per kilogram of carriage, N s/m/kg (seed: +-3 around it). */
    static final double DAMPING_PER_KG = 7.0;
    // scenarist:end design

    private static final double G = 9.81;

    public RailSliderTemplate() {}

    @Override
    public TemplateInfo info() {
        return new TemplateInfo("rail-slider", 2, "Carriage on a rail",
                "A carriage rides on a damped prismatic joint in a slightly tilted rail and starts near the low end."
                        + " The agent must move it along the rail into zone_goal near the high end (pushing at site"
                        + " agent_push) and make it stay there, e.g. by designing a detent or stop inside the rail"
                        + " that does not block the travel before it, without anything entering zone_forbid beyond"
                        + " the high end. Learning objective: a prismatic joint constrains motion to one axis; the"
                        + " force needed is the downhill weight component plus damping times speed.",
                new ScaleLimits(new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0)));
    }

    /** Every dimension a variant draws, shared by the scene, its task and its solutions. */
    private record Layout(double railHalf, double railHalfWidth, double wallT, double baseT, double wallH, double endT,
                          double tilt, double carHalfX, double carHalfY, double carHalfZ, double carMass, double damping,
                          Rng rng) {
        double sin() { return StrictMath.sin(tilt); }
        double cos() { return StrictMath.cos(tilt); }
        double railZ() { return railHalf * sin() + 2 * baseT * cos() + 0.002; }
        /** The carriage centre's travel: within +-reach of the rail's middle, 5 mm short of the end blocks. */
        double reach() { return railHalf - 2 * endT - carHalfX - 0.005; }
        double goalU() { return reach() - 0.15 * reach(); }
    }

    private static Layout layout(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double sx = scale.x();
        double sy = scale.y();
        double sz = scale.z();

        double railHalf = rng.uniform(RAIL_HALF_LENGTH - 0.1, RAIL_HALF_LENGTH + 0.1) * sx; // half-length, along x
        double railHalfWidth = rng.uniform(0.05, 0.07) * sy; // half the outer width
        double wallT = 0.008 * sy;                           // half-thickness of a side wall
        double baseT = 0.01 * sz;                            // half-thickness of the rail floor
        double wallH = rng.uniform(0.025, 0.04) * sz;        // half-height of the walls
        double endT = 0.01 * sx;                             // half-thickness of an end block
        double tilt = Math.toRadians(rng.uniform(0, 2 * TILT_DEG)); // the +x end is higher
        double carHalfX = rng.uniform(0.05, 0.08) * sx;
        double carHalfY = railHalfWidth - 2 * wallT - 0.003;
        double carHalfZ = rng.uniform(0.6, 0.9) * wallH;
        double carMass = rng.uniform(0.3, 1.0) * sx * sy * sz;
        double damping = carMass * rng.uniform(DAMPING_PER_KG - 3, DAMPING_PER_KG + 3);
        return new Layout(railHalf, railHalfWidth, wallT, baseT, wallH, endT, tilt, carHalfX, carHalfY, carHalfZ, carMass,
                damping, rng);
    }

    @Override
    public Scene build(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        Rng rng = l.rng();
        double sx = scale.x();
        double railHalf = l.railHalf(), railHalfWidth = l.railHalfWidth(), wallT = l.wallT(), baseT = l.baseT();
        double wallH = l.wallH(), endT = l.endT(), tilt = l.tilt(), carHalfX = l.carHalfX(), carHalfY = l.carHalfY();
        double carHalfZ = l.carHalfZ(), carMass = l.carMass(), damping = l.damping();

        Scene scene = Scene.named("rail_slider").timestep(0.002);
        scene.geom(Geom.plane("floor", 0, 0).material(Material.of("ground", Rgba.of(0.35, 0.35, 0.38))));

        // Rail frame: origin at the middle of the rail floor's top face. The low end's underside rests on the floor.
        double sin = StrictMath.sin(tilt);
        double cos = StrictMath.cos(tilt);
        double railZ = railHalf * sin + 2 * baseT * cos + 0.002;
        Material steel = Material.of("rail_steel", Rgba.of(0.55, 0.57, 0.6));
        Body rail = scene.body("rail").at(0, 0, railZ).oriented(Quat.axisAngle(Vec3.Y, -tilt))
                .geom(Geom.box("rail_floor", railHalf, railHalfWidth, baseT).at(0, 0, -baseT).material(steel))
                .geom(Geom.box("rail_wall_left", railHalf, wallT, wallH).at(0, railHalfWidth - wallT, wallH).material(steel))
                .geom(Geom.box("rail_wall_right", railHalf, wallT, wallH).at(0, -railHalfWidth + wallT, wallH).material(steel))
                .geom(Geom.box("rail_end_low", endT, railHalfWidth - 2 * wallT, wallH).at(-railHalf + endT, 0, wallH)
                        .material(steel))
                .geom(Geom.box("rail_end_high", endT, railHalfWidth - 2 * wallT, wallH).at(railHalf - endT, 0, wallH)
                        .material(steel));
        // A pier under the high end, from the floor to just under the rail's underside where that is lowest (at the
        // pier's low edge): flat-topped under a tilted rail, it would otherwise reach up through the rail floor.
        double highBottom = railZ + (railHalf - 0.08 * sx) * sin - 2 * baseT * cos - 0.001;
        if (highBottom > 0.004) {
            scene.geom(Geom.box("rail_pier", 0.03 * sx, railHalfWidth, highBottom / 2)
                    .at((railHalf - 0.05 * sx) * cos, 0, highBottom / 2).material(steel));
        }

        // The carriage's centre travels within +-reach of the rail's middle, 5 mm short of the end blocks.
        double reach = l.reach();
        double start = start(l);
        Joint slide = Joint.slide("carriage_slide").axis(1, 0, 0).range(-reach - start, reach - start)
                .damping(damping).armature(0.01);
        rail.body("carriage").at(start, 0, 0.002 + carHalfZ)
                .joint(slide)
                .geom(Geom.box("carriage_block", carHalfX, carHalfY, carHalfZ).mass(carMass).rgba(Rgba.BLUE))
                .site(Site.sphere("agent_push", 0.01).at(-carHalfX - 0.01, 0, 0).rgba(Rgba.GREEN));

        // Zones in world coordinates: the rail frame turns x by -tilt about y, lifting +x.
        double goalU = l.goalU();
        Vec3 zoneHalf = Vec3.of(carHalfX * 1.3, carHalfY * 1.3, carHalfZ * 1.5);
        scene.zone(Zone.START, railPoint(start, carHalfZ + 0.002, railZ, cos, sin), zoneHalf);
        scene.zone(Zone.GOAL, railPoint(goalU, carHalfZ + 0.002, railZ, cos, sin), zoneHalf);
        scene.zone(Zone.FORBID, Vec3.of((railHalf + 0.08 * sx) * cos, 0, 0.01), Vec3.of(0.05 * sx, railHalfWidth * 2, 0.01));
        // Where a stop or detent may go: inside the rail, from the goal's near edge to the high end block.
        double buildFrom = goalU - carHalfX;
        double buildTo = railHalf - 2 * endT;
        double inner = railHalfWidth - 2 * wallT;
        Vec3 lo = railPoint(buildFrom, 2 * wallH, railZ, cos, sin);
        Vec3 hi = railPoint(buildTo, 0, railZ, cos, sin);
        Vec3 far = railPoint(buildTo, 2 * wallH, railZ, cos, sin);
        Vec3 near = railPoint(buildFrom, 0, railZ, cos, sin);
        double x0 = Math.min(lo.x(), near.x()), x1 = Math.max(hi.x(), far.x());
        double z0 = Math.min(near.z(), hi.z()), z1 = Math.max(lo.z(), far.z());
        scene.zone(Zone.BUILD, Vec3.of((x0 + x1) / 2, 0, (z0 + z1) / 2), Vec3.of((x1 - x0) / 2, inner, (z1 - z0) / 2));
        return scene;
    }

    // ---- the task: push the carriage along the rail until it holds inside zone_goal ----

    static final double HOLD = 0.5;
    static final double TIME_LIMIT = 5.0;

    /** Where the carriage starts along the rail (the layout's generator is past every draw the scene makes first). */
    private static double start(Layout l) {
        return -l.reach() + l.rng().uniform(0.05, 0.2) * l.reach();
    }

    private static Vec3 along(Layout l) {
        return Vec3.of(l.cos(), 0, l.sin());
    }

    /** Enough to hold the carriage against its weight and drive it at about 1.5 m/s against the damping. */
    private static double maxForce(Layout l) {
        return l.carMass() * 9.81 * l.sin() + 1.5 * l.damping() + 2 * l.carMass();
    }

    @Override
    public Optional<Task> task(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        return Optional.of(Task.reach(Task.Subject.body("carriage"), "zone_goal").hold(HOLD).within(TIME_LIMIT)
                .avoiding("zone_forbid")
                .design(Design.inside("zone_build").parts(2))
                .control(Control.Push.atSite("agent_push", "carriage", "agent_push", along(l), -maxForce(l), maxForce(l))));
    }

    /**
     * A stop inside the rail, welded to it, whose face meets the carriage with its centre on the goal's; then a
     * steady push, open loop, that drives the carriage up at about 0.45 m/s (times the x scale) against the damping and keeps it pressed
     * against the stop. No feedback is needed: the stop decides where the carriage ends.
     */
    @Override
    public Optional<Solution> reference(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        double push = l.carMass() * 9.81 * l.sin() + 0.45 * scale.x() * l.damping();
        return Optional.of(Solution.builder().part(stop(l)).set(0, "agent_push", push).build());
    }

    /** The stop: a steel block on the rail floor (0.5 mm above it), across the rail between the walls. */
    private static DesignedPart stop(Layout l) {
        double half = 0.01 * l.carHalfX() / 0.05;
        double hz = 0.8 * l.carHalfZ();
        double u = l.goalU() + l.carHalfX() + half;
        double inner = l.railHalfWidth() - 2 * l.wallT();
        return DesignedPart.box("stop", Vec3.of(half, inner - 0.002, hz))
                .at(railPoint(u, 0.0005 + hz, l.railZ(), l.cos(), l.sin())).oriented(Quat.axisAngle(Vec3.Y, -l.tilt()))
                .density(7800).weldedTo("rail");
    }

    /** A steady push that only balances the weight's downhill component: the carriage never gets going. */
    @Override
    public Optional<Solution> wrong(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        return Optional.of(Solution.builder().set(0, "agent_push", l.carMass() * 9.81 * l.sin()).build());
    }

    /** A point at {@code u} along the rail and {@code h} above its floor, in world coordinates. */
    private static Vec3 railPoint(double u, double h, double railZ, double cos, double sin) {
        return Vec3.of(u * cos - h * sin, 0, railZ + u * sin + h * cos);
    }

    @Override
    public String toString() {
        return info().id();
    }
}
