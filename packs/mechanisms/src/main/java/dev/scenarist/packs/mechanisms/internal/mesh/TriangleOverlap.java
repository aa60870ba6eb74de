package dev.scenarist.packs.mechanisms.internal.mesh;

/**
 * Whether two triangles in space intersect or touch, by the separating axis theorem: two convex sets are disjoint
 * exactly when their projections onto some axis are disjoint. For triangles the candidate axes are both normals,
 * the nine cross products of an edge of one with an edge of the other, and — for the coplanar case — each normal
 * crossed with its own triangle's edges. This is simpler to get right than Möller's interval test and handles the
 * coplanar case with the same code.
 *
 * <p>Projections closer than {@code tolerance} (a distance) count as touching, so contact within rounding is
 * reported rather than missed.
 */
final class TriangleOverlap {
    private TriangleOverlap() {}

    /** {@code p} and {@code q}: nine coordinates each (three corners). */
    static boolean overlap(double[] p, double[] q, double tolerance) {
        double[][] ep = edges(p);
        double[][] eq = edges(q);
        double[] np = cross(ep[0], ep[1]);
        double[] nq = cross(eq[0], eq[1]);
        if (separates(np, p, q, tolerance) || separates(nq, p, q, tolerance)) return false;
        for (double[] a : ep) {
            for (double[] b : eq) {
                if (separates(cross(a, b), p, q, tolerance)) return false;
            }
        }
        for (double[] a : ep) if (separates(cross(np, a), p, q, tolerance)) return false;
        for (double[] b : eq) if (separates(cross(nq, b), p, q, tolerance)) return false;
        return true;
    }

    private static boolean separates(double[] axis, double[] p, double[] q, double tolerance) {
        double len2 = dot(axis, axis);
        // Near-parallel edges give a tiny, direction-noisy axis; the other axes cover that configuration.
        if (len2 < 1e-300) return false;
        double minP = Double.MAX_VALUE;
        double maxP = -Double.MAX_VALUE;
        double minQ = Double.MAX_VALUE;
        double maxQ = -Double.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            double sp = axis[0] * p[3 * k] + axis[1] * p[3 * k + 1] + axis[2] * p[3 * k + 2];
            double sq = axis[0] * q[3 * k] + axis[1] * q[3 * k + 1] + axis[2] * q[3 * k + 2];
            minP = Math.min(minP, sp);
            maxP = Math.max(maxP, sp);
            minQ = Math.min(minQ, sq);
            maxQ = Math.max(maxQ, sq);
        }
        double gap = tolerance * Math.sqrt(len2);
        return minQ - maxP > gap || minP - maxQ > gap;
    }

    private static double[][] edges(double[] t) {
        double[][] e = new double[3][3];
        for (int k = 0; k < 3; k++) {
            int n = (k + 1) % 3;
            for (int c = 0; c < 3; c++) e[k][c] = t[3 * n + c] - t[3 * k + c];
        }
        return e;
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
