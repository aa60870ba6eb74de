package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import dev.scenarist.packs.mechanisms.internal.sim.ode.ModelSpec.Geom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ode4j.math.DQuaternion;
import org.ode4j.ode.DAABBC;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DContact;
import org.ode4j.ode.DContactBuffer;
import org.ode4j.ode.DGeom;
import org.ode4j.ode.DJoint;
import org.ode4j.ode.DJointGroup;
import org.ode4j.ode.OdeConstants;
import org.ode4j.ode.OdeHelper;

/**
 * Collision detection and contact joints, with MuJoCo's rules for which geoms may touch: not two geoms that move
 * together (same weld body), not a body and its parent unless the parent is the world ({@code filterparent}), not
 * body pairs in {@code <exclude>}, only when {@code contype}/{@code conaffinity} match — and always the explicit
 * {@code <pair>}s, with their own parameters. Contact parameters mix as MuJoCo mixes them (higher priority wins;
 * else the larger condim and friction, solref/solimp weighted by solmix).
 *
 * <p>The candidate pairs are fixed when the world is built and tested in a fixed order every step, so that the
 * contacts, and with them the whole run, are deterministic.
 */
final class ContactPass {
    /**
     * The least CFM a contact gets: a thousand times the joints' (OdeWorld's world CFM). Where a contact pushes
     * against a joint that forbids the motion (a hinged sphere overlapping a wall, which MuJoCo leaves unresolved
     * with forces that cannot act), the joint must win; a contact stiffer than its joints would tear them apart.
     */
    static final double MIN_CFM = 1e-7;

    /** Contact points kept per geom pair (MuJoCo's box-box gives up to 8 as well). */
    static final int MAX_CONTACTS = 8;

    private final OdeWorld w;
    private final DGeom[] geoms;
    private final List<Candidate> candidates = new ArrayList<>();
    private final DContactBuffer buffer = new DContactBuffer(MAX_CONTACTS);
    private final DJointGroup group = OdeHelper.createJointGroup();

    /** A geom pair to test, with the contact parameters it gets. */
    private record Candidate(int g1, int g2, double friction, Soft soft) {}

    /** The deepest contact at t = 0: depth and the two geoms' labels in MuJoCo's order; and how many contacts. */
    record Penetration(double depth, List<String> pair, int contacts) {}

    ContactPass(OdeWorld w) {
        this.w = w;
        List<Geom> specs = w.spec.geoms();
        geoms = new DGeom[specs.size()];
        for (Geom g : specs) {
            geoms[g.id()] = create(g);
        }
        if (w.spec.options().contact()) {
            choosePairs();
        }
    }

    // ------------------------------------------------------------------ geoms

    private DGeom create(Geom g) {
        Pose pose = g.pose();
        DGeom geom = switch (g.shape()) {
            case ModelSpec.Plane p -> {
                Vec3 n = pose.rotation().rotate(Vec3.Z);
                yield OdeHelper.createPlane(null, n.x(), n.y(), n.z(), n.dot(pose.position()));
            }
            case ModelSpec.Sphere s -> OdeHelper.createSphere(s.radius());
            case ModelSpec.Capsule c -> OdeHelper.createCapsule(c.radius(), 2 * c.halfLength());
            case ModelSpec.Cylinder c -> OdeHelper.createCylinder(c.radius(), 2 * c.halfLength());
            case ModelSpec.Box b -> OdeHelper.createBox(2 * b.hx(), 2 * b.hy(), 2 * b.hz());
            case ModelSpec.Convex c -> {
                // ODE's convex collider wants its origin inside the hull: centre the points on their centroid
                Vec3 centre = c.hull().centroid();
                pose = pose.compose(new Pose(centre, Quat.IDENTITY));
                yield convex(c.hull(), centre);
            }
        };
        if (g.shape() instanceof ModelSpec.Plane) {
            return geom;
        }
        DBody body = w.odeBody[g.body()];
        Quat r = pose.rotation();
        DQuaternion q = new DQuaternion(r.w(), r.x(), r.y(), r.z());
        if (body == null) {
            geom.setPosition(pose.position().x(), pose.position().y(), pose.position().z());
            geom.setQuaternion(q);
        } else {
            geom.setBody(body);
            geom.setOffsetWorldPosition(pose.position().x(), pose.position().y(), pose.position().z());
            geom.setOffsetWorldQuaternion(q);
        }
        return geom;
    }

    private static DGeom convex(SolidMesh hull, Vec3 centre) {
        List<Vec3> v = hull.vertices();
        double[] points = new double[3 * v.size()];
        for (int i = 0; i < v.size(); i++) {
            Vec3 p = v.get(i).minus(centre);
            points[3 * i] = p.x();
            points[3 * i + 1] = p.y();
            points[3 * i + 2] = p.z();
        }
        List<int[]> tris = hull.triangles();
        double[] planes = new double[4 * tris.size()];
        int[] polygons = new int[4 * tris.size()];
        for (int t = 0; t < tris.size(); t++) {
            int[] tri = tris.get(t);
            Vec3 a = v.get(tri[0]).minus(centre);
            Vec3 n = v.get(tri[1]).minus(v.get(tri[0])).cross(v.get(tri[2]).minus(v.get(tri[0]))).normalized();
            planes[4 * t] = n.x();
            planes[4 * t + 1] = n.y();
            planes[4 * t + 2] = n.z();
            planes[4 * t + 3] = n.dot(a);
            polygons[4 * t] = 3;
            polygons[4 * t + 1] = tri[0];
            polygons[4 * t + 2] = tri[1];
            polygons[4 * t + 3] = tri[2];
        }
        return OdeHelper.createConvex(planes, tris.size(), points, v.size(), polygons);
    }

    // ------------------------------------------------------------------ which pairs collide

    private void choosePairs() {
        List<Geom> specs = w.spec.geoms();
        Set<Long> explicit = new HashSet<>();
        for (ModelSpec.Pair p : w.spec.pairs()) {
            if (movable(specs.get(p.geom1()), specs.get(p.geom2()))) {
                candidates.add(new Candidate(p.geom1(), p.geom2(), p.condim() == 1 ? 0 : p.friction(), p.soft()));
                explicit.add(ModelSpec.bodyPair(p.geom1(), p.geom2()));
            }
        }
        for (int i = 0; i < specs.size(); i++) {
            for (int j = i + 1; j < specs.size(); j++) {
                Geom a = specs.get(i);
                Geom b = specs.get(j);
                if (!explicit.contains(ModelSpec.bodyPair(i, j)) && movable(a, b) && filtersPass(a, b)) {
                    candidates.add(mixed(a, b));
                }
            }
        }
    }

    /** At least one of the two geoms can move, and not with the other. */
    private boolean movable(Geom a, Geom b) {
        DBody ba = w.odeBody[a.body()];
        DBody bb = w.odeBody[b.body()];
        return ba != bb;
    }

    private boolean filtersPass(Geom a, Geom b) {
        if (w.spec.excludedBodyPairs().contains(ModelSpec.bodyPair(a.body(), b.body()))) {
            return false;
        }
        int w1 = w.weld[a.body()];
        int w2 = w.weld[b.body()];
        if (w1 == w2) {
            return false;
        }
        if (w.spec.options().filterparent() && w1 != 0 && w2 != 0
                && (w1 == parentWeld(w2) || w2 == parentWeld(w1))) {
            return false;
        }
        return (a.contype() & b.conaffinity()) != 0 || (b.contype() & a.conaffinity()) != 0;
    }

    private int parentWeld(int weldBody) {
        int parent = w.spec.bodies().get(weldBody).parent();
        return parent < 0 ? 0 : w.weld[parent];
    }

    private static Candidate mixed(Geom a, Geom b) {
        if (a.priority() != b.priority()) {
            Geom p = a.priority() > b.priority() ? a : b;
            return new Candidate(a.id(), b.id(), p.condim() == 1 ? 0 : p.friction(), p.soft());
        }
        int condim = Math.max(a.condim(), b.condim());
        double mix = a.solmix() + b.solmix() > 0 ? a.solmix() / (a.solmix() + b.solmix()) : 0.5;
        return new Candidate(a.id(), b.id(), condim == 1 ? 0 : Math.max(a.friction(), b.friction()),
                a.soft().mix(b.soft(), mix));
    }

    // ------------------------------------------------------------------ contacts

    /** The contacts of the current state, without creating joints: what MuJoCo reports at t = 0. */
    Penetration initial() {
        double deepest = 0;
        List<String> pair = List.of();
        int count = 0;
        for (Candidate c : candidates) {
            int n = collide(c);
            count += n;
            for (int k = 0; k < n; k++) {
                double depth = buffer.get(k).geom.depth;
                if (depth <= 0) {
                    count--; // touching only: MuJoCo reports no contact
                    continue;
                }
                if (depth > deepest) {
                    deepest = depth;
                    pair = labels(c);
                }
            }
        }
        return new Penetration(deepest, pair, count);
    }

    /** MuJoCo names the geom of the lower type first (its collision table is triangular), then the lower id. */
    private List<String> labels(Candidate c) {
        Geom a = w.spec.geoms().get(c.g1);
        Geom b = w.spec.geoms().get(c.g2);
        int ta = a.shape().typeOrder();
        int tb = b.shape().typeOrder();
        boolean swap = ta > tb || (ta == tb && a.id() > b.id());
        return swap ? List.of(b.label(), a.label()) : List.of(a.label(), b.label());
    }

    /** Creates this step's contact joints (the previous step's are discarded first). */
    void generate() {
        group.empty();
        double h = w.timestep;
        for (Candidate c : candidates) {
            int n = collide(c);
            for (int k = 0; k < n; k++) {
                DContact contact = buffer.get(k);
                if (contact.geom.depth <= 0) {
                    continue; // touching is not a contact: MuJoCo keeps contacts closer than the margin (0)
                }
                if (c.soft.impedance(contact.geom.depth) < OdeWorld.MIN_IMPEDANCE) {
                    continue; // MuJoCo's force here is negligible: see OdeWorld.MIN_IMPEDANCE
                }
                DBody b1 = contact.geom.g1.getBody();
                DBody b2 = contact.geom.g2.getBody();
                if (!canAct(contact, b1, b2)) {
                    continue;
                }
                double cfm = Math.max(MIN_CFM, c.soft.contactCfm(h, contact.geom.depth, effectiveMass(b1, b2)));
                // friction rows are regularized like the normal (MuJoCo's pyramid rows share one R): ODE's slip
                contact.surface.mode = OdeConstants.dContactApprox1 | OdeConstants.dContactSoftERP
                        | OdeConstants.dContactSoftCFM | OdeConstants.dContactMotionN | OdeConstants.dContactSlip1
                        | OdeConstants.dContactSlip2;
                contact.surface.mu = c.friction;
                contact.surface.soft_erp = c.soft.contactErp(h);
                contact.surface.soft_cfm = cfm;
                contact.surface.slip1 = cfm;
                contact.surface.slip2 = cfm;
                contact.surface.motionN = c.soft.contactMotion(h, separationVelocity(contact, b1, b2));
                DJoint joint = OdeHelper.createContactJoint(w.world, group, contact);
                joint.attach(b1, b2);
            }
        }
    }

    private int collide(Candidate c) {
        DGeom a = geoms[c.g1];
        DGeom b = geoms[c.g2];
        if (!overlap(a, b)) {
            return 0;
        }
        return OdeHelper.collide(a, b, MAX_CONTACTS, buffer.getGeomBuffer());
    }

    private static boolean overlap(DGeom a, DGeom b) {
        DAABBC x = a.getAABB();
        DAABBC y = b.getAABB();
        return x.getMin0() <= y.getMax0() && y.getMin0() <= x.getMax0()
                && x.getMin1() <= y.getMax1() && y.getMin1() <= x.getMax1()
                && x.getMin2() <= y.getMax2() && y.getMin2() <= x.getMax2();
    }

    /** Whether a push along the normal can move either body through its joints (see OdeWorld#contactInverseMass). */
    private boolean canAct(DContact c, DBody b1, DBody b2) {
        Vec3 p = OdeWorld.vec(c.geom.pos);
        Vec3 n = OdeWorld.vec(c.geom.normal);
        double[] free = new double[1];
        double constrained = w.contactInverseMass(b1, p, n, free) + w.contactInverseMass(b2, p, n, free);
        return constrained > 1e-6 * free[0];
    }

    /** How fast the two bodies move apart at the contact point, along the normal (which points into g1). */
    private double separationVelocity(DContact c, DBody b1, DBody b2) {
        Vec3 n = OdeWorld.vec(c.geom.normal);
        return n.dot(pointVelocity(b1, c)) - n.dot(pointVelocity(b2, c));
    }

    private final org.ode4j.math.DVector3 scratch = new org.ode4j.math.DVector3();

    private Vec3 pointVelocity(DBody b, DContact c) {
        if (b == null) {
            return Vec3.ZERO;
        }
        b.getPointVel(c.geom.pos, scratch);
        return OdeWorld.vec(scratch);
    }

    /**
     * The effective mass along the normal as MuJoCo approximates it for the constraint's softness: the inverse of
     * the sum of the two bodies' translational inverse weights at qpos0 (through their joints).
     */
    private double effectiveMass(DBody b1, DBody b2) {
        double inv = w.invWeight(b1) + w.invWeight(b2);
        return inv > 0 ? 1 / inv : 1;
    }

    void close() {
        group.destroy();
        for (DGeom g : geoms) {
            g.destroy();
        }
    }
}
