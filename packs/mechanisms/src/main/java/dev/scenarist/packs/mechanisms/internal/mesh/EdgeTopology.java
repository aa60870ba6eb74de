package dev.scenarist.packs.mechanisms.internal.mesh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        List<Edge> edges = edges(mesh);
        for (Edge e : edges) {
            int uses = e.triangles().size();
            if (uses == 1) topo.boundary.add(e);
            else if (uses > 2) topo.nonManifold.add(e);
            else if (e.forward().get(0).equals(e.forward().get(1))) topo.misoriented.add(e);
        }
        topo.nonManifoldVertices.addAll(pinchedVertices(mesh));
        return topo;
    }

    /** Every undirected edge of the non-collapsed triangles, sorted by (a, b) so reports are deterministic. */
    private static List<Edge> edges(WeldedMesh mesh) {
        Map<Long, Edge> byKey = new HashMap<>();
        for (int t = 0; t < mesh.triangleCount(); t++) {
            if (mesh.collapsed(t)) continue;
            for (int k = 0; k < 3; k++) {
                int from = mesh.corner(t, k);
                int to = mesh.corner(t, (k + 1) % 3);
                int a = Math.min(from, to);
                int b = Math.max(from, to);
                Edge e = byKey.computeIfAbsent(key(a, b), x -> new Edge(a, b, new ArrayList<>(), new ArrayList<>()));
                e.triangles().add(t);
                e.forward().add(from < to);
            }
        }
        Edge[] sorted = byKey.values().toArray(new Edge[0]);
        Arrays.sort(sorted, (x, y) -> x.a() != y.a() ? Integer.compare(x.a(), y.a()) : Integer.compare(x.b(), y.b()));
        return List.of(sorted);
    }

    /**
     * A vertex is manifold when the triangles around it form one fan: each connected to the next through an edge at
     * the vertex. More than one fan means separate sheets touch only there.
     */
    private static List<Integer> pinchedVertices(WeldedMesh mesh) {
        List<List<Integer>> incident = new ArrayList<>();
        for (int v = 0; v < mesh.vertexCount(); v++) incident.add(new ArrayList<>());
        for (int t = 0; t < mesh.triangleCount(); t++) {
            if (mesh.collapsed(t)) continue;
            for (int k = 0; k < 3; k++) incident.get(mesh.corner(t, k)).add(t);
        }
        List<Integer> pinched = new ArrayList<>();
        for (int v = 0; v < mesh.vertexCount(); v++) {
            if (fanCount(mesh, v, incident.get(v)) > 1) pinched.add(v);
        }
        return pinched;
    }

    private static int fanCount(WeldedMesh mesh, int v, List<Integer> around) {
        int[] parent = new int[around.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        Map<Integer, Integer> firstByNeighbour = new HashMap<>();
        int components = around.size();
        for (int i = 0; i < around.size(); i++) {
            int t = around.get(i);
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
