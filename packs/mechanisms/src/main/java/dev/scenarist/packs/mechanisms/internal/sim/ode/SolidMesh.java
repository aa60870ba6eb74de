package dev.scenarist.packs.mechanisms.internal.sim.ode;

import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A closed triangle mesh: vertices and counter-clockwise (seen from outside) triangles. Gives the solid's mass
 * properties by exact polyhedral integration, and its convex hull — which is what MuJoCo collides a mesh geom as.
 */
record SolidMesh(List<Vec3> vertices, List<int[]> triangles) {

    SolidMesh {
        vertices = List.copyOf(vertices);
        triangles = triangles.stream().map(int[]::clone).toList();
    }

    /** Signed volume (positive for outward-facing triangles). */
    double volume() {
        double v = 0;
        for (int[] t : triangles) {
            Vec3 a = vertices.get(t[0]);
            v += a.dot(vertices.get(t[1]).cross(vertices.get(t[2]))) / 6;
        }
        return v;
    }

    /**
     * Mass properties of the solid at uniform {@code density}: the sum over the tetrahedra each triangle spans with
     * the origin (signed, so exact for any closed, consistently wound mesh).
     */
    MassProperties massProperties(double density) {
        double vol = 0;
        double cx = 0;
        double cy = 0;
        double cz = 0;
        double[] cov = new double[9]; // ∫ x xᵀ dV about the origin
        for (int[] t : triangles) {
            Vec3 a = vertices.get(t[0]);
            Vec3 b = vertices.get(t[1]);
            Vec3 c = vertices.get(t[2]);
            double v = a.dot(b.cross(c)) / 6;
            vol += v;
            Vec3 s = a.plus(b).plus(c);
            cx += v * s.x() / 4;
            cy += v * s.y() / 4;
            cz += v * s.z() / 4;
            double[][] p = {{a.x(), a.y(), a.z()}, {b.x(), b.y(), b.z()}, {c.x(), c.y(), c.z()}};
            double[] sum = {s.x(), s.y(), s.z()};
            for (int r = 0; r < 3; r++) {
                for (int k = 0; k < 3; k++) {
                    double outer = p[0][r] * p[0][k] + p[1][r] * p[1][k] + p[2][r] * p[2][k] + sum[r] * sum[k];
                    cov[3 * r + k] += v / 20 * outer;
                }
            }
        }
        if (!(Math.abs(vol) > 1e-18)) {
            return MassProperties.NONE;
        }
        double mass = density * vol;
        Vec3 com = new Vec3(cx / vol, cy / vol, cz / vol);
        double trace = cov[0] + cov[4] + cov[8];
        double[] inertia = new double[9];
        double[] c = {com.x(), com.y(), com.z()};
        double cc = com.dot(com);
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                double aboutOrigin = density * ((r == k ? trace : 0) - cov[3 * r + k]);
                inertia[3 * r + k] = aboutOrigin - mass * ((r == k ? cc : 0) - c[r] * c[k]);
            }
        }
        return new MassProperties(mass, com, inertia);
    }

    Vec3 centroid() {
        double x = 0;
        double y = 0;
        double z = 0;
        for (Vec3 v : vertices) {
            x += v.x();
            y += v.y();
            z += v.z();
        }
        int n = Math.max(1, vertices.size());
        return new Vec3(x / n, y / n, z / n);
    }

    /**
     * The convex hull of {@code points} by incremental construction: start from a tetrahedron of extreme points, add
     * each remaining point that lies outside, replacing the faces it sees by a fan to their horizon.
     *
     * @throws IllegalArgumentException when the points are (nearly) flat or collinear: no solid hull
     */
    static SolidMesh convexHull(List<Vec3> points) {
        List<Vec3> pts = distinct(points);
        if (pts.size() < 4) {
            throw new IllegalArgumentException("a convex hull needs at least 4 distinct points, got " + pts.size());
        }
        double scale = 0;
        for (Vec3 p : pts) {
            scale = Math.max(scale, Math.max(Math.abs(p.x()), Math.max(Math.abs(p.y()), Math.abs(p.z()))));
        }
        double eps = 1e-10 * Math.max(scale, 1e-12);
        int i0 = 0;
        for (int i = 1; i < pts.size(); i++) {
            if (pts.get(i).x() < pts.get(i0).x()) {
                i0 = i;
            }
        }
        final int a0 = i0;
        final int a1 = farthest(pts, i -> pts.get(i).minus(pts.get(a0)).length());
        Vec3 dir = pts.get(a1).minus(pts.get(a0));
        final int a2 = farthest(pts, i -> pts.get(i).minus(pts.get(a0)).cross(dir).length());
        Vec3 n = dir.cross(pts.get(a2).minus(pts.get(a0)));
        if (dir.length() < eps || n.length() < eps * Math.max(dir.length(), eps)) {
            throw new IllegalArgumentException("the points are collinear: no solid convex hull");
        }
        int i3 = farthest(pts, i -> Math.abs(pts.get(i).minus(pts.get(a0)).dot(n)));
        double height = pts.get(i3).minus(pts.get(a0)).dot(n) / n.length();
        if (Math.abs(height) < 1e-9 * Math.max(scale, 1e-12)) {
            throw new IllegalArgumentException("the points are coplanar: no solid convex hull");
        }
        Builder b = new Builder(pts, eps);
        if (height > 0) { // make every face of the start tetrahedron face away from the fourth point
            b.face(i0, a2, a1);
            b.face(i0, a1, i3);
            b.face(a1, a2, i3);
            b.face(a2, i0, i3);
        } else {
            b.face(i0, a1, a2);
            b.face(i0, i3, a1);
            b.face(a1, i3, a2);
            b.face(a2, i3, i0);
        }
        for (int p = 0; p < pts.size(); p++) {
            if (p != i0 && p != a1 && p != a2 && p != i3) {
                b.add(p);
            }
        }
        return b.mesh();
    }

    private static List<Vec3> distinct(List<Vec3> points) {
        Map<Vec3, Boolean> seen = new LinkedHashMap<>();
        for (Vec3 p : points) {
            seen.putIfAbsent(p, Boolean.TRUE);
        }
        return new ArrayList<>(seen.keySet());
    }

    private static int farthest(List<Vec3> pts, java.util.function.IntToDoubleFunction d) {
        int best = 0;
        double bestD = -1;
        for (int i = 0; i < pts.size(); i++) {
            double v = d.applyAsDouble(i);
            if (v > bestD) {
                bestD = v;
                best = i;
            }
        }
        return best;
    }

    /** The hull under construction: live faces and, per directed edge, the face that owns it. */
    private static final class Builder {
        private final List<Vec3> pts;
        private final double eps;
        private final List<int[]> faces = new ArrayList<>();
        private final List<Vec3> normals = new ArrayList<>();
        private final List<Boolean> alive = new ArrayList<>();
        private final Map<Long, Integer> edgeOwner = new HashMap<>();

        Builder(List<Vec3> pts, double eps) {
            this.pts = pts;
            this.eps = eps;
        }

        void face(int a, int b, int c) {
            int id = faces.size();
            faces.add(new int[] {a, b, c});
            normals.add(pts.get(b).minus(pts.get(a)).cross(pts.get(c).minus(pts.get(a))));
            alive.add(true);
            edgeOwner.put(key(a, b), id);
            edgeOwner.put(key(b, c), id);
            edgeOwner.put(key(c, a), id);
        }

        private boolean sees(int f, int p) {
            int[] t = faces.get(f);
            Vec3 nrm = normals.get(f);
            double len = nrm.length();
            return len > 0 && pts.get(p).minus(pts.get(t[0])).dot(nrm) / len > eps;
        }

        void add(int p) {
            List<Integer> visible = new ArrayList<>();
            for (int f = 0; f < faces.size(); f++) {
                if (alive.get(f) && sees(f, p)) {
                    visible.add(f);
                }
            }
            if (visible.isEmpty()) {
                return; // inside (or on) the hull
            }
            java.util.Set<Integer> vis = new java.util.HashSet<>(visible);
            List<int[]> horizon = new ArrayList<>();
            for (int f : visible) {
                int[] t = faces.get(f);
                for (int k = 0; k < 3; k++) {
                    int a = t[k];
                    int b = t[(k + 1) % 3];
                    Integer across = edgeOwner.get(key(b, a));
                    if (across == null || !vis.contains(across)) {
                        horizon.add(new int[] {a, b});
                    }
                }
            }
            for (int f : visible) {
                alive.set(f, false);
                int[] t = faces.get(f);
                for (int k = 0; k < 3; k++) {
                    edgeOwner.remove(key(t[k], t[(k + 1) % 3]), f);
                }
            }
            for (int[] e : horizon) {
                face(e[0], e[1], p);
            }
        }

        SolidMesh mesh() {
            Map<Integer, Integer> index = new LinkedHashMap<>();
            List<Vec3> verts = new ArrayList<>();
            List<int[]> tris = new ArrayList<>();
            for (int f = 0; f < faces.size(); f++) {
                if (!alive.get(f)) {
                    continue;
                }
                int[] t = faces.get(f);
                int[] out = new int[3];
                for (int k = 0; k < 3; k++) {
                    out[k] = index.computeIfAbsent(t[k], i -> {
                        verts.add(pts.get(i));
                        return verts.size() - 1;
                    });
                }
                tris.add(out);
            }
            return new SolidMesh(verts, tris);
        }

        private static long key(int a, int b) {
            return ((long) a << 32) | (b & 0xffffffffL);
        }
    }
}
