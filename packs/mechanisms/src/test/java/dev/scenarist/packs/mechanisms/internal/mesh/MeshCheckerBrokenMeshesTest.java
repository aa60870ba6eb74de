package dev.scenarist.packs.mechanisms.internal.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import dev.scenarist.packs.mechanisms.internal.scenefile.StlWriter;
import dev.scenarist.packs.mechanisms.scene.TriangleMesh;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of broken mesh is caught, with its own code, the numbers, the file and a hint. */
class MeshCheckerBrokenMeshesTest {
    @TempDir
    Path dir;

    private List<Finding> check(TriangleMesh mesh, String name) throws IOException {
        Path stl = dir.resolve("meshes").resolve(name + ".stl");
        StlWriter.write(mesh, stl);
        return MeshChecker.check(stl);
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void a_sound_cube_passes() throws IOException {
        assertThat(check(BrokenMeshes.cube(), "cube")).isEmpty();
        assertThat(MeshChecker.exact().inspect(BrokenMeshes.cube(), "cube").volume()).isEqualTo(1.0);
    }

    @Test
    void a_cube_missing_a_face_is_not_watertight() throws IOException {
        List<Finding> findings = check(BrokenMeshes.cubeMissingTopFace(), "open_box");
        assertThat(codes(findings)).containsExactly(MeshChecker.NOT_WATERTIGHT);
        Finding f = findings.get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("4 boundary edges");
        assertThat(f.location()).isEqualTo("meshes/open_box.stl");
        assertThat(f.hint()).contains("Meshes.extrusion");
    }

    @Test
    void a_flipped_triangle_breaks_consistent_orientation() throws IOException {
        List<Finding> findings = check(BrokenMeshes.cubeWithOneFlippedTriangle(), "flipped");
        assertThat(codes(findings)).containsExactly(MeshChecker.INCONSISTENT_ORIENTATION);
        assertThat(findings.get(0).message()).startsWith("3 edges").contains("triangles").contains("5");
    }

    @Test
    void an_inside_out_cube_has_negative_volume() throws IOException {
        List<Finding> findings = check(BrokenMeshes.insideOutCube(), "inside_out");
        assertThat(codes(findings)).containsExactly(MeshChecker.NEGATIVE_VOLUME);
        assertThat(findings.get(0).message()).contains("-1").contains("inside out");
    }

    @Test
    void two_overlapping_cubes_in_one_mesh_intersect_themselves() throws IOException {
        List<Finding> findings = check(BrokenMeshes.twoOverlappingCubes(), "two_cubes");
        assertThat(codes(findings)).containsExactly(MeshChecker.SELF_INTERSECTION);
        assertThat(findings.get(0).message()).matches("\\d+ pairs of triangles that share no vertex intersect.*");
    }

    @Test
    void an_edge_shared_by_three_triangles_is_non_manifold() throws IOException {
        List<Finding> findings = check(BrokenMeshes.threeTrianglesOnOneEdge(), "book");
        assertThat(codes(findings)).contains(MeshChecker.NON_MANIFOLD_EDGES);
        Finding f = findings.stream().filter(x -> x.code().equals(MeshChecker.NON_MANIFOLD_EDGES)).findFirst()
                .orElseThrow();
        assertThat(f.message()).contains("1 edge shared by more than two triangles").contains("used by 3 triangles");
    }

    @Test
    void cubes_touching_at_one_corner_make_a_non_manifold_vertex() throws IOException {
        List<Finding> findings = check(BrokenMeshes.cubesTouchingAtACorner(), "corner");
        assertThat(codes(findings)).contains(MeshChecker.NON_MANIFOLD_VERTICES);
        assertThat(findings.get(0).message()).contains("1 vertex").contains("(1, 1, 1)");
    }

    @Test
    void a_zero_area_triangle_is_degenerate() throws IOException {
        List<Finding> findings = check(BrokenMeshes.cubeWithADegenerateSliver(), "sliver");
        assertThat(codes(findings)).containsExactly(MeshChecker.DEGENERATE_TRIANGLES);
        assertThat(findings.get(0).message()).startsWith("1 triangle of 14 have zero area, e.g. triangle 13");
    }

    @Test
    void ascii_stl_is_unreadable_because_mujoco_rejects_it() throws IOException {
        Path stl = dir.resolve("meshes/ascii.stl");
        Files.createDirectories(stl.getParent());
        Files.writeString(stl, "solid x\nendsolid x\n", StandardCharsets.US_ASCII);
        List<Finding> findings = MeshChecker.check(stl);
        assertThat(codes(findings)).containsExactly(MeshChecker.UNREADABLE);
        assertThat(findings.get(0).message()).contains("ASCII STL");
    }

    @Test
    void a_missing_file_is_unreadable() {
        assertThat(codes(MeshChecker.check(dir.resolve("meshes/nowhere.stl")))).containsExactly(MeshChecker.UNREADABLE);
    }

    @Test
    void an_empty_mesh_is_reported() throws IOException {
        assertThat(codes(check(TriangleMesh.builder().build(), "empty"))).containsExactly(MeshChecker.EMPTY);
    }

    @Test
    void a_tolerance_welds_corners_that_differ_by_rounding_noise() {
        TriangleMesh cube = BrokenMeshes.cube();
        TriangleMesh.Builder b = TriangleMesh.builder();
        for (int v = 0; v < cube.vertexCount(); v++) {
            var p = cube.vertex(v);
            double noise = (v % 3 - 1) * 1e-9; // each corner copy lands a little differently
            b.vertex(p.x() + noise, p.y() - noise, p.z() + noise);
        }
        for (int t = 0; t < cube.triangleCount(); t++) b.triangle(cube.corner(t, 0), cube.corner(t, 1), cube.corner(t, 2));
        TriangleMesh noisy = b.build();
        assertThat(codes(MeshChecker.exact().inspect(noisy, "noisy").findings())).contains(MeshChecker.NOT_WATERTIGHT);
        assertThat(MeshChecker.withWeldTolerance(1e-6).inspect(noisy, "noisy").findings()).isEmpty();
    }
}
