package dev.scenarist.packs.mechanisms.scene;

import java.util.Arrays;

/**
 * An indexed triangle mesh: vertex coordinates and triangles as vertex-index triples. Triangles wind
 * counter-clockwise seen from outside, so normals point outwards and the signed volume is positive — what MuJoCo
 * needs to compute inertia. Immutable.
 */
public final class TriangleMesh {
    private final double[] xyz;
    private final int[] triangles;

    private TriangleMesh(double[] xyz, int[] triangles) {
        this.xyz = xyz;
        this.triangles = triangles;
    }

    public int vertexCount() {
        return xyz.length / 3;
    }

    public int triangleCount() {
        return triangles.length / 3;
    }

    public Vec3 vertex(int i) {
        return new Vec3(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
    }

    /** Vertex index of corner {@code corner} (0, 1, 2) of triangle {@code t}. */
    public int corner(int t, int corner) {
        return triangles[3 * t + corner];
    }

    /** Signed volume by the divergence theorem: positive for a closed, outward-oriented mesh. */
    public double volume() {
        double sixV = 0;
        for (int t = 0; t < triangleCount(); t++) {
            sixV += vertex(corner(t, 0)).dot(vertex(corner(t, 1)).cross(vertex(corner(t, 2))));
        }
        return sixV / 6;
    }

    public TriangleMesh translated(Vec3 d) {
        double[] moved = xyz.clone();
        for (int i = 0; i < moved.length; i += 3) {
            moved[i] += d.x();
            moved[i + 1] += d.y();
            moved[i + 2] += d.z();
        }
        return new TriangleMesh(moved, triangles);
    }

    /** Stretched per axis. Factors must be positive: a mirror would turn the mesh inside out. */
    public TriangleMesh scaled(Scale s) {
        double[] moved = xyz.clone();
        for (int i = 0; i < moved.length; i += 3) {
            moved[i] *= s.x();
            moved[i + 1] *= s.y();
            moved[i + 2] *= s.z();
        }
        return new TriangleMesh(moved, triangles);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TriangleMesh m && Arrays.equals(xyz, m.xyz) && Arrays.equals(triangles, m.triangles);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(xyz) + Arrays.hashCode(triangles);
    }

    @Override
    public String toString() {
        return "TriangleMesh[" + vertexCount() + " vertices, " + triangleCount() + " triangles]";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects vertices and triangles; indices are returned by {@link #vertex} in insertion order. */
    public static final class Builder {
        private double[] xyz = new double[48];
        private int[] triangles = new int[48];
        private int vertexCount;
        private int triangleCount;

        public int vertex(double x, double y, double z) {
            Preconditions.finite("vertex x", x);
            Preconditions.finite("vertex y", y);
            Preconditions.finite("vertex z", z);
            if (3 * vertexCount + 3 > xyz.length) xyz = Arrays.copyOf(xyz, xyz.length * 2);
            xyz[3 * vertexCount] = x;
            xyz[3 * vertexCount + 1] = y;
            xyz[3 * vertexCount + 2] = z;
            return vertexCount++;
        }

        public int vertex(Vec3 v) {
            return vertex(v.x(), v.y(), v.z());
        }

        /** A triangle wound counter-clockwise seen from outside. */
        public Builder triangle(int a, int b, int c) {
            for (int i : new int[] {a, b, c}) {
                if (i < 0 || i >= vertexCount) {
                    throw new IllegalArgumentException("vertex index " + i + " is out of range 0.." + (vertexCount - 1));
                }
            }
            if (3 * triangleCount + 3 > triangles.length) triangles = Arrays.copyOf(triangles, triangles.length * 2);
            triangles[3 * triangleCount] = a;
            triangles[3 * triangleCount + 1] = b;
            triangles[3 * triangleCount + 2] = c;
            triangleCount++;
            return this;
        }

        /** A planar quad a-b-c-d, counter-clockwise seen from outside, as two triangles. */
        public Builder quad(int a, int b, int c, int d) {
            return triangle(a, b, c).triangle(a, c, d);
        }

        public TriangleMesh build() {
            return new TriangleMesh(Arrays.copyOf(xyz, 3 * vertexCount), Arrays.copyOf(triangles, 3 * triangleCount));
        }
    }
}
