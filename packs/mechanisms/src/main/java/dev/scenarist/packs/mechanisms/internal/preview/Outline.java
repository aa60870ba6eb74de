package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The edges that outline a surface: borders (an edge of one triangle only) and creases (where the faces on either
 * side turn by more than {@link #CREASE_DEGREES}). For a box these are its twelve edges, for a cylinder its rims; a
 * sphere has none. Corners are matched by exact coordinates, which holds because the tessellator computes a shared
 * corner once.
 */
final class Outline {
    static final double CREASE_DEGREES = 30;

    private Outline() {}

    /** One edge of the outline. */
    record Segment(Vec3 from, Vec3 to) {}

    private record Edge(Vec3 a, Vec3 b) {
        static Edge of(Vec3 p, Vec3 q) {
            return compare(p, q) <= 0 ? new Edge(p, q) : new Edge(q, p);
        }

        private static int compare(Vec3 p, Vec3 q) {
            int c = Double.compare(p.x(), q.x());
            if (c == 0) c = Double.compare(p.y(), q.y());
            if (c == 0) c = Double.compare(p.z(), q.z());
            return c;
        }
    }

    /** The outline of {@code s}, in the order its triangles first name each edge. */
    static List<Segment> of(Surface s) {
        Map<Edge, List<Vec3>> faces = new LinkedHashMap<>();
        for (int t = 0; t < s.triangles(); t++) {
            Vec3 a = s.cornerPoint(t, 0);
            Vec3 b = s.cornerPoint(t, 1);
            Vec3 c = s.cornerPoint(t, 2);
            Vec3 n = b.minus(a).cross(c.minus(a));
            if (!(n.length() > 0)) {
                continue;
            }
            Vec3 unit = n.normalized();
            for (Edge e : List.of(Edge.of(a, b), Edge.of(b, c), Edge.of(c, a))) {
                faces.computeIfAbsent(e, k -> new ArrayList<>()).add(unit);
            }
        }
        double cosCrease = Math.cos(Math.toRadians(CREASE_DEGREES));
        List<Segment> out = new ArrayList<>();
        for (Map.Entry<Edge, List<Vec3>> e : faces.entrySet()) {
            List<Vec3> normals = e.getValue();
            boolean edge = normals.size() != 2 || normals.get(0).dot(normals.get(1)) < cosCrease;
            if (edge) {
                out.add(new Segment(e.getKey().a(), e.getKey().b()));
            }
        }
        return out;
    }
}
