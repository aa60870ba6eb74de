package dev.scenarist.packs.mechanisms.internal.mesh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds pairs of triangles that intersect although they share no vertex. A uniform grid over the mesh's bounding
 * box prunes the pairs: only triangles whose boxes land in a common cell are compared, so a few thousand
 * triangles take milliseconds instead of the millions of tests of all pairs.
 *
 * <p>Triangles that share a vertex or an edge are not compared: they touch by design, and telling legitimate
 * contact from a fold would need exact arithmetic.
 */
final class SelfIntersections {
    /** A pair found, lower index first. */
    record Pair(int first, int second) {}

    private final WeldedMesh mesh;
    private final double tolerance;
    private final boolean[] skip;
    private final double[][] corners;
    private final double[][] boxes; // min xyz, max xyz per triangle, grown by the tolerance

    private SelfIntersections(WeldedMesh mesh, double tolerance, boolean[] skip) {
        this.mesh = mesh;
        this.tolerance = tolerance;
        this.skip = skip;
        int n = mesh.triangleCount();
        corners = new double[n][];
        boxes = new double[n][];
        for (int t = 0; t < n; t++) {
            double[] c = new double[9];
            for (int k = 0; k < 3; k++) System.arraycopy(mesh.xyz, 3 * mesh.corner(t, k), c, 3 * k, 3);
            corners[t] = c;
            double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE,
                -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (int k = 0; k < 3; k++) {
                for (int a = 0; a < 3; a++) {
                    b[a] = Math.min(b[a], c[3 * k + a] - tolerance);
                    b[3 + a] = Math.max(b[3 + a], c[3 * k + a] + tolerance);
                }
            }
            boxes[t] = b;
        }
    }

    /**
     * All intersecting pairs, sorted. {@code skip} marks triangles not to test (degenerate ones, which have no
     * plane and are reported separately).
     */
    static List<Pair> find(WeldedMesh mesh, double tolerance, boolean[] skip) {
        return new SelfIntersections(mesh, tolerance, skip).run();
    }

    private List<Pair> run() {
        Grid grid = Grid.covering(boxes, skip);
        List<Pair> found = new ArrayList<>();
        for (int cell = 0; cell < grid.cellCount(); cell++) {
            int[] members = grid.members(cell);
            for (int i = 0; i < members.length; i++) {
                for (int j = i + 1; j < members.length; j++) {
                    int s = Math.min(members[i], members[j]);
                    int t = Math.max(members[i], members[j]);
                    // A pair sharing several cells is tested only in the first of them.
                    if (grid.firstSharedCell(boxes[s], boxes[t]) != cell) continue;
                    if (boxesOverlap(s, t) && !shareVertex(s, t)
                            && TriangleOverlap.overlap(corners[s], corners[t], tolerance)) {
                        found.add(new Pair(s, t));
                    }
                }
            }
        }
        found.sort((a, b) -> a.first() != b.first() ? Integer.compare(a.first(), b.first())
                : Integer.compare(a.second(), b.second()));
        return found;
    }

    private boolean boxesOverlap(int s, int t) {
        double[] a = boxes[s];
        double[] b = boxes[t];
        return a[0] <= b[3] && b[0] <= a[3] && a[1] <= b[4] && b[1] <= a[4] && a[2] <= b[5] && b[2] <= a[5];
    }

    private boolean shareVertex(int s, int t) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (mesh.corner(s, i) == mesh.corner(t, j)) return true;
            }
        }
        return false;
    }

    /** A uniform grid of cells, each listing the triangles whose bounding box reaches into it. */
    private static final class Grid {
        private final double[] origin;
        private final double cell;
        private final int[] dims;
        private final int[][] members;
        private final int[] counts;

        private Grid(double[] origin, double cell, int[] dims) {
            this.origin = origin;
            this.cell = cell;
            this.dims = dims;
            int total = dims[0] * dims[1] * dims[2];
            members = new int[total][];
            counts = new int[total];
        }

        static Grid covering(double[][] boxes, boolean[] skip) {
            double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            double sizeSum = 0;
            int used = 0;
            for (int t = 0; t < boxes.length; t++) {
                if (skip[t]) continue;
                double[] b = boxes[t];
                for (int a = 0; a < 3; a++) {
                    min[a] = Math.min(min[a], b[a]);
                    max[a] = Math.max(max[a], b[3 + a]);
                }
                sizeSum += Math.max(b[3] - b[0], Math.max(b[4] - b[1], b[5] - b[2]));
                used++;
            }
            if (used == 0) return new Grid(new double[3], 1, new int[] {1, 1, 1});
            // Cells about the size of an average triangle keep each cell's list short; cap the cell count so
            // a mesh of a few large and many tiny triangles cannot allocate a huge grid.
            double cell = Math.max(sizeSum / used, 1e-12);
            long cap = 4L * used + 64;
            int[] dims = new int[3];
            while (true) {
                long total = 1;
                for (int a = 0; a < 3; a++) {
                    dims[a] = (int) Math.min(1 << 20, Math.floor((max[a] - min[a]) / cell) + 1);
                    total *= dims[a];
                }
                if (total <= cap) break;
                cell *= 1.5;
            }
            Grid g = new Grid(min, cell, dims);
            for (int t = 0; t < boxes.length; t++) {
                if (skip[t]) continue;
                int[] lo = g.cellOf(boxes[t], 0);
                int[] hi = g.cellOf(boxes[t], 3);
                for (int x = lo[0]; x <= hi[0]; x++) {
                    for (int y = lo[1]; y <= hi[1]; y++) {
                        for (int z = lo[2]; z <= hi[2]; z++) g.add(g.index(x, y, z), t);
                    }
                }
            }
            return g;
        }

        int cellCount() {
            return members.length;
        }

        int[] members(int cellIndex) {
            return members[cellIndex] == null ? new int[0] : Arrays.copyOf(members[cellIndex], counts[cellIndex]);
        }

        /** The lowest cell both boxes reach into: where their cell ranges' overlap begins. */
        int firstSharedCell(double[] a, double[] b) {
            int[] la = cellOf(a, 0);
            int[] lb = cellOf(b, 0);
            return index(Math.max(la[0], lb[0]), Math.max(la[1], lb[1]), Math.max(la[2], lb[2]));
        }

        private int[] cellOf(double[] box, int offset) {
            int[] c = new int[3];
            for (int a = 0; a < 3; a++) {
                int i = (int) Math.floor((box[offset + a] - origin[a]) / cell);
                c[a] = Math.max(0, Math.min(dims[a] - 1, i));
            }
            return c;
        }

        private int index(int x, int y, int z) {
            return (x * dims[1] + y) * dims[2] + z;
        }

        private void add(int cellIndex, int t) {
            if (members[cellIndex] == null) members[cellIndex] = new int[4];
            if (counts[cellIndex] == members[cellIndex].length) {
                members[cellIndex] = Arrays.copyOf(members[cellIndex], 2 * counts[cellIndex]);
            }
            members[cellIndex][counts[cellIndex]++] = t;
        }
    }
}
