package dev.scenarist.packs.mechanisms.scene;

import java.util.ArrayList;
import java.util.List;

/**
 * Meshes that are watertight by construction: closed, manifold, outward-oriented, free of T-junctions. Each
 * builder makes every vertex once and stitches the caps and walls from the same vertex indices, so no two faces can
 * disagree about an edge (the failure mode of CSG libraries, which leave T-junctions).
 *
 * <p>Trigonometry uses {@link StrictMath}, whose results the Java specification fixes, so a mesh is the same bit
 * for bit on every JVM and platform.
 */
public final class Meshes {
    private Meshes() {}

    /**
     * A prism: {@code polygon} (in the xy plane) extruded along z from {@code -height/2} to {@code +height/2}.
     * The polygon must be simple (edges neither cross nor touch); counter-clockwise is expected, clockwise is
     * reversed. Repeated and collinear points are dropped.
     */
    public static TriangleMesh extrusion(List<Vec2> polygon, double height) {
        Preconditions.positive("extrusion height", height);
        List<Vec2> p = simpleCounterClockwise("extrusion polygon", polygon);
        TriangleMesh.Builder m = TriangleMesh.builder();
        int n = p.size();
        int[] bottom = new int[n];
        int[] top = new int[n];
        for (int i = 0; i < n; i++) {
            bottom[i] = m.vertex(p.get(i).x(), p.get(i).y(), -height / 2);
            top[i] = m.vertex(p.get(i).x(), p.get(i).y(), height / 2);
        }
        for (int[] t : Polygon2d.triangulate(p)) {
            m.triangle(top[t[0]], top[t[1]], top[t[2]]);
            m.triangle(bottom[t[0]], bottom[t[2]], bottom[t[1]]); // reversed: the bottom faces down
        }
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            m.quad(bottom[i], bottom[j], top[j], top[i]); // outward: the interior is left of a CCW edge
        }
        return m.build();
    }

    /**
     * A solid of revolution about the z axis. {@code profile} is a list of (r, z) points with r ≥ 0, either:
     * <ul>
     *   <li>closed at the axis: the first and last points have r = 0 and all others r > 0 (a vase, a knob, a cone), or
     *   <li>a closed loop with every r > 0 (a ring, a pulley rim — a torus-like solid with a hole).
     * </ul>
     * The profile, closed along the axis or back to its start, must be simple. {@code segments} (≥ 3) is the number
     * of facets around the axis.
     */
    public static TriangleMesh revolution(List<Vec2> profile, int segments) {
        if (segments < 3) throw new IllegalArgumentException("revolution needs at least 3 segments, was " + segments);
        List<Vec2> p = withoutRepeats(profile);
        if (p.size() < 3) throw new IllegalArgumentException("revolution profile needs at least 3 distinct points");
        boolean closedAtAxis = p.get(0).x() == 0 && p.get(p.size() - 1).x() == 0;
        for (int i = 0; i < p.size(); i++) {
            double r = p.get(i).x();
            boolean end = i == 0 || i == p.size() - 1;
            if (r < 0) throw new IllegalArgumentException("revolution profile point " + i + " has r = " + r + " < 0");
            if (r == 0 && !(closedAtAxis && end)) {
                throw new IllegalArgumentException("revolution profile point " + i + " lies on the axis (r = 0):"
                        + " only the first and last points may, and then both must");
            }
        }
        int[] crossing = Polygon2d.firstCrossing(p);
        if (crossing != null) {
            throw new IllegalArgumentException("revolution profile is not simple: segment " + crossing[0]
                    + " touches segment " + crossing[1] + " (the closing segment runs from the last point to the first)");
        }
        if (Polygon2d.doubleArea(p) == 0) throw new IllegalArgumentException("revolution profile encloses no area");
        if (Polygon2d.doubleArea(p) < 0) p = reversed(p); // counter-clockwise in (r, z) makes outward normals below

        TriangleMesh.Builder m = TriangleMesh.builder();
        int[][] rings = new int[p.size()][];
        for (int i = 0; i < p.size(); i++) rings[i] = ring(m, p.get(i), segments);
        int last = closedAtAxis ? p.size() - 1 : p.size();
        for (int i = 0; i < last; i++) band(m, rings[i], rings[(i + 1) % p.size()], segments);
        return m.build();
    }

    /**
     * A plate (box of half-sizes {@code halfX, halfY, halfZ}, centred on the origin) with a round through-hole
     * along z at the centre, approximated by a regular polygon of {@code segments} sides — e.g. for peg-in-hole.
     */
    public static TriangleMesh boxWithHole(double halfX, double halfY, double halfZ, double holeRadius, int segments) {
        return boxWithHole(halfX, halfY, halfZ, Vec2.of(0, 0), holeRadius, segments);
    }

    /** As {@link #boxWithHole(double, double, double, double, int)}, with the hole centred at {@code holeCenter}. */
    public static TriangleMesh boxWithHole(double halfX, double halfY, double halfZ, Vec2 holeCenter,
            double holeRadius, int segments) {
        Preconditions.positive("hole radius", holeRadius);
        if (segments < 3) throw new IllegalArgumentException("hole needs at least 3 segments, was " + segments);
        List<Vec2> hole = new ArrayList<>();
        for (Vec2 v : regularPolygon(holeRadius, segments)) hole.add(Vec2.of(holeCenter.x() + v.x(), holeCenter.y() + v.y()));
        return PlateWithHole.build(halfX, halfY, halfZ, holeCenter, hole);
    }

    /** A plate with a rectangular through-hole of half-sizes {@code holeHalfX, holeHalfY} centred at {@code holeCenter}. */
    public static TriangleMesh boxWithRectHole(double halfX, double halfY, double halfZ, Vec2 holeCenter,
            double holeHalfX, double holeHalfY) {
        Preconditions.positive("hole half-size x", holeHalfX);
        Preconditions.positive("hole half-size y", holeHalfY);
        double cx = holeCenter.x();
        double cy = holeCenter.y();
        List<Vec2> hole = List.of(Vec2.of(cx + holeHalfX, cy + holeHalfY), Vec2.of(cx - holeHalfX, cy + holeHalfY),
                Vec2.of(cx - holeHalfX, cy - holeHalfY), Vec2.of(cx + holeHalfX, cy - holeHalfY));
        return PlateWithHole.build(halfX, halfY, halfZ, holeCenter, hole);
    }

    /** {@code n} points on a circle of {@code radius}, counter-clockwise from the +x axis: an extrusion outline. */
    public static List<Vec2> regularPolygon(double radius, int n) {
        Preconditions.positive("polygon radius", radius);
        if (n < 3) throw new IllegalArgumentException("a polygon needs at least 3 points, was " + n);
        List<Vec2> p = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            p.add(Vec2.of(radius * StrictMath.cos(a), radius * StrictMath.sin(a)));
        }
        return p;
    }

    /** A simple polygon, cleaned of redundant points and turned counter-clockwise; refused with a reason otherwise. */
    static List<Vec2> simpleCounterClockwise(String what, List<Vec2> polygon) {
        if (polygon == null || polygon.size() < 3) {
            throw new IllegalArgumentException(what + " needs at least 3 points");
        }
        List<Vec2> p = Polygon2d.withoutRedundantPoints(polygon);
        if (p.size() < 3) throw new IllegalArgumentException(what + " encloses no area (all points on one line)");
        int[] crossing = Polygon2d.firstCrossing(p);
        if (crossing != null) {
            throw new IllegalArgumentException(what + " is not simple: edge " + crossing[0] + " (" + p.get(crossing[0])
                    + " onwards) touches edge " + crossing[1] + " (" + p.get(crossing[1]) + " onwards)");
        }
        if (Polygon2d.doubleArea(p) == 0) throw new IllegalArgumentException(what + " encloses no area");
        return Polygon2d.doubleArea(p) > 0 ? p : reversed(p);
    }

    /** One vertex on the axis, or a ring of {@code segments} vertices around it. */
    private static int[] ring(TriangleMesh.Builder m, Vec2 rz, int segments) {
        if (rz.x() == 0) return new int[] {m.vertex(0, 0, rz.y())};
        int[] ring = new int[segments];
        for (int j = 0; j < segments; j++) {
            double a = 2 * Math.PI * j / segments;
            ring[j] = m.vertex(rz.x() * StrictMath.cos(a), rz.x() * StrictMath.sin(a), rz.y());
        }
        return ring;
    }

    /**
     * The surface swept by one profile segment from ring a to ring b: trapezoids (planar, as both rings share their
     * angles), or a fan where one end is a pole. With a counter-clockwise profile the winding faces outwards.
     */
    private static void band(TriangleMesh.Builder m, int[] a, int[] b, int segments) {
        for (int j = 0; j < segments; j++) {
            int k = (j + 1) % segments;
            if (a.length == 1) {
                m.triangle(a[0], b[k], b[j]);
            } else if (b.length == 1) {
                m.triangle(a[j], a[k], b[0]);
            } else {
                m.quad(a[j], a[k], b[k], b[j]);
            }
        }
    }

    private static List<Vec2> withoutRepeats(List<Vec2> in) {
        if (in == null) throw new IllegalArgumentException("profile must not be null");
        List<Vec2> out = new ArrayList<>();
        for (Vec2 v : in) if (out.isEmpty() || !out.get(out.size() - 1).equals(v)) out.add(v);
        if (out.size() > 1 && out.get(0).equals(out.get(out.size() - 1))) out.remove(out.size() - 1);
        return out;
    }

    private static List<Vec2> reversed(List<Vec2> p) {
        List<Vec2> r = new ArrayList<>(p);
        java.util.Collections.reverse(r);
        return r;
    }
}
