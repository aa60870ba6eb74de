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

    @Override
    public Scene build(long seed, Scale scale) {
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
        // A pier under the high end, from the floor to the rail's underside.
        double highBottom = railZ + railHalf * sin - 2 * baseT * cos;
        if (highBottom > 0.004) {
            scene.geom(Geom.box("rail_pier", 0.03 * sx, railHalfWidth, highBottom / 2)
                    .at((railHalf - 0.05 * sx) * cos, 0, highBottom / 2).material(steel));
        }

        // The carriage's centre travels within +-reach of the rail's middle, 5 mm short of the end blocks.
        double reach = railHalf - 2 * endT - carHalfX - 0.005;
        double start = -reach + rng.uniform(0.05, 0.2) * reach;
        Joint slide = Joint.slide("carriage_slide").axis(1, 0, 0).range(-reach - start, reach - start)
                .damping(damping).armature(0.01);
        rail.body("carriage").at(start, 0, 0.002 + carHalfZ)
                .joint(slide)
                .geom(Geom.box("carriage_block", carHalfX, carHalfY, carHalfZ).mass(carMass).rgba(Rgba.BLUE))
                .site(Site.sphere("agent_push", 0.01).at(-carHalfX - 0.01, 0, 0).rgba(Rgba.GREEN));

        // Zones in world coordinates: the rail frame turns x by -tilt about y, lifting +x.
        double goalU = reach - 0.15 * reach;
        Vec3 zoneHalf = Vec3.of(carHalfX * 1.3, carHalfY * 1.3, carHalfZ * 1.5);
        scene.zone(Zone.START, railPoint(start, carHalfZ + 0.002, railZ, cos, sin), zoneHalf);
        scene.zone(Zone.GOAL, railPoint(goalU, carHalfZ + 0.002, railZ, cos, sin), zoneHalf);
        scene.zone(Zone.FORBID, Vec3.of((railHalf + 0.08 * sx) * cos, 0, 0.01), Vec3.of(0.05 * sx, railHalfWidth * 2, 0.01));
        return scene;
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
