package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.scene.TriangleMesh;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns parts into world-space triangles. Curved primitives are surfaces of revolution about local z with a normal
 * per corner (so they shade smoothly); boxes, meshes and floors are flat-shaded. Planes are drawn last, as floors
 * sized to the other parts, because an infinite plane has no size of its own.
 */
final class Tessellator {
    /** Facets around a curved primitive: smooth at preview sizes, cheap (a sphere is ~1000 triangles). */
    static final int SEGMENTS = 32;
    /** Facets from pole to pole of a sphere (half of them per capsule cap). */
    static final int RINGS = 16;
    /** The scene shown when there is nothing but planes: a metre around the origin. */
    private static final Bounds EMPTY_SCENE = new Bounds(new Vec3(-0.5, -0.5, 0), new Vec3(0.5, 0.5, 0.5));

    private Tessellator() {}

    /**
     * The surfaces of a scene, and what the camera frames.
     *
     * @param surfaces floors first, then the other parts in document order
     * @param framed the corners of the parts in focus (every part but the floors when none is), plus their
     *     footprints on the planes (so the ground under them is in view): the camera fits exactly these, which frames
     *     round shapes tighter than their bounding boxes would
     * @param bounds the box around {@code framed}
     */
    record Tessellation(List<Surface> surfaces, List<Vec3> framed, Bounds bounds) {
        /** Half the framed box's diagonal: the scene's size, for depth tolerances. */
        double radius() {
            return Math.max(bounds.radius(), 1e-3);
        }
    }

    /** The whole scene in view. */
    static Tessellation tessellate(PreviewScene scene) {
        return tessellate(scene, p -> true);
    }

    /**
     * The scene with the camera on the parts {@code focus} accepts (a task's subject and zones); the rest is drawn
     * but may leave the picture. When no part is in focus, the whole scene is.
     */
    static Tessellation tessellate(PreviewScene scene, Predicate<Part> focus) {
        List<Surface> solids = new ArrayList<>();
        List<Vec3> framed = new ArrayList<>();
        List<Vec3> all = new ArrayList<>();
        Bounds bounds = null;
        Bounds focused = null;
        for (Part p : scene.parts()) {
            if (p.shape() instanceof Shape.Plane) {
                continue;
            }
            Surface s = solid(p);
            solids.add(s);
            boolean inFocus = focus.test(p);
            for (int t = 0; t < s.triangles(); t++) {
                for (int c = 0; c < 3; c++) {
                    (inFocus ? framed : all).add(s.cornerPoint(t, c));
                }
            }
            Bounds b = s.bounds();
            if (b != null) {
                bounds = bounds == null ? b : bounds.plus(b);
                focused = !inFocus ? focused : focused == null ? b : focused.plus(b);
            }
        }
        if (focused == null) {
            framed.addAll(all);
            focused = bounds;
        }
        Bounds objects = bounds == null ? EMPTY_SCENE : bounds;
        if (bounds == null) {
            framed.addAll(objects.corners());
            focused = objects;
        }
        // The camera frames the parts in focus and the ground under them; each floor then reaches a few radii of
        // the whole scene around its centre, so a floor far below a small part still reads as the ground it would
        // fall on.
        Bounds view = objects;
        for (Part p : scene.parts()) {
            if (p.shape() instanceof Shape.Plane plane) {
                for (Vec3 corner : objects.corners()) {
                    view = view.plus(p.pose().apply(Floor.onPlane(plane, p.pose().applyInverse(corner))));
                }
                for (Vec3 corner : focused.corners()) {
                    framed.add(p.pose().apply(Floor.onPlane(plane, p.pose().applyInverse(corner))));
                }
            }
        }
        List<Surface> surfaces = new ArrayList<>();
        for (Part p : scene.parts()) {
            if (p.shape() instanceof Shape.Plane plane) {
                surfaces.add(floor(p, Floor.under(plane, p.pose(), view)));
            }
        }
        surfaces.addAll(solids);
        return new Tessellation(surfaces, framed, view.atLeast(1e-3));
    }

    private static Surface.Builder builder(Part p) {
        Rasterizer.Layer layer = p.shape() instanceof Shape.Plane ? Rasterizer.Layer.GROUND
                : p.label().isZone() ? Rasterizer.Layer.MARKER : Rasterizer.Layer.BODY;
        return new Surface.Builder(p.pose(), p.colour().a(), p.outlined() ? Palette.outline(p.colour()) : null, layer);
    }

    static Surface solid(Part p) {
        Surface.Builder b = builder(p);
        int rgb = p.colour().rgb();
        switch (p.shape()) {
            case Shape.Box box -> box(b, box, rgb);
            case Shape.Sphere s -> revolve(b, sphereProfile(s.radius(), 0, RINGS), Vec3.of(1, 1, 1), rgb);
            case Shape.Ellipsoid e -> revolve(b, sphereProfile(1, 0, RINGS),
                    Vec3.of(e.radiusX(), e.radiusY(), e.radiusZ()), rgb);
            case Shape.Capsule c -> revolve(b, capsuleProfile(c.radius(), c.halfLength()), Vec3.of(1, 1, 1), rgb);
            case Shape.Cylinder c -> revolve(b, cylinderProfile(c.radius(), c.halfLength()), Vec3.of(1, 1, 1), rgb);
            case Shape.Mesh m -> mesh(b, m.mesh(), m.scale(), rgb);
            case Shape.Plane plane -> throw new IllegalArgumentException("planes are drawn as floors");
        }
        return b.build();
    }

    /** The floor of a plane part: checker squares in its colour and its alternate colour. */
    static Surface floor(Part p, Floor f) {
        Surface.Builder b = builder(p);
        int even = p.colour().rgb();
        int odd = p.alternate().rgb();
        long i0 = (long) Math.floor(f.x0() / f.tile());
        long i1 = (long) Math.ceil(f.x1() / f.tile());
        long j0 = (long) Math.floor(f.y0() / f.tile());
        long j1 = (long) Math.ceil(f.y1() / f.tile());
        for (long i = i0; i < i1; i++) {
            double xa = Math.max(f.x0(), i * f.tile());
            double xb = Math.min(f.x1(), (i + 1) * f.tile());
            for (long j = j0; j < j1; j++) {
                double ya = Math.max(f.y0(), j * f.tile());
                double yb = Math.min(f.y1(), (j + 1) * f.tile());
                if (xb <= xa || yb <= ya) {
                    continue;
                }
                int rgb = ((i + j) & 1) == 0 ? even : odd;
                Vec3 a = Vec3.of(xa, ya, 0);
                Vec3 c = Vec3.of(xb, yb, 0);
                b.flat(a, Vec3.of(xb, ya, 0), c, rgb).flat(a, c, Vec3.of(xa, yb, 0), rgb);
            }
        }
        return b.build();
    }

    private static void box(Surface.Builder b, Shape.Box box, int rgb) {
        double x = box.halfX();
        double y = box.halfY();
        double z = box.halfZ();
        Vec3[] v = new Vec3[8];
        for (int i = 0; i < 8; i++) {
            v[i] = Vec3.of((i & 1) == 0 ? -x : x, (i & 2) == 0 ? -y : y, (i & 4) == 0 ? -z : z);
        }
        // each face anticlockwise seen from outside, so flat() gives outward normals
        int[][] faces = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
        for (int[] f : faces) {
            b.flat(v[f[0]], v[f[1]], v[f[2]], rgb).flat(v[f[0]], v[f[2]], v[f[3]], rgb);
        }
    }

    private static void mesh(Surface.Builder b, TriangleMesh mesh, Vec3 scale, int rgb) {
        for (int t = 0; t < mesh.triangleCount(); t++) {
            b.flat(stretch(mesh.vertex(mesh.corner(t, 0)), scale), stretch(mesh.vertex(mesh.corner(t, 1)), scale),
                    stretch(mesh.vertex(mesh.corner(t, 2)), scale), rgb);
        }
    }

    /** Per-axis stretch; a negative factor mirrors, which two-sided shading does not mind. */
    private static Vec3 stretch(Vec3 v, Vec3 s) {
        return Vec3.of(v.x() * s.x(), v.y() * s.y(), v.z() * s.z());
    }

    // ---- surfaces of revolution ------------------------------------------------------------------------------------

    /**
     * One point of a meridian, from the top of the shape down: distance {@code rho} from the z axis, height
     * {@code z}, and the normal there as its radial and z parts.
     */
    record ProfilePoint(double rho, double z, double normalRho, double normalZ) {}

    /** A sphere's meridian from pole to pole, centred at height {@code z}; {@code rings} facets. */
    static List<ProfilePoint> sphereProfile(double r, double z, int rings) {
        List<ProfilePoint> out = new ArrayList<>();
        for (int k = 0; k <= rings; k++) {
            double theta = Math.PI * k / rings;
            double s = k == 0 || k == rings ? 0 : StrictMath.sin(theta); // exactly 0 at the poles
            double c = StrictMath.cos(theta);
            out.add(new ProfilePoint(r * s, z + r * c, s, c));
        }
        return out;
    }

    /** Top cap (hemisphere at +h), then bottom cap (at −h): the straight side joins them. */
    static List<ProfilePoint> capsuleProfile(double r, double halfLength) {
        List<ProfilePoint> full = sphereProfile(r, 0, RINGS);
        List<ProfilePoint> out = new ArrayList<>();
        int equator = RINGS / 2;
        for (int k = 0; k <= RINGS; k++) {
            ProfilePoint p = full.get(k);
            double shift = k < equator ? halfLength : k > equator ? -halfLength : 0;
            if (k == equator) {
                out.add(new ProfilePoint(p.rho(), halfLength, p.normalRho(), 0));
                out.add(new ProfilePoint(p.rho(), -halfLength, p.normalRho(), 0));
            } else {
                out.add(new ProfilePoint(p.rho(), p.z() + shift, p.normalRho(), p.normalZ()));
            }
        }
        return out;
    }

    /** Top disc, side, bottom disc; rim points repeat with each face's own normal, so the rims stay sharp. */
    static List<ProfilePoint> cylinderProfile(double r, double h) {
        return List.of(new ProfilePoint(0, h, 0, 1), new ProfilePoint(r, h, 0, 1), new ProfilePoint(r, h, 1, 0),
                new ProfilePoint(r, -h, 1, 0), new ProfilePoint(r, -h, 0, -1), new ProfilePoint(0, -h, 0, -1));
    }

    /**
     * Sweeps the meridian around z in {@link #SEGMENTS} steps. {@code scale} stretches the result per axis
     * (an ellipsoid is a stretched unit sphere); normals are stretched by the inverse, which keeps them
     * perpendicular to the stretched surface.
     */
    static void revolve(Surface.Builder b, List<ProfilePoint> profile, Vec3 scale, int rgb) {
        double[] cos = new double[SEGMENTS + 1];
        double[] sin = new double[SEGMENTS + 1];
        for (int j = 0; j <= SEGMENTS; j++) {
            double phi = 2 * Math.PI * (j % SEGMENTS) / SEGMENTS; // the last column repeats the first exactly
            cos[j] = StrictMath.cos(phi);
            sin[j] = StrictMath.sin(phi);
        }
        for (int k = 0; k + 1 < profile.size(); k++) {
            ProfilePoint p = profile.get(k);
            ProfilePoint q = profile.get(k + 1);
            if (p.rho() == q.rho() && p.z() == q.z()) {
                continue; // a crease: the same circle twice, with two normals
            }
            for (int j = 0; j < SEGMENTS; j++) {
                Vec3 a = point(p, cos[j], sin[j], scale);
                Vec3 bb = point(q, cos[j], sin[j], scale);
                Vec3 c = point(q, cos[j + 1], sin[j + 1], scale);
                Vec3 d = point(p, cos[j + 1], sin[j + 1], scale);
                var va = new Surface.Builder.Vertex(a, normal(p, cos[j], sin[j], scale));
                var vb = new Surface.Builder.Vertex(bb, normal(q, cos[j], sin[j], scale));
                var vc = new Surface.Builder.Vertex(c, normal(q, cos[j + 1], sin[j + 1], scale));
                var vd = new Surface.Builder.Vertex(d, normal(p, cos[j + 1], sin[j + 1], scale));
                if (q.rho() != 0) {
                    b.triangle(va, vb, vc, rgb);
                }
                if (p.rho() != 0) {
                    b.triangle(va, vc, vd, rgb);
                }
            }
        }
    }

    private static Vec3 point(ProfilePoint p, double cos, double sin, Vec3 s) {
        return Vec3.of(p.rho() * cos * s.x(), p.rho() * sin * s.y(), p.z() * s.z());
    }

    private static Vec3 normal(ProfilePoint p, double cos, double sin, Vec3 s) {
        Vec3 n = Vec3.of(p.normalRho() * cos / s.x(), p.normalRho() * sin / s.y(), p.normalZ() / s.z());
        double len = n.length();
        return len > 0 ? n.times(1 / len) : Vec3.Z;
    }
}
