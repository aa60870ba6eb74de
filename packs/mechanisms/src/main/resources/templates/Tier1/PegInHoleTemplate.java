import dev.scenarist.packs.mechanisms.scene.*;
import java.util.*;

/**
 * Tier 1 (static spatial): peg-in-hole. A block with a round bore lies on the floor; a loose cylindrical peg stands
 * upright on the floor beside it, in the start zone. The goal zone fills the bore.
 *
 * <p>Collision note: MuJoCo collides a mesh as its convex hull, which would fill the bore. So the block with the hole
 * ({@link Meshes#boxWithHole}) is drawn but does not collide; its collision shape is eight boxes that frame an
 * octagonal opening whose inscribed circle is exactly the drawn bore. Static geoms never collide with each other, so
 * the boxes may overlap freely.
 */
public class PegInHoleTemplate implements Template {
    // scenarist:begin design
    /** Bore radius, metres at unit scale (seed: 0.8 to 1.2 times it). */
    static final double HOLE_RADIUS = 0.0375;
    /** Radial clearance as a fraction of the bore radius (seed: half to one and a half times it). */
    static final double CLEARANCE = 0.12;
    /** Half the peg's height, metres at unit z scale (seed: +-0.0125 around it). */
    static final double PEG_HALF_HEIGHT = 0.0575;
    // scenarist:end design

    private static final double TAN_22_5 = StrictMath.tan(Math.PI / 8);

    public PegInHoleTemplate() {}

    @Override
    public TemplateInfo info() {
        return new TemplateInfo("peg-in-hole", 1, "Peg in hole",
                "A cylindrical peg stands upright in the start zone beside a block with a round bore whose radius is"
                        + " only slightly larger than the peg's. The agent must move the peg from zone_start and"
                        + " insert it fully into the bore (zone_goal), approaching from the front (zone_forbid,"
                        + " behind the block, is off limits) and aligning the peg's axis with the bore before"
                        + " descending. Learning objective:"
                        + " reason about clearances and alignment in 3-D, read the hole position and radius from the"
                        + " scene and check that a part of given radius fits a hole of given radius.",
                new ScaleLimits(new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0)));
    }

    @Override
    public Scene build(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double sx = scale.x();
        double sy = scale.y();
        double sz = scale.z();
        double sxy = Math.min(sx, sy);

        double holeR = HOLE_RADIUS * rng.uniform(0.8, 1.2) * sxy;
        double clearance = CLEARANCE * rng.uniform(0.5, 1.5);
        double pegR = holeR * (1 - clearance);
        double hx = rng.uniform(0.11, 0.15) * sx;
        double hy = rng.uniform(0.11, 0.15) * sy;
        double hz = rng.uniform(0.025, 0.04) * sz;
        // The hole may sit off-centre, but its octagonal collision frame (reaching 1.3 r) must stay in the block.
        double cx = rng.uniform(-1, 1) * 0.4 * (hx - 1.6 * holeR);
        double cy = rng.uniform(-1, 1) * 0.4 * (hy - 1.6 * holeR);
        double bx = rng.uniform(0.2, 0.3) * sx;
        double by = rng.uniform(-0.08, 0.08) * sy;
        double pegHalf = rng.uniform(PEG_HALF_HEIGHT - 0.0125, PEG_HALF_HEIGHT + 0.0125) * sz;
        double side = rng.chance(0.5) ? -1 : 1;
        double px = bx - hx - rng.uniform(0.08, 0.14) * sx - pegR;
        double py = by + side * rng.uniform(0.0, 0.12) * sy;
        hz = blockHalfHeight(hz, pegHalf);

        Scene scene = Scene.named("peg_in_hole").timestep(0.002);
        scene.geom(Geom.plane("floor", 0, 0).material(Material.of("ground", Rgba.of(0.35, 0.35, 0.38))));

        Material steel = Material.of("block_steel", Rgba.of(0.55, 0.58, 0.62));
        Mesh plate = Mesh.of("bored_block", Meshes.boxWithHole(hx, hy, hz, Vec2.of(cx, cy), holeR, 48));
        scene.geom(Geom.mesh("bored_block", plate).at(bx, by, hz).material(steel).noContacts());

        // Collision frame: four boxes around a square opening of half-side r, four diagonal fillers cutting its
        // corners, so the opening is the octagon circumscribing the drawn circle.
        Rgba hidden = Rgba.of(0.55, 0.58, 0.62, 0);
        double hxL = ((cx - holeR) + hx) / 2;
        double hxR = (hx - (cx + holeR)) / 2;
        scene.geom(Geom.box("block_collider_left", hxL, hy, hz).at(bx - hx + hxL, by, hz).rgba(hidden).group(3));
        scene.geom(Geom.box("block_collider_right", hxR, hy, hz).at(bx + hx - hxR, by, hz).rgba(hidden).group(3));
        double hyB = ((cy - holeR) + hy) / 2;
        double hyT = (hy - (cy + holeR)) / 2;
        scene.geom(Geom.box("block_collider_front", holeR, hyB, hz).at(bx + cx, by - hy + hyB, hz).rgba(hidden).group(3));
        scene.geom(Geom.box("block_collider_back", holeR, hyT, hz).at(bx + cx, by + hy - hyT, hz).rgba(hidden).group(3));
        double depth = holeR * (Math.sqrt(2) - 1);
        for (int k = 0; k < 4; k++) {
            double a = Math.PI / 4 + k * Math.PI / 2;
            double d = holeR + depth / 2;
            scene.geom(Geom.box("block_collider_corner_" + k, depth / 2, holeR * TAN_22_5, hz)
                    .at(bx + cx + d * StrictMath.cos(a), by + cy + d * StrictMath.sin(a), hz)
                    .oriented(Quat.axisAngle(Vec3.Z, a)).rgba(hidden).group(3));
        }

        // The peg stands on the floor, well clear of the block, 0.5 mm above the floor so it settles onto it.
        scene.body("agent_peg").at(px, py, pegHalf + 0.0005)
                .joint(Joint.free("agent_peg_free"))
                .geom(Geom.cylinder("agent_peg", pegR, pegHalf).density(rng.uniform(700, 1200))
                        .friction(0.6).rgba(Rgba.BLUE))
                .site(Site.sphere("agent_peg_tip", 0.3 * pegR).at(0, 0, -pegHalf + 0.005).rgba(Rgba.GREEN));

        scene.zone(Zone.START, Vec3.of(px, py, pegHalf), Vec3.of(pegR + 0.02 * sxy, pegR + 0.02 * sxy, pegHalf));
        scene.zone(Zone.GOAL, Vec3.of(bx + cx, by + cy, hz), Vec3.of(holeR * 0.7, holeR * 0.7, hz));
        // The region behind the block is off limits: the peg approaches from its own side.
        scene.zone(Zone.FORBID, Vec3.of(bx + hx + 0.06 * sx, by, 0.01), Vec3.of(0.05 * sx, hy, 0.01));
        return scene;
    }

    // ---- the task: the peg's tip (its bottom) inside the bore, i.e. the peg fully inserted ----

    static final double HOLD = 0.5;
    static final double TIME_LIMIT = 5.0;
    private static final double G = 9.81;

    /**
     * The block's half height: as drawn, but at least 0.6 of the peg's half height, so the block's top edge stands
     * above the peg's centre. A tall peg shoved against a low block tipped over its edge and dropped into the bore:
     * sliding the peg along the floor at the bore then passed.
     */
    private static double blockHalfHeight(double drawn, double pegHalf) {
        return Math.max(drawn, 0.6 * pegHalf);
    }

    /** The draws the task needs, in {@link #build}'s order. */
    private record Layout(Vec3 peg, double pegHalf, double pegMass, Vec3 hole, double blockTop) {}

    private static Layout layout(long seed, Scale scale) {
        Rng rng = new Rng(seed);
        double sx = scale.x(), sy = scale.y(), sz = scale.z();
        double holeR = HOLE_RADIUS * rng.uniform(0.8, 1.2) * Math.min(sx, sy);
        double pegR = holeR * (1 - CLEARANCE * rng.uniform(0.5, 1.5));
        double hx = rng.uniform(0.11, 0.15) * sx;
        double hy = rng.uniform(0.11, 0.15) * sy;
        double hz = rng.uniform(0.025, 0.04) * sz;
        double cx = rng.uniform(-1, 1) * 0.4 * (hx - 1.6 * holeR);
        double cy = rng.uniform(-1, 1) * 0.4 * (hy - 1.6 * holeR);
        double bx = rng.uniform(0.2, 0.3) * sx;
        double by = rng.uniform(-0.08, 0.08) * sy;
        double pegHalf = rng.uniform(PEG_HALF_HEIGHT - 0.0125, PEG_HALF_HEIGHT + 0.0125) * sz;
        double side = rng.chance(0.5) ? -1 : 1;
        double px = bx - hx - rng.uniform(0.08, 0.14) * sx - pegR;
        double py = by + side * rng.uniform(0.0, 0.12) * sy;
        hz = blockHalfHeight(hz, pegHalf);
        double mass = rng.uniform(700, 1200) * Math.PI * pegR * pegR * 2 * pegHalf;
        return new Layout(Vec3.of(px, py, pegHalf), pegHalf, mass, Vec3.of(bx + cx, by + cy, 0), 2 * hz);
    }

    @Override
    public Optional<Task> task(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        double f = 3 * l.pegMass() * G;
        return Optional.of(Task.reach(Task.Subject.site("agent_peg_tip"), "zone_goal").hold(HOLD).within(TIME_LIMIT)
                .avoiding("zone_forbid")
                .control(Control.Push.atCenter("push_x", "agent_peg", Vec3.X, f), Control.Push.atCenter("push_y", "agent_peg", Vec3.Y, f),
                        Control.Push.atCenter("push_z", "agent_peg", Vec3.Z, f)));
    }

    /**
     * Feedback on all three axes: lift the peg above the block, bring it over the bore (its axis stays vertical: the
     * pushes act at its centre of mass), and lower it in. Height targets are offset by the weight over kp.
     */
    @Override
    public Optional<Solution> reference(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        double m = l.pegMass();
        double kp = 200 * m;
        double kd = 2 * 0.9 * Math.sqrt(kp * m);
        double lift = m * G / kp;
        return Optional.of(Solution.builder()
                .hold(0, "push_x", l.peg().x(), kp, kd).hold(0, "push_y", l.peg().y(), kp, kd)
                .hold(0, "push_z", l.blockTop() + l.pegHalf() + 0.03 + lift, kp, kd)
                .hold(0.8, "push_x", l.hole().x(), kp, kd).hold(0.8, "push_y", l.hole().y(), kp, kd)
                .hold(2.2, "push_z", 0.5 * l.pegHalf() + lift, kp, kd)
                .build());
    }

    /**
     * Sliding the peg along the floor straight at the bore, its target moving at 0.15 m/s (per unit x scale): it
     * stops against the block's side. (Aimed at the bore in one jump, a long run at a low block let the peg hit the
     * edge fast enough to hop over it and drop into the bore.)
     */
    @Override
    public Optional<Solution> wrong(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        double m = l.pegMass();
        double kp = 200 * m;
        double kd = 2 * 0.9 * Math.sqrt(kp * m);
        double dx = l.hole().x() - l.peg().x();
        double dy = l.hole().y() - l.peg().y();
        int steps = (int) Math.ceil(Math.hypot(dx, dy) / (0.15 * scale.x() * WRONG_TICK));
        Solution.Builder b = Solution.builder();
        for (int k = 1; k <= steps; k++) {
            b.hold((k - 1) * WRONG_TICK, "push_x", l.peg().x() + dx * k / steps, kp, kd)
                    .hold((k - 1) * WRONG_TICK, "push_y", l.peg().y() + dy * k / steps, kp, kd);
        }
        return Optional.of(b.build());
    }

    /** The wrong answer's target moves every this many seconds. */
    private static final double WRONG_TICK = 0.05;

    @Override
    public String toString() {
        return info().id();
    }
}
