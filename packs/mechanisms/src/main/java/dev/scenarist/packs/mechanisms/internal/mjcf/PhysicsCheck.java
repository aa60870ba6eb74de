package dev.scenarist.packs.mechanisms.internal.mjcf;

import dev.scenarist.packs.mechanisms.internal.mjcf.ModelIndex.Resolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules MuJoCo's compiler enforces on a grammatically valid model: non-degenerate orientations (no zero
 * quaternion, no zero axis), geom sizes that fit the geom type, free joints only on top-level bodies and at most
 * six degrees of freedom per body, planes only in static bodies, and mass and inertia for every moving body (the last
 * two in {@link MassCheck}).
 */
final class PhysicsCheck {
    /** MuJoCo's mjMINVAL. */
    static final double MINVAL = 1e-15;

    private final ModelIndex ix;
    private final Findings out;

    PhysicsCheck(ModelIndex ix, Findings out) {
        this.ix = ix;
        this.out = out;
    }

    void run() {
        for (MjcfNode n : ix.nodes) {
            orientation(n);
        }
        for (MjcfNode n : ix.nodes) {
            if (ModelIndex.isBody(n)) {
                body(n);
            }
        }
        new MassCheck(ix, out).run();
        // after the masses, as in MuJoCo's compiler (masses are checked as bodies compile, free joints as the tree is
        // copied into the model), so that the first error is the one MuJoCo names
        for (MjcfNode n : ix.nodes) {
            if (ModelIndex.isBody(n) && !ModelIndex.isWorld(n)) freeJointPlacement(n);
        }
    }

    private void freeJointPlacement(MjcfNode b) {
        for (MjcfNode c : ModelIndex.owned(b)) {
            String id = c.def.id();
            boolean free = id.equals("freejoint") || (id.equals("joint") && ix.effectiveValue(c, "type", "hinge").equals("free"));
            MjcfNode parent = ModelIndex.enclosingBody(b);
            if (free && parent != null && !ModelIndex.isWorld(parent)) {
                out.error(MjcfValidator.FREE_JOINT, c, "free joint can only be used on top level: "
                        + b.describe() + " (line " + b.line + ") is inside " + parent.describe() + " (line "
                        + parent.line + "), not directly in <worldbody>", "move the body to be a direct "
                        + "child of <worldbody> (frames in between are fine), or use hinge/slide/ball joints");
            }
        }
    }

    // ------------------------------------------------------------------ orientation

    private void orientation(MjcfNode n) {
        for (String q : List.of("quat", "refquat", "bindquat")) {
            double[] v = fixed(n, q, 4);
            if (v != null && Math.abs(v[0]) < MINVAL && Math.abs(v[1]) < MINVAL && Math.abs(v[2]) < MINVAL
                    && Math.abs(v[3]) < MINVAL) {
                out.error(MjcfValidator.ORIENTATION, n, "zero quaternion is not allowed: attribute '" + q + "' of "
                        + n.describe() + " is \"" + n.attrs.get(q) + "\"", "a quaternion is w x y z with non-zero "
                        + "length; no rotation is \"1 0 0 0\"");
            }
        }
        double[] aa = fixed(n, "axisangle", 4);
        if (aa != null && MjcfValues.norm3(aa, 0) < MINVAL) {
            out.error(MjcfValidator.ORIENTATION, n, "axisangle too small: the rotation axis of " + n.describe()
                    + " has zero length (axisangle=\"" + n.attrs.get("axisangle") + "\")",
                    "axisangle is the axis x y z then the angle, e.g. \"0 0 1 90\"");
        }
        double[] z = fixed(n, "zaxis", 3);
        if (z != null && MjcfValues.norm3(z, 0) < MINVAL) {
            out.error(MjcfValidator.ORIENTATION, n, "zaxis too small: zaxis of " + n.describe()
                    + " has zero length", "give a non-zero direction, e.g. zaxis=\"0 0 1\"");
        }
        double[] xy = fixed(n, "xyaxes", 6);
        if (xy != null) {
            double xn = MjcfValues.norm3(xy, 0);
            if (xn < MINVAL) {
                out.error(MjcfValidator.ORIENTATION, n, "xaxis too small: the x axis in xyaxes of " + n.describe()
                        + " has zero length", "xyaxes is x axis then y axis, e.g. \"1 0 0 0 1 0\"");
            } else {
                double dot = (xy[0] * xy[3] + xy[1] * xy[4] + xy[2] * xy[5]) / xn;
                double[] y = {xy[3] - dot * xy[0] / xn, xy[4] - dot * xy[1] / xn, xy[5] - dot * xy[2] / xn};
                if (MjcfValues.norm3(y, 0) < MINVAL) {
                    out.error(MjcfValidator.ORIENTATION, n, "yaxis too small: in xyaxes of " + n.describe()
                            + " the y axis is zero or parallel to the x axis", "give two non-parallel axes, e.g. "
                            + "\"1 0 0 0 1 0\"");
                }
            }
        }
        if (n.def.id().equals("joint") && !ModelIndex.inDefaults(n)) {
            String type = ix.effectiveValue(n, "type", "hinge");
            if (type.equals("hinge") || type.equals("slide")) {
                Resolved axis = ix.effective(n, "axis");
                double[] a = MjcfValues.reals(axis == null ? "0 0 1" : axis.value());
                if (a != null && a.length == 3 && MjcfValues.norm3(a, 0) < MINVAL) {
                    out.error(MjcfValidator.ORIENTATION, n, "axis too small in joint" + n.nameSuffix() + ": axis=\""
                            + axis.value() + "\"" + via(n, axis), "give the " + type + " axis a direction, e.g. "
                            + "axis=\"0 0 1\"");
                }
            }
        }
    }

    /** An explicit attribute holding exactly {@code count} numbers, else null. */
    private static double[] fixed(MjcfNode n, String attr, int count) {
        if (!n.def.attrs().containsKey(attr)) {
            return null;
        }
        double[] v = MjcfValues.reals(n.attrs.get(attr));
        return v != null && v.length == count ? v : null;
    }

    private static String via(MjcfNode n, Resolved r) {
        return r != null && r.fromDefault(n) ? " (from the default class at " + r.source().location() + ")" : "";
    }

    // ------------------------------------------------------------------ bodies: joints, geoms

    private void body(MjcfNode b) {
        boolean world = ModelIndex.isWorld(b);
        List<MjcfNode> owned = ModelIndex.owned(b);
        int dofs = 0;
        List<String> kinds = new ArrayList<>();
        boolean afterBall = false;
        if (!world && b.attrs.getOrDefault("mocap", "false").equals("true")) {
            MjcfNode parent = ModelIndex.enclosingBody(b);
            boolean joints = owned.stream().anyMatch(c -> c.def.id().equals("joint") || c.def.id().equals("freejoint"));
            if (joints || parent == null || !ModelIndex.isWorld(parent)) {
                out.error(MjcfValidator.MOCAP, b, "mocap body" + b.nameSuffix() + " is not a fixed child of world: "
                        + (joints ? "it has joints" : "it is inside " + parent.describe() + " (line " + parent.line
                        + ")"), "a mocap body sits directly in <worldbody> and has no joints; it is moved by "
                        + "setting mocap_pos/mocap_quat");
            }
        }
        for (MjcfNode c : owned) {
            String id = c.def.id();
            if (id.equals("joint") || id.equals("freejoint")) {
                if (world) {
                    out.error(MjcfValidator.WORLD_BODY, c, "world body cannot have joints: <" + c.tag + "> sits in a "
                            + "<frame> directly under <worldbody>", "frames do not move; put the joint inside a <body>");
                    continue;
                }
                String type = id.equals("freejoint") ? "free" : ix.effectiveValue(c, "type", "hinge");
                int d = switch (type) {
                    case "free" -> 6;
                    case "ball" -> 3;
                    case "hinge", "slide" -> 1;
                    default -> 0;
                };
                dofs += d;
                kinds.add(type);
                if (afterBall && (type.equals("hinge") || type.equals("ball"))) {
                    out.error(MjcfValidator.TOO_MANY_DOFS, c, "ball followed by rotation in body" + b.nameSuffix()
                            + ": a " + type + " joint comes after a ball joint", "a ball joint already allows all "
                            + "rotations: remove the extra rotational joint, or put it before the ball joint");
                }
                afterBall |= type.equals("ball");
            } else if (id.equals("inertial") && world) {
                out.error(MjcfValidator.WORLD_BODY, c, "world body cannot have inertia: <inertial> sits in a <frame> "
                        + "directly under <worldbody>", "put the <inertial> inside a <body>");
            } else if (id.equals("geom") || id.equals("site")) {
                shapeSize(c);
            }
        }
        if (dofs > 6) {
            out.error(MjcfValidator.TOO_MANY_DOFS, b, "more than 6 dofs in " + b.describe() + ": joints "
                    + String.join(" + ", kinds) + " give " + dofs, "a free joint must be the only joint of its body; "
                    + "a ball joint allows at most three more hinge/slide joints");
        }
    }

    /** Size values a shape starts from before defaults and its own size= apply (geoms 0, sites 0.005). */
    static final double[] GEOM_SIZE0 = {0, 0, 0};
    private static final double[] SITE_SIZE0 = {0.005, 0.005, 0.005};

    /** Geom and site sizes per type, after default classes (partial sizes keep the remaining default values). */
    private void shapeSize(MjcfNode g) {
        if (ix.classUnknown(g)) {
            return; // its defaults are unknown; the unknown class is reported
        }
        boolean site = g.def.id().equals("site");
        String kind = site ? "site" : "geom";
        String type = ix.effectiveValue(g, "type", "sphere");
        Resolved mesh = ix.effective(g, "mesh");
        boolean hasMesh = mesh != null && !mesh.value().isEmpty();
        if (!site && hasMesh) {
            Resolved ft = nonBlank(ix.effective(g, "fromto"));
            if (ft != null) {
                out.error(MjcfValidator.GEOM_SIZE, g, "fromto cannot be used with mesh geom" + g.nameSuffix() + via(g, ft),
                        "place the mesh with pos= and quat= instead");
                return;
            }
            if (type.equals("plane") || type.equals("hfield")) {
                out.error(MjcfValidator.GEOM_SIZE, g, "invalid geom type in fitting mesh '" + mesh.value() + "': "
                        + g.describe() + " is a " + type, "a primitive fitted to a mesh is a sphere, capsule, "
                        + "cylinder, ellipsoid or box; for the mesh itself use type=\"mesh\"");
                return;
            }
        }
        if (!site && (type.equals("mesh") || type.equals("sdf"))) {
            if (mesh == null || mesh.value().isEmpty()) {
                out.error(MjcfValidator.GEOM_SIZE, g, g.describe() + " of type " + type
                        + " has no mesh attribute", "add mesh=\"name\" naming a <mesh> in <asset>");
            }
            return;
        }
        if (!site && type.equals("hfield")) {
            Resolved hf = ix.effective(g, "hfield");
            if (hf == null || hf.value().isEmpty()) {
                out.error(MjcfValidator.GEOM_SIZE, g, g.describe() + " of type hfield has no hfield "
                        + "attribute", "add hfield=\"name\" naming an <hfield> in <asset>");
            }
            return;
        }
        if (site && !Set.of("sphere", "capsule", "cylinder", "box", "ellipsoid").contains(type)) {
            return; // plane, hfield and mesh sites are reported by the model rules
        }
        if (mesh != null && !mesh.value().isEmpty()) {
            return; // a primitive fitted to a mesh takes its size from the mesh
        }
        Resolved fromtoR = nonBlank(ix.effective(g, "fromto"));
        double[] fromto = fromtoR == null ? null : MjcfValues.reals(fromtoR.value());
        double[] s = ix.merged(g, "size", site ? SITE_SIZE0 : GEOM_SIZE0);
        if (s == null || (fromtoR != null && (fromto == null || fromto.length != 6))) {
            return; // malformed values are reported by the grammar pass
        }
        boolean hasFromto = fromto != null;
        if (hasFromto && !GeomShape.shapedBySegment(type)) {
            out.error(MjcfValidator.GEOM_SIZE, g, "fromto requires capsule, cylinder, box or ellipsoid in "
                    + g.describe() + " (type " + type + ")", "remove fromto= and place the " + type + " with pos=, "
                    + "or change the type");
            return;
        }
        if (hasFromto && 2 * GeomShape.halfLength(fromto) < MINVAL) {
            out.error(MjcfValidator.GEOM_SIZE, g, "fromto points too close in " + g.describe() + ": fromto=\""
                    + fromtoR.value() + "\"" + via(g, fromtoR), "fromto is two different points x1 y1 z1 x2 y2 z2");
            return;
        }
        Resolved pos = ix.effective(g, "pos");
        if (hasFromto && pos != null) {
            out.error(MjcfValidator.GEOM_SIZE, g, "both pos and fromto defined in " + g.describe() + via(g, pos),
                    "fromto already places the " + kind + ": remove pos=");
            return;
        }
        int needed = switch (type) {
            case "sphere" -> 1;
            case "capsule", "cylinder" -> hasFromto ? 1 : 2;
            case "box", "ellipsoid" -> hasFromto ? 1 : 3;
            case "plane" -> 3;
            default -> 0;
        };
        String meaning = switch (type) {
            case "sphere" -> "radius";
            case "capsule", "cylinder" -> hasFromto ? "radius (fromto gives the length)" : "radius and half-length";
            case "box" -> hasFromto ? "half-width across the fromto segment" : "half-lengths along x, y, z";
            case "ellipsoid" -> hasFromto ? "radius across the fromto segment" : "radii along x, y, z";
            case "plane" -> "half-lengths x, y (0 = infinite) and grid spacing";
            default -> "";
        };
        Resolved size = ix.effective(g, "size");
        String shown = size == null ? "no size (so " + sizes(s, needed) + ")"
                : "size=\"" + size.value() + "\"" + via(g, size) + (sizes(s, needed).equals(size.value().strip())
                ? "" : ", i.e. " + sizes(s, needed));
        for (int i = 0; i < needed; i++) {
            boolean ok = type.equals("plane") ? (i != 2 || s[i] > 0) : s[i] > 0; // plane x, y <= 0: infinite
            if (!ok) {
                String which = type.equals("plane") ? "plane size(3) must be positive" : "size " + i + " must be positive";
                out.error(MjcfValidator.GEOM_SIZE, g, which + " in " + kind + ": " + g.describe() + " of type "
                        + type + " needs " + needed + " size value" + (needed == 1 ? "" : "s") + " (" + meaning
                        + "), got " + shown, "write " + needed + " positive number" + (needed == 1 ? "" : "s")
                        + " in size=, e.g. " + sizeExample(type, hasFromto));
                return;
            }
        }
        if (!site && size != null && !size.fromDefault(g) && !hasFromto && !type.equals("plane")
                && MjcfValues.tokens(size.value()).length > needed) {
            out.warning(MjcfValidator.GEOM_SIZE, g, g.describe() + " of type " + type + " uses " + needed
                    + " size value" + (needed == 1 ? "" : "s") + "; the rest of size=\"" + size.value()
                    + "\" is ignored", "check the type: three sizes suggest a box or an ellipsoid");
        }
    }

    /** An attribute written as {@code ""} counts as unset for geometry. */
    static Resolved nonBlank(Resolved r) {
        return r == null || r.value().isBlank() ? null : r;
    }

    private static String sizes(double[] s, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.max(1, n) && i < s.length; i++) {
            b.append(i == 0 ? "" : " ").append(MjcfValues.fmt(s[i]));
        }
        return b.toString();
    }

    private static String sizeExample(String type, boolean fromto) {
        return switch (type) {
            case "sphere" -> "size=\"0.05\"";
            case "capsule", "cylinder" -> fromto ? "size=\"0.05\"" : "size=\"0.05 0.2\"";
            case "plane" -> "size=\"0 0 0.05\"";
            default -> fromto ? "size=\"0.05\"" : "size=\"0.1 0.1 0.1\"";
        };
    }
}
