package dev.scenarist.packs.mechanisms.internal.mesh;

import dev.scenarist.packs.mechanisms.scene.TriangleMesh;

/** Hand-made meshes, sound and broken, for the checker tests. */
final class BrokenMeshes {
    private BrokenMeshes() {}

    /** The 12 triangles of an axis-aligned cube, outward, as {@code {corner a, b, c}} into {@link #cubeCorners}. */
    static final int[][] CUBE_TRIANGLES = {
        {0, 2, 1}, {0, 3, 2}, // bottom (z = min), facing down
        {4, 5, 6}, {4, 6, 7}, // top, facing up
        {0, 1, 5}, {0, 5, 4}, // y = min
        {1, 2, 6}, {1, 6, 5}, // x = max
        {2, 3, 7}, {2, 7, 6}, // y = max
        {3, 0, 4}, {3, 4, 7}, // x = min
    };

    static double[][] cubeCorners(double x, double y, double z, double size) {
        double[][] c = new double[8][];
        for (int i = 0; i < 8; i++) {
            int k = i % 4;
            double cx = x + (k == 1 || k == 2 ? size : 0);
            double cy = y + (k == 2 || k == 3 ? size : 0);
            double cz = z + (i >= 4 ? size : 0);
            c[i] = new double[] {cx, cy, cz};
        }
        return c;
    }

    static TriangleMesh cube() {
        return soup(cubeCorners(0, 0, 0, 1), CUBE_TRIANGLES);
    }

    static TriangleMesh cubeMissingTopFace() {
        int[][] t = new int[10][];
        int n = 0;
        for (int i = 0; i < 12; i++) if (i != 2 && i != 3) t[n++] = CUBE_TRIANGLES[i];
        return soup(cubeCorners(0, 0, 0, 1), t);
    }

    static TriangleMesh cubeWithOneFlippedTriangle() {
        int[][] t = CUBE_TRIANGLES.clone();
        t[5] = new int[] {t[5][0], t[5][2], t[5][1]};
        return soup(cubeCorners(0, 0, 0, 1), t);
    }

    static TriangleMesh insideOutCube() {
        int[][] t = new int[12][];
        for (int i = 0; i < 12; i++) t[i] = new int[] {CUBE_TRIANGLES[i][0], CUBE_TRIANGLES[i][2], CUBE_TRIANGLES[i][1]};
        return soup(cubeCorners(0, 0, 0, 1), t);
    }

    /** Two unit cubes in one mesh, the second shifted by half a unit on every axis: their faces cross. */
    static TriangleMesh twoOverlappingCubes() {
        return join(soup(cubeCorners(0, 0, 0, 1), CUBE_TRIANGLES), soup(cubeCorners(0.5, 0.5, 0.5, 1), CUBE_TRIANGLES));
    }

    /** Two cubes that meet only at the corner (1, 1, 1). */
    static TriangleMesh cubesTouchingAtACorner() {
        return join(soup(cubeCorners(0, 0, 0, 1), CUBE_TRIANGLES), soup(cubeCorners(1, 1, 1, 1), CUBE_TRIANGLES));
    }

    /** Three triangles fanning out from one shared edge (0,0,0)-(1,0,0), like pages of a book. */
    static TriangleMesh threeTrianglesOnOneEdge() {
        double[][] v = {{0, 0, 0}, {1, 0, 0}, {0.5, 1, 0}, {0.5, -0.5, 0.8}, {0.5, -0.5, -0.8}};
        return soup(v, new int[][] {{0, 1, 2}, {1, 0, 3}, {0, 1, 4}});
    }

    static TriangleMesh cubeWithADegenerateSliver() {
        double[][] c = cubeCorners(0, 0, 0, 1);
        double[][] v = new double[9][];
        System.arraycopy(c, 0, v, 0, 8);
        v[8] = new double[] {0.5, 0, 1}; // midpoint of the top edge 4-5
        int[][] t = CUBE_TRIANGLES.clone();
        // Split the top face's edge 4-5 at its midpoint: the top triangle 4-5-6 becomes 4-8-6 and 8-5-6, and the
        // side's edge 5-4 is matched by a zero-area sliver 4-5-8 so both sides still share the same edges.
        t[2] = new int[] {4, 8, 6};
        int[][] more = {{8, 5, 6}, {4, 5, 8}};
        int[][] all = new int[14][];
        System.arraycopy(t, 0, all, 0, 12);
        System.arraycopy(more, 0, all, 12, 2);
        return soup(v, all);
    }

    static TriangleMesh soup(double[][] vertices, int[][] triangles) {
        TriangleMesh.Builder b = TriangleMesh.builder();
        for (int[] t : triangles) {
            int a = b.vertex(vertices[t[0]][0], vertices[t[0]][1], vertices[t[0]][2]);
            int c = b.vertex(vertices[t[1]][0], vertices[t[1]][1], vertices[t[1]][2]);
            int d = b.vertex(vertices[t[2]][0], vertices[t[2]][1], vertices[t[2]][2]);
            b.triangle(a, c, d);
        }
        return b.build();
    }

    static TriangleMesh join(TriangleMesh first, TriangleMesh second) {
        TriangleMesh.Builder b = TriangleMesh.builder();
        for (TriangleMesh m : new TriangleMesh[] {first, second}) {
            int offset = -1;
            for (int v = 0; v < m.vertexCount(); v++) {
                int idx = b.vertex(m.vertex(v));
                if (offset < 0) offset = idx;
            }
            for (int t = 0; t < m.triangleCount(); t++) {
                b.triangle(offset + m.corner(t, 0), offset + m.corner(t, 1), offset + m.corner(t, 2));
            }
        }
        return b.build();
    }
}
