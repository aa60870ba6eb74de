package dev.scenarist.packs.mechanisms.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes have the volume of the polygonal solid they describe; bad outlines are refused with a reason. */
class MeshesTest {
    private static final double EPS = 1e-12;

    @Test
    void an_extrusion_has_the_polygon_area_times_its_height() {
        TriangleMesh hex = Meshes.extrusion(Meshes.regularPolygon(0.5, 6), 0.25);
        assertThat(hex.volume()).isCloseTo(3 * Math.sqrt(3) / 2 * 0.25 * 0.25, offset(EPS));
        assertThat(hex.triangleCount()).isEqualTo(2 * 4 + 2 * 6);
    }

    @Test
    void a_concave_outline_is_triangulated_inside_itself() {
        List<Vec2> ell = List.of(Vec2.of(0, 0), Vec2.of(2, 0), Vec2.of(2, 1), Vec2.of(1, 1), Vec2.of(1, 2),
                Vec2.of(0, 2));
        assertThat(Meshes.extrusion(ell, 1).volume()).isCloseTo(3, offset(EPS));
    }

    @Test
    void a_clockwise_outline_is_turned_round_and_collinear_points_dropped() {
        List<Vec2> clockwiseSquare = List.of(Vec2.of(0, 0), Vec2.of(0, 1), Vec2.of(1, 1), Vec2.of(1, 0.5),
                Vec2.of(1, 0));
        TriangleMesh m = Meshes.extrusion(clockwiseSquare, 2);
        assertThat(m.volume()).isCloseTo(2, offset(EPS));
        assertThat(m.vertexCount()).isEqualTo(8);
    }

    @Test
    void a_self_crossing_outline_is_refused() {
        List<Vec2> bowTie = List.of(Vec2.of(0, 0), Vec2.of(1, 1), Vec2.of(1, 0), Vec2.of(0, 1));
        assertThatThrownBy(() -> Meshes.extrusion(bowTie, 1)).hasMessageContaining("is not simple");
        assertThatThrownBy(() -> Meshes.extrusion(List.of(Vec2.of(0, 0), Vec2.of(1, 1), Vec2.of(2, 2)), 1))
                .hasMessageContaining("encloses no area");
    }

    @Test
    void a_revolved_rectangle_is_a_prism_over_the_regular_polygon() {
        int n = 16;
        TriangleMesh cylinder = Meshes.revolution(List.of(Vec2.of(0, 0), Vec2.of(0.3, 0), Vec2.of(0.3, 0.5),
                Vec2.of(0, 0.5)), n);
        double polygonArea = n / 2.0 * 0.09 * Math.sin(2 * Math.PI / n);
        assertThat(cylinder.volume()).isCloseTo(polygonArea * 0.5, offset(EPS));
        assertThat(cylinder.vertexCount()).isEqualTo(2 + 2 * n);
    }

    @Test
    void a_profile_given_top_down_is_turned_round() {
        TriangleMesh cone = Meshes.revolution(List.of(Vec2.of(0, 1), Vec2.of(1, 0), Vec2.of(0, 0)), 32);
        assertThat(cone.volume()).isPositive();
    }

    @Test
    void a_profile_off_the_axis_revolves_into_a_ring() {
        int n = 24;
        TriangleMesh ring = Meshes.revolution(List.of(Vec2.of(1, 0), Vec2.of(2, 0), Vec2.of(2, 1), Vec2.of(1, 1)), n);
        double sector = n / 2.0 * Math.sin(2 * Math.PI / n);
        assertThat(ring.volume()).isCloseTo(sector * (4 - 1), offset(1e-9));
    }

    @Test
    void a_profile_touching_the_axis_midway_is_refused() {
        List<Vec2> pinched = List.of(Vec2.of(0, 0), Vec2.of(1, 0), Vec2.of(0, 1), Vec2.of(1, 2), Vec2.of(0, 2));
        assertThatThrownBy(() -> Meshes.revolution(pinched, 8)).hasMessageContaining("point 2 lies on the axis");
        assertThatThrownBy(() -> Meshes.revolution(List.of(Vec2.of(0, 0), Vec2.of(-1, 0), Vec2.of(0, 1)), 8))
                .hasMessageContaining("r = -1");
    }

    @Test
    void a_plate_with_a_round_hole_loses_the_hole_polygon() {
        int n = 20;
        TriangleMesh plate = Meshes.boxWithHole(0.3, 0.2, 0.05, 0.1, n);
        double hole = n / 2.0 * 0.01 * Math.sin(2 * Math.PI / n);
        assertThat(plate.volume()).isCloseTo((0.6 * 0.4 - hole) * 0.1, offset(EPS));
    }

    @Test
    void a_plate_with_an_off_centre_rectangular_hole_loses_the_rectangle() {
        TriangleMesh plate = Meshes.boxWithRectHole(0.5, 0.5, 0.02, Vec2.of(0.2, -0.1), 0.1, 0.2);
        assertThat(plate.volume()).isCloseTo((1 - 0.08) * 0.04, offset(EPS));
    }

    @Test
    void a_hole_reaching_the_edge_is_refused() {
        assertThatThrownBy(() -> Meshes.boxWithHole(0.3, 0.2, 0.05, 0.2, 16))
                .hasMessageContaining("not strictly inside the plate");
    }

    @Test
    void the_same_inputs_give_the_same_mesh() {
        List<Vec2> outline = new ArrayList<>(Meshes.regularPolygon(1, 7));
        assertThat(Meshes.extrusion(outline, 1)).isEqualTo(Meshes.extrusion(outline, 1));
        assertThat(Meshes.boxWithHole(1, 1, 0.1, 0.3, 33)).isEqualTo(Meshes.boxWithHole(1, 1, 0.1, 0.3, 33));
    }
}
