package dev.scenarist.packs.mechanisms.scene;

import java.util.ArrayList;
import java.util.List;

/**
 * 2-D outline helpers for {@link Meshes}: cleaning, simplicity, orientation and ear-clipping triangulation. All
 * polygons are closed implicitly (the last point connects to the first).
 */
final class Polygon2d {
    private Polygon2d() {}

    /** Twice the signed area: positive for counter-clockwise. */
    static double doubleArea(List<Vec2> p) {
        double a = 0;
        for (int i = 0; i < p.size(); i++) a += p.get(i).cross(p.get((i + 1) % p.size()));
        return a;
    }

    /**
     * Drops repeated points and points on a straight line between their neighbours. Both would only produce
     * zero-area triangles; removing them leaves the shape unchanged.
     */
    static List<Vec2> withoutRedundantPoints(List<Vec2> in) {
        List<Vec2> p = new ArrayList<>(in);
        boolean changed = true;
        while (changed && p.size() >= 3) {
            changed = false;
            for (int i = 0; i < p.size() && p.size() >= 3; i++) {
                Vec2 prev = p.get((i + p.size() - 1) % p.size());
                Vec2 cur = p.get(i);
                Vec2 next = p.get((i + 1) % p.size());
                if (cur.equals(prev) || cross(prev, cur, next) == 0) {
                    p.remove(i);
                    changed = true;
                    i--;
                }
            }
        }
        return p;
    }

    /** The first pair of non-adjacent edges that touch or cross, as {@code {i, j}} (edge i runs from point i), or null. */
    static int[] firstCrossing(List<Vec2> p) {
        int n = p.size();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean adjacent = j == i + 1 || (i == 0 && j == n - 1);
                if (adjacent) continue;
                if (segmentsTouch(p.get(i), p.get((i + 1) % n), p.get(j), p.get((j + 1) % n))) return new int[] {i, j};
            }
        }
        return null;
    }

    /**
     * Triangulates a simple counter-clockwise polygon by ear clipping. Returns index triples into {@code p}, each
     * counter-clockwise. O(n³) worst case, which is fine for the outlines templates draw (tens to hundreds of points).
     */
    static List<int[]> triangulate(List<Vec2> p) {
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) remaining.add(i);
        List<int[]> triangles = new ArrayList<>();
        while (remaining.size() > 3) {
            int ear = findEar(p, remaining);
            if (ear < 0) {
                throw new IllegalArgumentException("polygon could not be triangulated: it is probably not simple"
                        + " (edges cross or touch)");
            }
            int n = remaining.size();
            triangles.add(new int[] {remaining.get((ear + n - 1) % n), remaining.get(ear), remaining.get((ear + 1) % n)});
            remaining.remove(ear);
        }
        triangles.add(new int[] {remaining.get(0), remaining.get(1), remaining.get(2)});
        return triangles;
    }

    private static int findEar(List<Vec2> p, List<Integer> remaining) {
        int n = remaining.size();
        for (int k = 0; k < n; k++) {
            Vec2 a = p.get(remaining.get((k + n - 1) % n));
            Vec2 b = p.get(remaining.get(k));
            Vec2 c = p.get(remaining.get((k + 1) % n));
            if (cross(a, b, c) <= 0) continue; // reflex or flat corner: cutting it would leave the polygon
            boolean empty = true;
            for (int m = 0; m < n && empty; m++) {
                int idx = remaining.get(m);
                Vec2 q = p.get(idx);
                if (q.equals(a) || q.equals(b) || q.equals(c)) continue;
                if (insideOrOn(q, a, b, c)) empty = false;
            }
            if (empty) return k;
        }
        return -1;
    }

    static double cross(Vec2 a, Vec2 b, Vec2 c) {
        return b.minus(a).cross(c.minus(a));
    }

    private static boolean insideOrOn(Vec2 q, Vec2 a, Vec2 b, Vec2 c) {
        return cross(a, b, q) >= 0 && cross(b, c, q) >= 0 && cross(c, a, q) >= 0;
    }

    private static boolean segmentsTouch(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
        double d1 = cross(c, d, a);
        double d2 = cross(c, d, b);
        double d3 = cross(a, b, c);
        double d4 = cross(a, b, d);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
        return (d1 == 0 && onSegment(c, d, a)) || (d2 == 0 && onSegment(c, d, b))
                || (d3 == 0 && onSegment(a, b, c)) || (d4 == 0 && onSegment(a, b, d));
    }

    private static boolean onSegment(Vec2 s, Vec2 e, Vec2 q) {
        return Math.min(s.x(), e.x()) <= q.x() && q.x() <= Math.max(s.x(), e.x())
                && Math.min(s.y(), e.y()) <= q.y() && q.y() <= Math.max(s.y(), e.y());
    }
}
