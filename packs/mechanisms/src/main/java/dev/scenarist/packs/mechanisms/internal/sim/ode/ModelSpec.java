package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.List;
import java.util.Set;

/**
 * An MJCF model with every MuJoCo compile-time decision already taken — default classes applied, angles in radians,
 * frames composed into world poses at the reference configuration (qpos0), masses and inertias computed — so that
 * building the ODE world is a plain translation. Ids follow MuJoCo's numbering (bodies depth-first from the world,
 * geoms body by body), so labels of unnamed objects read as in MuJoCo ("body#3", "world/geom#0").
 *
 * @param approximations every place where the ODE world will not behave as MuJoCo would, one sentence each
 */
record ModelSpec(
        Options options,
        List<Body> bodies,
        List<Joint> joints,
        List<Geom> geoms,
        List<Pair> pairs,
        Set<Long> excludedBodyPairs,
        List<Equality> equalities,
        List<Actuator> actuators,
        List<String> approximations) {

    ModelSpec {
        bodies = List.copyOf(bodies);
        joints = List.copyOf(joints);
        geoms = List.copyOf(geoms);
        pairs = List.copyOf(pairs);
        excludedBodyPairs = Set.copyOf(excludedBodyPairs);
        equalities = List.copyOf(equalities);
        actuators = List.copyOf(actuators);
        approximations = List.copyOf(approximations);
    }

    /** The key of an unordered body pair in {@link #excludedBodyPairs()}. */
    static long bodyPair(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return ((long) lo << 32) | hi;
    }

    /**
     * {@code <option>} and its {@code <flag>}s, as far as they change the dynamics the ODE world reproduces.
     * A disabled {@code constraint} flag shows up as contact, limit, equality and frictionloss all off.
     */
    record Options(double timestep, Vec3 gravity, double density, double viscosity, Vec3 wind, boolean contact,
                   boolean limit, boolean equality, boolean frictionloss, boolean spring, boolean damper,
                   boolean actuation, boolean filterparent) {}

    /**
     * A body.
     *
     * @param parent the parent body's id (-1 for the world)
     * @param frame the body frame in the world at qpos0
     * @param mass the body's own mass properties, in world coordinates
     * @param joints ids of its joints, in document order
     */
    record Body(int id, String label, int parent, Pose frame, MassProperties mass, boolean mocap, double gravcomp,
                List<Integer> joints) {
        Body {
            joints = List.copyOf(joints);
        }

        boolean world() {
            return id == 0;
        }
    }

    enum JointType { HINGE, SLIDE, BALL, FREE }

    /**
     * A joint, its coordinates in MuJoCo's units (radians, metres).
     *
     * @param anchor the joint position in the world at qpos0
     * @param axis unit axis in the world at qpos0 (hinge, slide)
     * @param ref the joint coordinate at qpos0 (the pose as written)
     * @param limited whether {@code [lower, upper]} is enforced (after autolimits)
     */
    record Joint(int id, String label, int body, JointType type, Vec3 anchor, Vec3 axis, double ref,
                 double springref, double stiffness, double damping, double armature, double frictionloss,
                 boolean limited, double lower, double upper, Soft limitSoft, Soft frictionSoft) {}

    /** Collision shape in the geom's own frame. */
    sealed interface Shape {
        /** MuJoCo's geom type order (mjtGeom), which decides which geom a contact names first. */
        int typeOrder();
    }

    /** The geom frame's xy plane, normal +z; static only, infinite for collisions (as in MuJoCo). */
    record Plane() implements Shape {
        public int typeOrder() {
            return 0;
        }
    }

    record Sphere(double radius) implements Shape {
        public int typeOrder() {
            return 2;
        }
    }

    /** Axis along z; {@code halfLength} of the cylindrical part. */
    record Capsule(double radius, double halfLength) implements Shape {
        public int typeOrder() {
            return 3;
        }
    }

    record Cylinder(double radius, double halfLength) implements Shape {
        public int typeOrder() {
            return 5;
        }
    }

    record Box(double hx, double hy, double hz) implements Shape {
        public int typeOrder() {
            return 6;
        }
    }

    /**
     * A convex polytope: a mesh's convex hull (MuJoCo collides meshes as their hulls) or an ellipsoid approximated by
     * an inscribed-then-rescaled polytope.
     *
     * @param typeOrder 4 for an ellipsoid, 7 for a mesh
     */
    record Convex(SolidMesh hull, int typeOrder) implements Shape {}

    /**
     * A geom.
     *
     * @param pose the geom frame in the world at qpos0
     * @param friction sliding friction (MuJoCo's friction[0])
     */
    record Geom(int id, String label, int body, Shape shape, Pose pose, int contype, int conaffinity, int condim,
                double friction, Soft soft, double solmix, int priority, double margin) {}

    /** An explicit {@code <contact><pair>}: collides whatever the filters say, with its own parameters. */
    record Pair(int geom1, int geom2, int condim, double friction, Soft soft, double margin) {}

    /** Equality constraints the ODE world represents by joints. */
    sealed interface Equality {
        String label();

        Soft soft();
    }

    /**
     * {@code <connect>}: {@code anchor1} on body1 and {@code anchor2} on body2 (world points at qpos0) held together.
     * With body semantics they coincide at qpos0; with site semantics they may not, and the constraint pulls them.
     */
    record Connect(String label, int body1, int body2, Vec3 anchor1, Vec3 anchor2, Soft soft) implements Equality {}

    /**
     * {@code <weld>}: body2 held at a fixed pose relative to body1 — the pose body2's frame must take, in the world
     * at qpos0 ({@code target}); equal to its frame at qpos0 unless sites or relpose say otherwise.
     */
    record Weld(String label, int body1, int body2, Pose target, Soft soft) implements Equality {}

    /**
     * An actuator whose force at the run's constant control is a function of its joint's coordinate:
     * {@code force = clamp(c0 + cLength·length + cVelocity·velocity, forceMin, forceMax)} with {@code length =
     * gear·q}, {@code velocity = gear·q̇}, applied to the joint as {@code gear·force}.
     */
    record Actuator(String label, int joint, double gear, double c0, double cLength, double cVelocity,
                    double forceMin, double forceMax) {}
}
