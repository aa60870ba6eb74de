package dev.scenarist.packs.mechanisms.internal.preview;

import static dev.scenarist.packs.mechanisms.Vectors.assertVec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.scene.PartLabel;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The tessellated shapes' outlines and surfaces (orientations: {@code mjcf.MjcfFramesTest}). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PreviewGeometryTest {
    private static Surface solid(Shape shape) {
        Part p = new Part("zone_goal", "", PartLabel.ZONE_GOAL, shape, Pose.IDENTITY,
                Look.plain(Palette.of(PartLabel.ZONE_GOAL, 0)));
        return Tessellator.solid(p);
    }

    @Test
    void outlines_are_a_boxs_twelve_edges_a_cylinders_rims_and_nothing_on_a_sphere() {
        assertThat(Outline.of(solid(new Shape.Box(1, 2, 3)))).hasSize(12);
        assertThat(Outline.of(solid(new Shape.Cylinder(1, 1)))).hasSize(2 * Tessellator.SEGMENTS);
        assertThat(Outline.of(solid(new Shape.Sphere(1)))).isEmpty();
        assertThat(Outline.of(solid(new Shape.Capsule(1, 2)))).isEmpty();
    }

    @Test
    void curved_shapes_lie_on_their_surfaces() {
        Surface ellipsoid = solid(new Shape.Ellipsoid(1, 2, 3));
        for (int t = 0; t < ellipsoid.triangles(); t++) {
            for (int c = 0; c < 3; c++) {
                Vec3 p = ellipsoid.cornerPoint(t, c);
                double f = p.x() * p.x() + p.y() * p.y() / 4 + p.z() * p.z() / 9;
                assertThat(f).isCloseTo(1, within(1e-9));
            }
        }
        Bounds capsule = solid(new Shape.Capsule(0.5, 2)).bounds();
        assertVec(capsule.max(), 0.5, 0.5, 2.5);
        assertThat(capsule.min().z()).isCloseTo(-2.5, within(1e-12));
    }

    @Test
    void floor_squares_are_round_numbers() {
        assertThat(Floor.niceStep(0.37)).isEqualTo(0.2);
        assertThat(Floor.niceStep(7)).isEqualTo(5);
        assertThat(Floor.niceStep(1)).isEqualTo(1);
    }
}
