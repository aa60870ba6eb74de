package dev.scenarist.packs.mechanisms.internal.mesh;

import dev.scenarist.packs.mechanisms.scene.TriangleMesh;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.HashMap;
import java.util.Map;

/**
 * A triangle soup with coincident vertices merged, so that triangles sharing a corner share a vertex index — the
 * form topology checks need. STL stores every triangle's corners separately; a mesh is only "closed" once equal
 * corners are recognised as one vertex.
 */
final class WeldedMesh {
    final double[] xyz;
    /** Three vertex indices per triangle, in the file's triangle order. */
    final int[] triangles;

    private WeldedMesh(double[] xyz, int[] triangles) {
        this.xyz = xyz;
        this.triangles = triangles;
    }

    /**
     * Welds corners with exactly equal coordinates ({@code tolerance} 0, as MuJoCo does) or, with a positive
     * tolerance, corners closer than it in every coordinate (the first corner seen becomes the representative).
     */
    static WeldedMesh weld(TriangleMesh soup, double tolerance) {
        if (tolerance <= 0) return weldExact(soup);
        Map<Object, Integer> index = new HashMap<>();
        double[] xyz = new double[3 * soup.vertexCount()];
        int[] remap = new int[soup.vertexCount()];
        int count = 0;
        for (int v = 0; v < soup.vertexCount(); v++) {
            Vec3 p = soup.vertex(v);
            Integer found = nearby(index, p, tolerance, xyz);
            if (found == null) {
                found = count++;
                xyz[3 * found] = p.x();
                xyz[3 * found + 1] = p.y();
                xyz[3 * found + 2] = p.z();
                index.put(cellKey(p, tolerance, 0, 0, 0), found);
            }
            remap[v] = found;
        }
        int[] triangles = new int[3 * soup.triangleCount()];
        for (int t = 0; t < soup.triangleCount(); t++) {
            for (int k = 0; k < 3; k++) triangles[3 * t + k] = remap[soup.corner(t, k)];
        }
        return new WeldedMesh(java.util.Arrays.copyOf(xyz, 3 * count), triangles);
    }

    int vertexCount() {
        return xyz.length / 3;
    }

    int triangleCount() {
        return triangles.length / 3;
    }

    int corner(int t, int k) {
        return triangles[3 * t + k];
    }

    Vec3 vertex(int v) {
        return new Vec3(xyz[3 * v], xyz[3 * v + 1], xyz[3 * v + 2]);
    }

    /** True when two corners of the triangle welded into one vertex: it has no area and no proper edges. */
    boolean collapsed(int t) {
        int a = corner(t, 0);
        int b = corner(t, 1);
        int c = corner(t, 2);
        return a == b || b == c || a == c;
    }

    /** Length of the bounding box diagonal: the scale for relative tolerances. */
    double diagonal() {
        if (vertexCount() == 0) return 0;
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < xyz.length; i++) {
            min[i % 3] = Math.min(min[i % 3], xyz[i]);
            max[i % 3] = Math.max(max[i % 3], xyz[i]);
        }
        return Math.sqrt(sq(max[0] - min[0]) + sq(max[1] - min[1]) + sq(max[2] - min[2]));
    }

    private static double sq(double v) {
        return v * v;
    }

    /**
     * Welds corners with equal coordinates (+0.0 and -0.0 being one point) through an open-addressing table of vertex
     * numbers: a robot's meshes have a few hundred thousand corners, and boxed keys in a {@code HashMap} made this the
     * costliest step of judging them.
     */
    private static WeldedMesh weldExact(TriangleMesh soup) {
        int corners = soup.vertexCount();
        double[] xyz = new double[3 * corners];
        int[] remap = new int[corners];
        int[] slots = new int[Integer.highestOneBit(Math.max(2, corners) * 2 - 1) << 1]; // vertex + 1; 0 is empty
        int mask = slots.length - 1;
        int count = 0;
        for (int v = 0; v < corners; v++) {
            Vec3 p = soup.vertex(v);
            double x = p.x() + 0.0;
            double y = p.y() + 0.0;
            double z = p.z() + 0.0;
            int slot = hash(x, y, z) & mask;
            int found = -1;
            while (slots[slot] != 0) {
                int w = slots[slot] - 1;
                if (same(xyz[3 * w] + 0.0, x) && same(xyz[3 * w + 1] + 0.0, y) && same(xyz[3 * w + 2] + 0.0, z)) {
                    found = w;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            if (found < 0) {
                found = count++;
                xyz[3 * found] = p.x(); // the first corner seen, as it was written
                xyz[3 * found + 1] = p.y();
                xyz[3 * found + 2] = p.z();
                slots[slot] = found + 1;
            }
            remap[v] = found;
        }
        int[] triangles = new int[3 * soup.triangleCount()];
        for (int t = 0; t < soup.triangleCount(); t++) {
            for (int k = 0; k < 3; k++) triangles[3 * t + k] = remap[soup.corner(t, k)];
        }
        return new WeldedMesh(java.util.Arrays.copyOf(xyz, 3 * count), triangles);
    }

    /** Equal as {@link Double#equals} says (so NaN matches NaN, as the boxed keys did). */
    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    private static int hash(double x, double y, double z) {
        long h = Double.doubleToLongBits(x) * 0x9E3779B97F4A7C15L;
        h = (h ^ Double.doubleToLongBits(y)) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ Double.doubleToLongBits(z)) * 0x165667B19E3779F9L;
        return (int) (h ^ (h >>> 32));
    }

    /** Looks in the 27 grid cells around p, so points within tolerance are found across cell borders. */
    private static Integer nearby(Map<Object, Integer> index, Vec3 p, double tolerance, double[] xyz) {
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dz = -1; dz <= 1; dz++) {
                    Integer v = index.get(cellKey(p, tolerance, dx, dy, dz));
                    if (v != null && Math.abs(xyz[3 * v] - p.x()) <= tolerance
                            && Math.abs(xyz[3 * v + 1] - p.y()) <= tolerance
                            && Math.abs(xyz[3 * v + 2] - p.z()) <= tolerance) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    private static Object cellKey(Vec3 p, double cell, int dx, int dy, int dz) {
        return java.util.List.of((long) Math.floor(p.x() / cell) + dx, (long) Math.floor(p.y() / cell) + dy,
                (long) Math.floor(p.z() / cell) + dz);
    }
}
