package dev.scenarist.packs.mechanisms.internal.mesh;

import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.mechanisms.internal.scenefile.Numbers;
import dev.scenarist.packs.mechanisms.internal.scenefile.StlReader;
import dev.scenarist.packs.mechanisms.scene.TriangleMesh;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a binary STL mesh is a proper solid, which MuJoCo needs to compute its volume and inertia: readable,
 * no zero-area triangles, watertight, manifold, consistently oriented, positive volume, no self-intersections.
 * Cheap checks run first; the volume is judged only on a closed, consistently oriented surface, where it means
 * something.
 *
 * <pre>{@code
 * List<Finding> findings = MeshChecker.check(Path.of("scene/meshes/plate.stl"));
 * }</pre>
 */
public final class MeshChecker {
    public static final String UNREADABLE = "MESH_UNREADABLE";
    public static final String EMPTY = "MESH_EMPTY";
    public static final String DEGENERATE_TRIANGLES = "MESH_DEGENERATE_TRIANGLES";
    public static final String NOT_WATERTIGHT = "MESH_NOT_WATERTIGHT";
    public static final String NON_MANIFOLD_EDGES = "MESH_NON_MANIFOLD_EDGES";
    public static final String NON_MANIFOLD_VERTICES = "MESH_NON_MANIFOLD_VERTICES";
    public static final String INCONSISTENT_ORIENTATION = "MESH_INCONSISTENT_ORIENTATION";
    public static final String NEGATIVE_VOLUME = "MESH_NEGATIVE_VOLUME";
    public static final String ZERO_VOLUME = "MESH_ZERO_VOLUME";
    public static final String SELF_INTERSECTION = "MESH_SELF_INTERSECTION";

    /**
     * A triangle is degenerate when twice its area is below this fraction of its longest edge squared: a needle
     * thinner than about a ten-millionth of its length, i.e. collinear corners up to float32 rounding.
     */
    static final double DEGENERATE_RATIO = 1e-7;
    /** Distances below this fraction of the bounding-box diagonal count as touching. */
    static final double CONTACT_TOLERANCE = 1e-9;
    /** Volumes below this fraction of the bounding-box diagonal cubed count as zero. */
    static final double ZERO_VOLUME_RATIO = 1e-9;

    private static final String USE_MESHES = "build it with Meshes.extrusion, Meshes.revolution or Meshes.boxWithHole,"
            + " which are closed and outward-oriented by construction";

    private final double weldTolerance;
    private final boolean selfIntersections;

    private MeshChecker(double weldTolerance) {
        this(weldTolerance, true);
    }

    private MeshChecker(double weldTolerance, boolean selfIntersections) {
        this.weldTolerance = weldTolerance;
        this.selfIntersections = selfIntersections;
    }

    /**
     * This checker without the search for crossing triangles, the costliest pass (about half the time on a 30k-triangle
     * robot mesh). For judging meshes as MuJoCo uses them: it collides with the convex hull, so crossings change no
     * contact, and a model whose inertia matters says so with {@code <inertial>} far more often than not.
     */
    public MeshChecker withoutSelfIntersections() {
        return new MeshChecker(weldTolerance, false);
    }

    /** Welds only exactly equal corners, as MuJoCo does. */
    public static MeshChecker exact() {
        return new MeshChecker(0);
    }

    /** Also welds corners closer than {@code tolerance} in every coordinate, for meshes with rounding noise. */
    public static MeshChecker withWeldTolerance(double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("weld tolerance must be a finite number >= 0, was " + tolerance);
        }
        return new MeshChecker(tolerance);
    }

    /** Checks {@code stl} with exact welding; findings are located at {@code <folder>/<file>}, e.g. {@code meshes/x.stl}. */
    public static List<Finding> check(Path stl) {
        return exact().inspect(stl, locationOf(stl)).findings();
    }

    public MeshReport inspect(Path stl, String location) {
        TriangleMesh soup;
        try {
            soup = StlReader.read(stl);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new MeshReport(List.of(Finding.error(UNREADABLE, "cannot read binary STL: " + why, location,
                    "write meshes with StlWriter (binary STL)")), 0, 0, Double.NaN);
        }
        return inspect(soup, location);
    }

    /** Checks a triangle soup or indexed mesh already in memory. */
    public MeshReport inspect(TriangleMesh soup, String location) {
        WeldedMesh mesh = WeldedMesh.weld(soup, weldTolerance);
        List<Finding> findings = new ArrayList<>();
        if (mesh.triangleCount() == 0) {
            findings.add(Finding.error(EMPTY, "mesh has no triangles", location, USE_MESHES));
            return new MeshReport(findings, 0, 0, 0);
        }
        double diagonal = mesh.diagonal();
        boolean[] degenerate = degenerateTriangles(mesh);
        reportDegenerate(mesh, degenerate, location, findings);

        EdgeTopology topo = EdgeTopology.of(mesh);
        reportTopology(mesh, topo, location, findings);

        double volume = signedVolume(mesh);
        boolean closedAndOriented = topo.boundary.isEmpty() && topo.nonManifold.isEmpty() && topo.misoriented.isEmpty();
        if (closedAndOriented) reportVolume(volume, diagonal, location, findings);

        List<SelfIntersections.Pair> crossings = selfIntersections
                ? SelfIntersections.find(mesh, CONTACT_TOLERANCE * diagonal, degenerate) : List.of();
        if (!crossings.isEmpty()) {
            SelfIntersections.Pair p = crossings.get(0);
            findings.add(Finding.error(SELF_INTERSECTION, count(crossings.size(), "pair") + " of triangles that share"
                    + " no vertex intersect, e.g. triangles " + p.first() + " and " + p.second() + " near "
                    + point(centroid(mesh, p.first())), location,
                    "separate overlapping parts into distinct meshes or geoms; " + USE_MESHES));
        }
        return new MeshReport(findings, mesh.triangleCount(), mesh.vertexCount(), volume);
    }

    private static boolean[] degenerateTriangles(WeldedMesh mesh) {
        // in plain doubles, the same operations as Vec3's minus/cross/length: this runs once per triangle of every mesh
        double[] p = mesh.xyz;
        boolean[] degenerate = new boolean[mesh.triangleCount()];
        for (int t = 0; t < mesh.triangleCount(); t++) {
            int a = 3 * mesh.corner(t, 0);
            int b = 3 * mesh.corner(t, 1);
            int c = 3 * mesh.corner(t, 2);
            double abx = p[b] - p[a], aby = p[b + 1] - p[a + 1], abz = p[b + 2] - p[a + 2];
            double bcx = p[c] - p[b], bcy = p[c + 1] - p[b + 1], bcz = p[c + 2] - p[b + 2];
            double cax = p[a] - p[c], cay = p[a + 1] - p[c + 1], caz = p[a + 2] - p[c + 2];
            double acx = p[c] - p[a], acy = p[c + 1] - p[a + 1], acz = p[c + 2] - p[a + 2];
            double longest = Math.max(length(abx, aby, abz), Math.max(length(bcx, bcy, bcz), length(cax, cay, caz)));
            double twiceArea = length(aby * acz - abz * acy, abz * acx - abx * acz, abx * acy - aby * acx);
            degenerate[t] = mesh.collapsed(t) || twiceArea <= DEGENERATE_RATIO * longest * longest;
        }
        return degenerate;
    }

    private static double length(double x, double y, double z) {
        return Math.sqrt(x * x + y * y + z * z);
    }

    private static void reportDegenerate(WeldedMesh mesh, boolean[] degenerate, String location, List<Finding> out) {
        int count = 0;
        int first = -1;
        for (int t = 0; t < degenerate.length; t++) {
            if (!degenerate[t]) continue;
            if (first < 0) first = t;
            count++;
        }
        if (count == 0) return;
        out.add(Finding.error(DEGENERATE_TRIANGLES, count(count, "triangle") + " of " + mesh.triangleCount()
                + " have zero area, e.g. triangle " + first + " with corners " + corners(mesh, first), location,
                "remove zero-area triangles: they have no normal and no inside; " + USE_MESHES));
    }

    private static void reportTopology(WeldedMesh mesh, EdgeTopology topo, String location, List<Finding> out) {
        if (!topo.boundary.isEmpty()) {
            out.add(Finding.error(NOT_WATERTIGHT, "mesh is not watertight: " + count(topo.boundary.size(),
                    "boundary edge") + " (used by only one triangle), e.g. " + edge(mesh, topo.boundary.get(0)),
                    location, "close every hole so each edge joins exactly two triangles; " + USE_MESHES));
        }
        if (!topo.nonManifold.isEmpty()) {
            EdgeTopology.Edge e = topo.nonManifold.get(0);
            out.add(Finding.error(NON_MANIFOLD_EDGES, count(topo.nonManifold.size(), "edge") + " shared by more"
                    + " than two triangles, e.g. " + edge(mesh, e) + " used by " + e.triangles().size()
                    + " triangles " + e.triangles(), location,
                    "each edge must join exactly two faces: make touching solids separate meshes or geoms"));
        }
        if (!topo.nonManifoldVertices.isEmpty()) {
            out.add(Finding.error(NON_MANIFOLD_VERTICES, count(topo.nonManifoldVertices.size(), "vertex")
                    + " where surface sheets touch at a single point, e.g. "
                    + point(mesh.vertex(topo.nonManifoldVertices.get(0))), location,
                    "parts that only touch at a corner must be separate meshes or geoms"));
        }
        if (!topo.misoriented.isEmpty()) {
            EdgeTopology.Edge e = topo.misoriented.get(0);
            out.add(Finding.error(INCONSISTENT_ORIENTATION, count(topo.misoriented.size(), "edge") + " run the same"
                    + " direction in both their triangles, so some triangles are flipped, e.g. triangles "
                    + e.triangles().get(0) + " and " + e.triangles().get(1) + " along " + edge(mesh, e), location,
                    "wind every triangle counter-clockwise seen from outside"));
        }
    }

    private static void reportVolume(double volume, double diagonal, String location, List<Finding> out) {
        double zero = ZERO_VOLUME_RATIO * diagonal * diagonal * diagonal;
        if (volume < -zero) {
            out.add(Finding.error(NEGATIVE_VOLUME, "signed volume is " + Numbers.format(volume)
                    + " (negative): the mesh is inside out, its normals point inwards", location,
                    "reverse the winding of every triangle (swap two corners of each)"));
        } else if (volume <= zero) {
            out.add(Finding.error(ZERO_VOLUME, "signed volume is " + Numbers.format(volume)
                    + ", effectively zero: the mesh is flat or cancels itself out", location,
                    "give the solid thickness; MuJoCo needs a positive volume for inertia"));
        }
    }

    /** Divergence theorem, about the bounding-box centre to keep rounding small far from the origin. */
    private static double signedVolume(WeldedMesh mesh) {
        double[] c = new double[3];
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < mesh.xyz.length; i++) {
            min[i % 3] = Math.min(min[i % 3], mesh.xyz[i]);
            max[i % 3] = Math.max(max[i % 3], mesh.xyz[i]);
        }
        for (int a = 0; a < 3; a++) c[a] = (min[a] + max[a]) / 2;
        double[] p = mesh.xyz;
        double sixV = 0;
        for (int t = 0; t < mesh.triangleCount(); t++) {
            int i = 3 * mesh.corner(t, 0);
            int j = 3 * mesh.corner(t, 1);
            int k = 3 * mesh.corner(t, 2);
            double ax = p[i] - c[0], ay = p[i + 1] - c[1], az = p[i + 2] - c[2];
            double bx = p[j] - c[0], by = p[j + 1] - c[1], bz = p[j + 2] - c[2];
            double dx = p[k] - c[0], dy = p[k + 1] - c[1], dz = p[k + 2] - c[2];
            sixV += ax * (by * dz - bz * dy) + ay * (bz * dx - bx * dz) + az * (bx * dy - by * dx);
        }
        return sixV / 6;
    }

    static String locationOf(Path stl) {
        Path name = stl.getFileName();
        Path parent = stl.getParent();
        if (name == null) return stl.toString();
        return parent == null || parent.getFileName() == null ? name.toString()
                : parent.getFileName() + "/" + name;
    }

    private static Vec3 centroid(WeldedMesh mesh, int t) {
        return mesh.vertex(mesh.corner(t, 0)).plus(mesh.vertex(mesh.corner(t, 1))).plus(mesh.vertex(mesh.corner(t, 2)))
                .times(1.0 / 3);
    }

    private static String corners(WeldedMesh mesh, int t) {
        return point(mesh.vertex(mesh.corner(t, 0))) + ", " + point(mesh.vertex(mesh.corner(t, 1))) + ", "
                + point(mesh.vertex(mesh.corner(t, 2)));
    }

    private static String edge(WeldedMesh mesh, EdgeTopology.Edge e) {
        return "the edge " + point(mesh.vertex(e.a())) + "-" + point(mesh.vertex(e.b()));
    }

    private static String point(Vec3 v) {
        return "(" + Numbers.format(v.x(), v.y(), v.z()).replace(' ', ',').replace(",", ", ") + ")";
    }

    private static String count(int n, String noun) {
        if (n == 1) return "1 " + noun;
        return n + " " + (noun.endsWith("x") ? noun.substring(0, noun.length() - 1) + "ces" : noun + "s");
    }
}
