package dev.scenarist.packs.mechanisms.internal.mesh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How triangles meet along edges. In a closed, oriented 2-manifold every edge belongs to exactly two triangles
 * which traverse it in opposite directions; each way that fails is counted here, with the first example.
 */
final class EdgeTopology {
    /** An undirected edge {@code a < b} and the triangles using it, each with the direction it runs. */
    record Edge(int a, int b, List<Integer> triangles, List<Boolean> forward) {}

    final List<Edge> boundary = new ArrayList<>();
    final List<Edge> nonManifold = new ArrayList<>();
    final List<Edge> misoriented = new ArrayList<>();
    /** Vertices where two or more surface sheets meet at a single point (like two cones tip to tip). */
    final List<Integer> nonManifoldVertices = new ArrayList<>();

    static EdgeTopology of(WeldedMesh mesh) {
        EdgeTopology topo = new EdgeTopology();
        for (Edge e : problemEdges(mesh)) {
            int uses = e.triangles().size();
            if (uses == 1) topo.boundary.add(e);
            else if (uses > 2) topo.nonManifold.add(e);
            else topo.misoriented.add(e);
        }
        topo.nonManifoldVertices.addAll(pinchedVertices(mesh));
        return topo;
    }

    /**
     * The edges of the non-collapsed triangles that are not one clean pair of opposite half-edges — used once, more
     * than twice, or twice the same way — sorted by (a, b) so reports are deterministic. The half-edges are sorted by
     * their undirected edge as primitive keys (no map of boxed edges: a robot mesh has hundreds of thousands).
     */
    private static List<Edge> problemEdges(WeldedMesh mesh) {
        long[] keys = new long[3 * mesh.triangleCount()];
        int[] order = new int[keys.length]; // half-edge h: corner h % 3 of triangle h / 3 to the next corner
        int n = 0;
        for (int t = 0; t < mesh.triangleCount(); t++) {
            if (mesh.collapsed(t)) continue;
            for (int k = 0; k < 3; k++) {
                int from = mesh.corner(t, k);
                int to = mesh.corner(t, (k + 1) % 3);
                keys[n] = key(Math.min(from, to), Math.max(from, to));
                order[n++] = 3 * t + k;
            }
        }
        keys = Arrays.copyOf(keys, n);
        order = Arrays.copyOf(order, n);
        sortByKey(keys, order);
        List<Edge> problems = new ArrayList<>();
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && keys[j] == keys[i]) j++;
            boolean clean = j - i == 2 && forward(mesh, order[i]) != forward(mesh, order[i + 1]);
            if (!clean) {
                List<Integer> triangles = new ArrayList<>(j - i);
                List<Boolean> forward = new ArrayList<>(j - i);
                for (int k = i; k < j; k++) {
                    triangles.add(order[k] / 3);
                    forward.add(forward(mesh, order[k]));
                }
                problems.add(new Edge((int) (keys[i] >>> 32), (int) keys[i], triangles, forward));
            }
            i = j;
        }
        return problems;
    }

    /** Whether half-edge {@code h} (corner {@code h % 3} of triangle {@code h / 3} to the next) runs from the lower vertex number to the higher. */
    private static boolean forward(WeldedMesh mesh, int h) {
        return mesh.corner(h / 3, h % 3) < mesh.corner(h / 3, (h % 3 + 1) % 3);
    }

    /** Sorts {@code keys} ascending, carrying {@code values} along; equal keys keep their half-edge (triangle) order. */
    private static void sortByKey(long[] keys, int[] values) {
        long[] packed = new long[keys.length];
        boolean fits = true;
        for (int i = 0; i < keys.length && fits; i++) fits = (keys[i] >>> 32) < (1L << 20) && (keys[i] & 0xffffffffL) < (1L << 21) && values[i] < (1 << 22);
        if (fits) {
            // a < 2^20, b < 2^21 and h < 2^22: one non-negative long holds all three, so a primitive sort does it
            for (int i = 0; i < keys.length; i++) packed[i] = ((keys[i] >>> 32) << 43) | ((keys[i] & 0xffffffffL) << 22) | values[i];
            Arrays.sort(packed);
            for (int i = 0; i < keys.length; i++) {
                keys[i] = ((packed[i] >>> 43) << 32) | ((packed[i] >>> 22) & ((1L << 21) - 1));
                values[i] = (int) (packed[i] & ((1L << 22) - 1));
            }
            return;
        }
        // a larger mesh: sort boxed indices, slower but exact
        Integer[] idx = new Integer[keys.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (x, y) -> keys[x] != keys[y] ? Long.compare(keys[x], keys[y]) : Integer.compare(values[x], values[y]));
        long[] k2 = new long[keys.length];
        int[] v2 = new int[values.length];
        for (int i = 0; i < idx.length; i++) {
            k2[i] = keys[idx[i]];
            v2[i] = values[idx[i]];
        }
        System.arraycopy(k2, 0, keys, 0, keys.length);
        System.arraycopy(v2, 0, values, 0, values.length);
    }

    /**
     * A vertex is manifold when the triangles around it form one fan: each connected to the next through an edge at
     * the vertex. More than one fan means separate sheets touch only there.
     */
    private static List<Integer> pinchedVertices(WeldedMesh mesh) {
        // triangles around each vertex as one array with offsets (no list per vertex)
        int[] start = new int[mesh.vertexCount() + 1];
        for (int t = 0; t < mesh.triangleCount(); t++) {
            if (mesh.collapsed(t)) continue;
            for (int k = 0; k < 3; k++) start[mesh.corner(t, k) + 1]++;
        }
        for (int v = 0; v < mesh.vertexCount(); v++) start[v + 1] += start[v];
        int[] around = new int[start[mesh.vertexCount()]];
        int[] fill = Arrays.copyOf(start, mesh.vertexCount());
        for (int t = 0; t < mesh.triangleCount(); t++) {
            if (mesh.collapsed(t)) continue;
            for (int k = 0; k < 3; k++) around[fill[mesh.corner(t, k)]++] = t;
        }
        List<Integer> pinched = new ArrayList<>();
        for (int v = 0; v < mesh.vertexCount(); v++) {
            if (fanCount(mesh, v, around, start[v], start[v + 1]) > 1) pinched.add(v);
        }
        return pinched;
    }

    /** The fans among the triangles {@code around[from..to)} at vertex {@code v}: joined when they share a neighbour of v. */
    private static int fanCount(WeldedMesh mesh, int v, int[] around, int from, int to) {
        int size = to - from;
        if (size > 64) return wideFanCount(mesh, v, around, from, to);
        int[] parent = new int[size];
        for (int i = 0; i < size; i++) parent[i] = i;
        // each triangle has two neighbours of v; the first triangle seen with a neighbour is where later ones join
        int[] neighbour = new int[2 * size];
        int[] firstAt = new int[2 * size];
        int seen = 0;
        int components = size;
        for (int i = 0; i < size; i++) {
            int t = around[from + i];
            for (int k = 0; k < 3; k++) {
                int w = mesh.corner(t, k);
                if (w == v) continue;
                int j = -1;
                for (int s = 0; s < seen; s++) {
                    if (neighbour[s] == w) {
                        j = firstAt[s];
                        break;
                    }
                }
                if (j < 0) {
                    neighbour[seen] = w;
                    firstAt[seen++] = i;
                } else if (union(parent, i, j)) {
                    components--;
                }
            }
        }
        return components;
    }

    /** {@link #fanCount} for a vertex with many triangles around it, where a linear search per neighbour would be quadratic. */
    private static int wideFanCount(WeldedMesh mesh, int v, int[] around, int from, int to) {
        int size = to - from;
        int[] parent = new int[size];
        for (int i = 0; i < size; i++) parent[i] = i;
        java.util.Map<Integer, Integer> firstByNeighbour = new java.util.HashMap<>();
        int components = size;
        for (int i = 0; i < size; i++) {
            int t = around[from + i];
            for (int k = 0; k < 3; k++) {
                int w = mesh.corner(t, k);
                if (w == v) continue;
                Integer j = firstByNeighbour.putIfAbsent(w, i);
                if (j != null && union(parent, i, j)) components--;
            }
        }
        return components;
    }

    private static boolean union(int[] parent, int i, int j) {
        int ri = root(parent, i);
        int rj = root(parent, j);
        if (ri == rj) return false;
        parent[ri] = rj;
        return true;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }
}
