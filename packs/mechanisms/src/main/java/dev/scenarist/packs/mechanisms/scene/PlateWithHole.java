package dev.scenarist.packs.mechanisms.scene;

import dev.scenarist.packs.mechanisms.internal.scenefile.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a rectangular plate with a convex through-hole. The top face is the region between the rectangle and the
 * hole. To triangulate it without T-junctions, a ray is cast from the hole centre through every hole vertex; where
 * it meets the rectangle becomes an outer vertex. Each sector between two consecutive rays is then a convex polygon
 * (hole edge, ray, rectangle edge(s) with any corner, ray), which a fan from its first hole vertex triangulates.
 * The walls reuse exactly the cap vertices, so every edge is shared by exactly two triangles.
 */
final class PlateWithHole {
    private static final double TWO_PI = 2 * Math.PI;

    private PlateWithHole() {}

    /** {@code hole}: a convex polygon, counter-clockwise, around {@code center}. */
    static TriangleMesh build(double hx, double hy, double hz, Vec2 center, List<Vec2> hole) {
        Preconditions.positive("plate half-size x", hx);
        Preconditions.positive("plate half-size y", hy);
        Preconditions.positive("plate half-size z", hz);
        for (Vec2 v : hole) {
            if (!(Math.abs(v.x()) < hx && Math.abs(v.y()) < hy)) {
                throw new IllegalArgumentException("hole point " + v + " is not strictly inside the plate"
                        + " (|x| < " + Numbers.format(hx) + ", |y| < " + Numbers.format(hy) + "): shrink or move the hole");
            }
        }
        List<Vec2> corners = List.of(Vec2.of(hx, hy), Vec2.of(-hx, hy), Vec2.of(-hx, -hy), Vec2.of(hx, -hy));
        int n = hole.size();
        double[] rayAngle = new double[n];
        Vec2[] rayHit = new Vec2[n];
        for (int i = 0; i < n; i++) {
            rayAngle[i] = angle(center, hole.get(i));
            rayHit[i] = snapToCorner(hit(center, hole.get(i), hx, hy), corners, hx, hy);
        }

        // Outer ring, counter-clockwise: each ray hit, then the corners inside that ray's sector.
        List<Vec2> outer = new ArrayList<>();
        int[] sectorStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            sectorStart[i] = outer.size();
            outer.add(rayHit[i]);
            outer.addAll(cornersBetween(center, rayAngle[i], rayAngle[(i + 1) % n], corners, rayHit));
        }
        sectorStart[n] = outer.size();

        TriangleMesh.Builder m = TriangleMesh.builder();
        int[][] in = verticesAt(m, hole, hz);
        int[][] out = verticesAt(m, outer, hz);
        final int top = 0;
        final int bottom = 1;
        for (int i = 0; i < n; i++) {
            int inNext = (i + 1) % n;
            int outEnd = sectorStart[i + 1] % outer.size(); // the next ray's hit closes the sector
            List<Integer> chain = new ArrayList<>();
            for (int k = sectorStart[i]; k < sectorStart[i + 1]; k++) chain.add(k);
            chain.add(outEnd);
            for (int k = 0; k + 1 < chain.size(); k++) {
                m.triangle(in[top][i], out[top][chain.get(k)], out[top][chain.get(k + 1)]);
                m.triangle(in[bottom][i], out[bottom][chain.get(k + 1)], out[bottom][chain.get(k)]);
            }
            m.triangle(in[top][i], out[top][outEnd], in[top][inNext]);
            m.triangle(in[bottom][i], in[bottom][inNext], out[bottom][outEnd]);
        }
        for (int k = 0; k < outer.size(); k++) {
            int next = (k + 1) % outer.size();
            m.quad(out[bottom][k], out[bottom][next], out[top][next], out[top][k]); // facing away from the plate
        }
        for (int i = 0; i < n; i++) {
            int next = (i + 1) % n;
            m.quad(in[bottom][next], in[bottom][i], in[top][i], in[top][next]); // facing into the hole
        }
        return m.build();
    }

    private static int[][] verticesAt(TriangleMesh.Builder m, List<Vec2> ring, double hz) {
        int[][] v = new int[2][ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            v[0][i] = m.vertex(ring.get(i).x(), ring.get(i).y(), hz);
            v[1][i] = m.vertex(ring.get(i).x(), ring.get(i).y(), -hz);
        }
        return v;
    }

    /** Where the ray from {@code c} through {@code p} leaves the rectangle; the coordinate on the hit side is exact. */
    private static Vec2 hit(Vec2 c, Vec2 p, double hx, double hy) {
        double dx = p.x() - c.x();
        double dy = p.y() - c.y();
        double tx = dx > 0 ? (hx - c.x()) / dx : dx < 0 ? (-hx - c.x()) / dx : Double.POSITIVE_INFINITY;
        double ty = dy > 0 ? (hy - c.y()) / dy : dy < 0 ? (-hy - c.y()) / dy : Double.POSITIVE_INFINITY;
        if (tx <= ty) return Vec2.of(Math.copySign(hx, dx), clamp(c.y() + tx * dy, hy));
        return Vec2.of(clamp(c.x() + ty * dx, hx), Math.copySign(hy, dy));
    }

    /** A hit within rounding of a corner is the corner, so the corner is not added a second time next to it. */
    private static Vec2 snapToCorner(Vec2 v, List<Vec2> corners, double hx, double hy) {
        double tolerance = 1e-9 * Math.max(hx, hy);
        for (Vec2 c : corners) {
            if (Math.abs(v.x() - c.x()) <= tolerance && Math.abs(v.y() - c.y()) <= tolerance) return c;
        }
        return v;
    }

    private static List<Vec2> cornersBetween(Vec2 c, double from, double to, List<Vec2> corners, Vec2[] rayHits) {
        double span = positiveAngle(to - from);
        List<Vec2> inside = new ArrayList<>();
        for (Vec2 corner : corners) {
            if (List.of(rayHits).contains(corner)) continue;
            double d = positiveAngle(angle(c, corner) - from);
            if (d > 0 && d < span) inside.add(corner);
        }
        inside.sort((a, b) -> Double.compare(positiveAngle(angle(c, a) - from), positiveAngle(angle(c, b) - from)));
        return inside;
    }

    private static double angle(Vec2 from, Vec2 to) {
        return StrictMath.atan2(to.y() - from.y(), to.x() - from.x());
    }

    private static double positiveAngle(double a) {
        double r = a % TWO_PI;
        return r < 0 ? r + TWO_PI : r;
    }

    private static double clamp(double v, double limit) {
        return Math.max(-limit, Math.min(limit, v));
    }
}
