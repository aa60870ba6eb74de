import dev.scenarist.packs.mechanisms.scene.*;
import java.util.*;

/**
 * Tier 2 (kinematic): a first-class lever. A beam is pinned (hinge about y) above the apex of a triangular fulcrum;
 * a heavy load block is fixed on its +x end. At rest the load end is down and the hinge sits on its upper limit, so
 * the lever starts still; the joint range lets the load end rise by as much as it fell below horizontal.
 *
 * <p>Clearances: the beam's underside passes a few millimetres above the pivot, the fulcrum's apex a little below it,
 * and the fulcrum's flanks are steeper than any beam angle in the range, so beam and fulcrum never touch. The pivot
 * height is raised, if needed, until every corner of beam and load clears the floor by 1 cm at both ends of the
 * range.
 */
public class LeverTemplate implements Template {
    // scenarist:begin design
    /** Load mass as a multiple of the beam mass (the seed varies it by a third either way). */
    static final double LOAD_RATIO = 3.0;
    /** Beam centre's offset from the pivot as a fraction of the beam's half length (seed: +-0.3 around it). */
    static final double FULCRUM_OFFSET = 0.0;
    /** Resting tilt of the load end below horizontal, degrees (seed: +-3.5 around it). */
    static final double TILT_DEG = 11.5;
    // scenarist:end design

    public LeverTemplate() {}

    @Override
    public TemplateInfo info() {
        return new TemplateInfo("lever-fulcrum", 2, "Lever on a fulcrum",
                "A beam pivots on a hinge above a triangular fulcrum; a heavy load is fixed to one end, which rests"
                        + " down against the hinge's limit. The agent must raise the load into zone_goal by applying"
                        + " force only at the other end (site agent_effort), for instance by designing a counterweight"
                        + " of the right mass and position, and should predict the effort needed from the moment"
                        + " arms before acting. Learning objective: torque balance about a pivot (mass times arm on"
                        + " each side) and how the pivot position trades force for travel.",
                new ScaleLimits(new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0), new AxisRange(0.5, 2.0)));
    }

    /** Every dimension a variant draws, shared by the scene, its task and its solutions. */
    private record Layout(double halfLength, double halfThick, double halfWidth, double offset, double gap,
                          double loadHalfX, double loadHalfY, double loadHalfZ, double tilt, double rise,
                          double beamMass, double loadMass, Vec3 beamCenter, Vec3 beamHalf, Vec3 loadCenter,
                          Vec3 loadHalf, double pivotZ, Rng rng) {
        /** The effort site in the beam frame: near the free end, on top of the beam. */
        Vec3 effortSite() {
            return Vec3.of(offset - halfLength + 0.03, 0, gap + 2 * halfThick + 0.015);
        }

        /** The build region in the beam frame (centre, half-sizes): on top of the beam's free end, a fifth of its length. */
        Vec3 buildCenter() {
            return Vec3.of(offset - halfLength + 0.2 * halfLength, 0, gap + 2 * halfThick + buildHalfZ());
        }

        Vec3 buildHalf() {
            return Vec3.of(0.2 * halfLength, halfWidth, buildHalfZ());
        }

        double buildHalfZ() {
            return 4 * halfThick;
        }

        /** The reference counterweight in the beam frame: a slab at the free end, 1 mm above the beam. */
        Vec3 weightHalf() {
            return Vec3.of(0.1 * halfLength, 0.8 * halfWidth, 2 * halfThick);
        }

        Vec3 weightCenter() {
            return Vec3.of(offset - halfLength + weightHalf().x() + 0.002, 0, gap + 2 * halfThick + weightHalf().z() + 0.001);
        }
    }

    private static Layout layout(long seed, Scale scale) {

        Rng rng = new Rng(seed);
        double sx = scale.x();
        double sy = scale.y();
        double sz = scale.z();

        double halfLength = rng.uniform(0.4, 0.6) * sx;
        double halfThick = 0.012 * sz;
        double halfWidth = 0.05 * sy;
        double offset = rng.uniform(FULCRUM_OFFSET - 0.3, FULCRUM_OFFSET + 0.3) * halfLength; // beam centre vs pivot
        double gap = 0.003;                                   // pivot to beam underside
        double loadHalfX = rng.uniform(0.035, 0.05) * sx;
        double loadHalfY = Math.min(halfWidth, rng.uniform(0.035, 0.05) * sy);
        double loadHalfZ = rng.uniform(0.03, 0.05) * sz;
        double tilt = Math.toRadians(rng.uniform(TILT_DEG - 3.5, TILT_DEG + 3.5)); // load end down at rest
        double rise = tilt;                                  // and up by as much at the other end of the range
        double beamMass = rng.uniform(0.6, 1.2) * sx * sy;
        double loadMass = beamMass * LOAD_RATIO * rng.uniform(2.0 / 3, 4.0 / 3);

        // Beam and load in the beam's frame (origin at the pivot, x along the beam).
        Vec3 beamCenter = Vec3.of(offset, 0, gap + halfThick);
        Vec3 beamHalf = Vec3.of(halfLength, halfWidth, halfThick);
        Vec3 loadCenter = Vec3.of(offset + halfLength - loadHalfX, 0, gap + 2 * halfThick + loadHalfZ + 0.0);
        Vec3 loadHalf = Vec3.of(loadHalfX, loadHalfY, loadHalfZ);
        // The load's moment about the pivot outweighs the beam's three times over at both ends of the range: at rest
        // it presses the hinge into its limit, and raising it always takes a force worth a counterweight (with the
        // beam nearly balancing the load, pressing alone would cost about what the budget allows).
        for (double angle : new double[] {tilt, -rise}) {
            double loadArm = rotateY(loadCenter, angle).x();
            double beamArm = rotateY(beamCenter, angle).x();
            if (beamArm < 0) loadMass = Math.max(loadMass, 3 * beamMass * -beamArm / loadArm);
        }

        // Pivot height: the lowest corner at either end of the range clears the floor by 1 cm.
        double pivotZ = rng.uniform(0.12, 0.2) * sz;
        double lowest = Math.min(Math.min(lowestZ(beamCenter, beamHalf, tilt), lowestZ(loadCenter, loadHalf, tilt)),
                Math.min(lowestZ(beamCenter, beamHalf, -rise), lowestZ(loadCenter, loadHalf, -rise)));
        pivotZ = Math.max(pivotZ, 0.01 - lowest);
        return new Layout(halfLength, halfThick, halfWidth, offset, gap, loadHalfX, loadHalfY, loadHalfZ, tilt, rise,
                beamMass, loadMass, beamCenter, beamHalf, loadCenter, loadHalf, pivotZ, rng);
    }

    @Override
    public Scene build(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        Rng rng = l.rng();
        double sy = scale.y();
        double halfWidth = l.halfWidth(), halfLength = l.halfLength(), offset = l.offset(), gap = l.gap(), halfThick = l.halfThick();
        double loadHalfX = l.loadHalfX(), loadHalfY = l.loadHalfY(), loadHalfZ = l.loadHalfZ(), tilt = l.tilt(), rise = l.rise();
        double beamMass = l.beamMass(), loadMass = l.loadMass(), pivotZ = l.pivotZ();
        Vec3 beamCenter = l.beamCenter(), beamHalf = l.beamHalf(), loadCenter = l.loadCenter(), loadHalf = l.loadHalf();

        Scene scene = Scene.named("lever_fulcrum").timestep(0.002);
        scene.geom(Geom.plane("floor", 0, 0).material(Material.of("ground", Rgba.of(0.35, 0.35, 0.38))));

        // Fulcrum: a triangular prism along y, apex 4 mm below the pivot, flanks at about 60 degrees.
        double apexZ = pivotZ - 0.004;
        double baseHalf = 0.6 * apexZ;
        Mesh fulcrum = Mesh.of("fulcrum", Meshes.extrusion(
                List.of(Vec2.of(-baseHalf, 0), Vec2.of(baseHalf, 0), Vec2.of(0, apexZ)), 2 * halfWidth + 0.04 * sy));
        scene.geom(Geom.mesh("fulcrum", fulcrum).oriented(Quat.axisAngle(Vec3.X, Math.PI / 2))
                .rgba(Rgba.of(0.45, 0.45, 0.5, 1)));
        scene.geom(Geom.cylinder("pivot_pin", 0.006, halfWidth + 0.02 * sy).at(0, 0, pivotZ)
                .oriented(Quat.axisAngle(Vec3.X, Math.PI / 2)).rgba(Rgba.of(0.8, 0.8, 0.82, 1)).noContacts());

        Joint hinge = Joint.hinge("lever_hinge").axis(0, 1, 0).range(-(tilt + rise), 0)
                .damping(rng.uniform(0.05, 0.2) * beamMass * halfLength).armature(0.002);
        scene.body("lever").at(0, 0, pivotZ).oriented(Quat.axisAngle(Vec3.Y, tilt))
                .joint(hinge)
                .geom(Geom.box("lever_beam", beamHalf).at(beamCenter).mass(beamMass).rgba(Rgba.of(0.65, 0.5, 0.3, 1)))
                .geom(Geom.box("lever_load", loadHalf).at(loadCenter).mass(loadMass).rgba(Rgba.of(0.3, 0.3, 0.35, 1)))
                .site(Site.sphere("agent_effort", 0.015).at(l.effortSite())
                        .rgba(Rgba.GREEN));

        // Goal: where the load's centre is with the load end raised to 80 % of the range above horizontal.
        // Its half-sizes stay under 0.4 of the load's travel, so the resting load is never already inside it.
        Vec3 raised = rotateY(loadCenter, -0.8 * rise).plus(Vec3.of(0, 0, pivotZ));
        Vec3 resting = rotateY(loadCenter, tilt).plus(Vec3.of(0, 0, pivotZ));
        double cap = 0.4 * raised.minus(resting).length();
        scene.zone(Zone.GOAL, raised, Vec3.of(Math.min(loadHalfX * 1.5, cap), Math.min(loadHalfY * 1.5, cap), Math.min(loadHalfZ * 1.5, cap)));
        scene.zone(Zone.START, resting, Vec3.of(loadHalfX * 1.2, loadHalfY * 1.2, loadHalfZ * 1.2));
        // Nothing may be placed under the load end (no propping it up from below).
        scene.zone(Zone.FORBID, Vec3.of(resting.x(), 0, 0.005), Vec3.of(loadHalfX * 2, halfWidth + 0.05 * sy, 0.005));
        // Where a counterweight may go: on top of the free end, as the beam rests (an axis-aligned box around it).
        Vec3[] build = worldBox(l.buildCenter(), l.buildHalf(), tilt, pivotZ);
        scene.zone(Zone.BUILD, build[0], build[1]);
        return scene;
    }

    // ---- the task: press down on agent_effort until the load's centre holds inside zone_goal ----

    /** Seconds the load must stay in the goal, and the time allowed. */
    static final double HOLD = 0.5;
    static final double TIME_LIMIT = 4.0;
    static final double G = 9.81;

    /**
     * Press at agent_effort, within an effort budget that pressing alone overruns (it must hold the whole balancing
     * force for the rest of the time): a counterweight (one part, in zone_build, welded to the lever) has to carry
     * most of the load.
     */
    @Override
    public Optional<Task> task(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        double goalForce = balancingForce(l, -0.8 * l.rise());
        return Optional.of(Task.reach(Task.Subject.geom("lever_load"), "zone_goal").hold(HOLD).within(TIME_LIMIT)
                .avoiding("zone_forbid").effortBudget(0.5 * goalForce * TIME_LIMIT)
                .design(Design.inside("zone_build").parts(1).mass(2 * weightMass(l)))
                .control(Control.Push.atSite("agent_press", "lever", "agent_effort", Vec3.of(0, 0, -1), 0, maxForce(l))));
    }

    /**
     * A counterweight that balances 85 % of the load's moment at the goal angle, and feedback on the effort site's
     * height for the rest: hold it where it is with the load at the goal angle, the target offset by the remaining
     * force over kp, so the static error of a plain PD vanishes exactly at the goal.
     */
    @Override
    public Optional<Solution> reference(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        double goalAngle = -0.8 * l.rise();
        double weight = weightMass(l);
        double rest = balancingForce(l, goalAngle) - weight * G * -rotateY(l.weightCenter(), goalAngle).x() / -rotateY(l.effortSite(), goalAngle).x();
        return Optional.of(press(l, weight, rest).part(counterweight(l, weight)).build());
    }

    /** Pressing alone, as a PD on the site's height: the load reaches the goal, but the press overruns the budget. */
    @Override
    public Optional<Solution> wrong(long seed, Scale scale) {
        Layout l = layout(seed, scale);
        return Optional.of(press(l, 0, balancingForce(l, -0.8 * l.rise())).build());
    }

    /** Feedback on the effort site's height at the goal angle, offset by {@code force} over kp. */
    private static Solution.Builder press(Layout l, double weight, double force) {
        double goalAngle = -0.8 * l.rise();
        double siteZ = rotateY(l.effortSite(), goalAngle).z() + l.pivotZ();
        double arm = -rotateY(l.effortSite(), goalAngle).x();
        double inertia = l.loadMass() * l.loadCenter().dot(l.loadCenter()) + weight * l.weightCenter().dot(l.weightCenter())
                + l.beamMass() * (l.halfLength() * l.halfLength() / 3 + l.beamCenter().dot(l.beamCenter()));
        double massAtSite = inertia / (arm * arm);
        double kp = 100 * massAtSite;
        double kd = 2 * 0.8 * Math.sqrt(kp * massAtSite);
        return Solution.builder().hold(0, "agent_press", -siteZ + force / kp, kp, kd);
    }

    /** The counterweight's mass: 85 % of the goal angle's balancing moment at its centre's arm. */
    private static double weightMass(Layout l) {
        double goalAngle = -0.8 * l.rise();
        double moment = balancingForce(l, goalAngle) * -rotateY(l.effortSite(), goalAngle).x();
        return 0.85 * moment / (G * -rotateY(l.weightCenter(), goalAngle).x());
    }

    /** The counterweight as the scene stands at t = 0 (the beam tilted at rest), welded to the lever. */
    private static DesignedPart counterweight(Layout l, double mass) {
        Vec3 c = rotateY(l.weightCenter(), l.tilt()).plus(Vec3.of(0, 0, l.pivotZ()));
        return DesignedPart.box("counterweight", l.weightHalf()).at(c).oriented(Quat.axisAngle(Vec3.Y, l.tilt()))
                .mass(mass).weldedTo("lever");
    }

    /** A box of the beam frame (centre, half-sizes) turned by {@code angle}: the world-axis box around it. */
    private static Vec3[] worldBox(Vec3 center, Vec3 half, double angle, double pivotZ) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = -1; i <= 1; i += 2) {
            for (int j = -1; j <= 1; j += 2) {
                for (int k = -1; k <= 1; k += 2) {
                    Vec3 p = rotateY(Vec3.of(center.x() + i * half.x(), center.y() + j * half.y(), center.z() + k * half.z()), angle);
                    double[] v = {p.x(), p.y(), p.z() + pivotZ};
                    for (int a = 0; a < 3; a++) {
                        lo[a] = Math.min(lo[a], v[a]);
                        hi[a] = Math.max(hi[a], v[a]);
                    }
                }
            }
        }
        return new Vec3[] {Vec3.of((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2),
                Vec3.of((hi[0] - lo[0]) / 2, (hi[1] - lo[1]) / 2, (hi[2] - lo[2]) / 2)};
    }

    /** The downward force at the effort site that balances load and beam with the beam turned by {@code angle}. */
    private static double balancingForce(Layout l, double angle) {
        double moment = G * (l.loadMass() * rotateY(l.loadCenter(), angle).x() + l.beamMass() * rotateY(l.beamCenter(), angle).x());
        return moment / -rotateY(l.effortSite(), angle).x();
    }

    /** Three times the largest balancing force over the hinge's range. */
    private static double maxForce(Layout l) {
        return 3 * Math.max(balancingForce(l, l.tilt()), balancingForce(l, -l.rise()));
    }

    /** A point of the beam frame turned by {@code angle} about y (positive lowers +x), as MuJoCo's euler/quat do. */
    private static Vec3 rotateY(Vec3 p, double angle) {
        double c = StrictMath.cos(angle);
        double s = StrictMath.sin(angle);
        return Vec3.of(p.x() * c + p.z() * s, p.y(), -p.x() * s + p.z() * c);
    }

    /** The lowest z of a box (centre, half-sizes in the beam frame) once turned by {@code angle} about y. */
    private static double lowestZ(Vec3 center, Vec3 half, double angle) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = -1; i <= 1; i += 2) {
            for (int k = -1; k <= 1; k += 2) {
                Vec3 corner = Vec3.of(center.x() + i * half.x(), 0, center.z() + k * half.z());
                min = Math.min(min, rotateY(corner, angle).z());
            }
        }
        return min;
    }

    @Override
    public String toString() {
        return info().id();
    }
}
