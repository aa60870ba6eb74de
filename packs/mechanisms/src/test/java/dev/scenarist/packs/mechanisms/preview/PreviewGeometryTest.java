package dev.scenarist.packs.mechanisms.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scenarist.packs.mechanisms.scene.PartLabel;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Orientations as MuJoCo's compiler converts them, and the tessellated shapes' outlines. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PreviewGeometryTest {
    private static void assertVec(Vec3 actual, double x, double y, double z) {
        assertThat(actual.x()).isCloseTo(x, within(1e-12));
        assertThat(actual.y()).isCloseTo(y, within(1e-12));
        assertThat(actual.z()).isCloseTo(z, within(1e-12));
    }

    @Test
    void lower_case_euler_axes_move_with_the_frame_upper_case_stay_fixed() {
        double[] angles = {90, 0, 90};
        // intrinsic x then z: Rx·Rz, so x goes to y (by Rz) and then to z (by Rx)
        assertVec(new OrientationReader(true, "xyz").euler(angles).apply(Vec3.X), 0, 0, 1);
        // extrinsic X then Z: Rz·Rx, so x stays x (Rx) and then turns to y (Rz)
        assertVec(new OrientationReader(true, "XYZ").euler(angles).apply(Vec3.X), 0, 1, 0);
        // radians when the compiler says so
        assertVec(new OrientationReader(false, "xyz").euler(new double[] {0, 0, Math.PI / 2}).apply(Vec3.X), 0, 1, 0);
    }

    @Test
    void zaxis_is_the_shortest_turn_of_z_onto_the_direction() {
        assertVec(Rotation.zTo(Vec3.of(2, 0, 0)).apply(Vec3.Z), 1, 0, 0);
        assertVec(Rotation.zTo(Vec3.of(2, 0, 0)).apply(Vec3.Y), 0, 1, 0); // y is on the turn's axis
        assertVec(Rotation.zTo(Vec3.of(0, 0, -1)).apply(Vec3.Z), 0, 0, -1);
    }

    @Test
    void poses_compose_parent_first() {
        Pose parent = new Pose(Vec3.of(1, 0, 0), Rotation.about(Vec3.Z, Math.PI / 2));
        Pose child = new Pose(Vec3.of(1, 0, 0), Rotation.IDENTITY);
        assertVec(parent.then(child).position(), 1, 1, 0);
        assertVec(parent.toLocal(Vec3.of(1, 1, 0)), 1, 0, 0);
    }

    private static Surface solid(Shape shape) {
        Part p = new Part("zone_goal", PartLabel.ZONE_GOAL, shape, Pose.IDENTITY, Palette.of(PartLabel.ZONE_GOAL, 0),
                Palette.of(PartLabel.ZONE_GOAL, 0));
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
