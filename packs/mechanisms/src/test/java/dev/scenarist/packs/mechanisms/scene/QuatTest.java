package dev.scenarist.packs.mechanisms.scene;

import static dev.scenarist.packs.mechanisms.Vectors.assertVec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The quaternion a scene writes, and the rotation arithmetic previews and the ODE fallback do with it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QuatTest {
    @Test
    void written_values_stay_as_given_and_a_zero_quaternion_is_refused() {
        assertThat(Quat.of(2, 0, 0, 0).values()).containsExactly(2, 0, 0, 0);
        assertThat(Quat.of(2, 0, 0, 0).attribute()).isEqualTo("quat");
        assertThatThrownBy(() -> Quat.of(0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quat.axisAngle(Vec3.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_quaternion_rotates_as_the_rotation_it_stands_for_whatever_its_length() {
        Quat quarter = Quat.axisAngle(Vec3.Z, Math.PI / 2);
        assertVec(quarter.rotate(Vec3.X), 0, 1, 0);
        Quat scaled = Quat.of(2 * quarter.w(), 0, 0, 2 * quarter.z());
        assertVec(scaled.rotate(Vec3.X), 0, 1, 0);
        assertThat(scaled.normalized().w()).isCloseTo(quarter.w(), within(1e-15));
        assertThat(Quat.about(Vec3.of(0, 0, 5), Math.PI / 2).values())
                .containsExactly(new double[] {quarter.w(), 0, 0, quarter.z()}, within(1e-15));
        assertThat(Quat.about(Vec3.ZERO, 1)).isEqualTo(Quat.IDENTITY);
    }

    @Test
    void products_apply_the_right_hand_rotation_first_and_inverses_undo() {
        Quat x = Quat.about(Vec3.X, Math.PI / 2);
        Quat z = Quat.about(Vec3.Z, Math.PI / 2);
        assertVec(x.times(z).rotate(Vec3.X), 0, 0, 1); // z turns x to y, then x turns y to z
        assertVec(z.inverse().rotate(Vec3.Y), 1, 0, 0);
        assertVec(z.times(z.inverse()).rotate(Vec3.X), 1, 0, 0);
    }

    @Test
    void matrix_columns_and_rotation_vector_agree_with_the_rotation() {
        Quat q = Quat.about(Vec3.of(1, 2, 3), 0.7);
        double[] m = q.matrix();
        Vec3 cx = new Vec3(m[0], m[3], m[6]);
        Vec3 cy = new Vec3(m[1], m[4], m[7]);
        Vec3 cz = new Vec3(m[2], m[5], m[8]);
        Vec3 rx = q.rotate(Vec3.X);
        assertVec(cx, rx.x(), rx.y(), rx.z());
        Quat back = Quat.fromColumns(cx, cy, cz);
        assertVec(back.rotate(Vec3.Y), q.rotate(Vec3.Y).x(), q.rotate(Vec3.Y).y(), q.rotate(Vec3.Y).z());
        Vec3 axis = Vec3.of(1, 2, 3).normalized().times(0.7);
        assertVec(q.rotationVector(), axis.x(), axis.y(), axis.z());
        assertVec(Quat.IDENTITY.rotationVector(), 0, 0, 0);
    }
}
