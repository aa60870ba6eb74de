package dev.scenarist.packs.mechanisms.internal.mjcf;

import static dev.scenarist.packs.mechanisms.Vectors.assertVec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.packs.mechanisms.scene.Quat;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positions and orientations read as MuJoCo's compiler reads them, and poses composed down the tree. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MjcfFramesTest {
    @TempDir
    Path dir;

    private MjcfModel model(String xml) throws IOException {
        Path file = dir.resolve("model.xml");
        Files.writeString(file, xml);
        return MjcfModel.load(file);
    }

    @Test
    void lower_case_euler_axes_move_with_the_frame_upper_case_stay_fixed() {
        double[] angles = {90, 0, 90};
        // intrinsic x then z: Rx·Rz, so x goes to y (by Rz) and then to z (by Rx)
        assertVec(new MjcfFrames(true, "xyz").euler(angles).rotate(Vec3.X), 0, 0, 1);
        // extrinsic X then Z: Rz·Rx, so x stays x (Rx) and then turns to y (Rz)
        assertVec(new MjcfFrames(true, "XYZ").euler(angles).rotate(Vec3.X), 0, 1, 0);
        // radians when the compiler says so
        assertVec(new MjcfFrames(false, "xyz").euler(0, 0, Math.PI / 2).rotate(Vec3.X), 0, 1, 0);
    }

    @Test
    void zaxis_is_the_shortest_turn_of_z_onto_the_direction() {
        assertVec(Quat.zTo(Vec3.of(2, 0, 0)).rotate(Vec3.Z), 1, 0, 0);
        assertVec(Quat.zTo(Vec3.of(2, 0, 0)).rotate(Vec3.Y), 0, 1, 0); // y is on the turn's axis
        assertVec(Quat.zTo(Vec3.of(0, 0, -1)).rotate(Vec3.Z), 0, 0, -1);
    }

    @Test
    void poses_compose_parent_first() {
        Pose parent = new Pose(Vec3.of(1, 0, 0), Quat.about(Vec3.Z, Math.PI / 2));
        Pose child = new Pose(Vec3.of(1, 0, 0), Quat.IDENTITY);
        assertVec(parent.compose(child).position(), 1, 1, 0);
        assertVec(parent.applyInverse(Vec3.of(1, 1, 0)), 1, 0, 0);
        assertVec(parent.relative(parent.compose(child)).position(), 1, 0, 0);
        Pose back = parent.compose(parent.inverse());
        assertVec(back.position(), 0, 0, 0);
        assertVec(back.rotation().rotate(Vec3.X), 1, 0, 0);
    }

    @Test
    void every_specifier_reads_in_the_compilers_unit_and_the_elements_own_one_wins_over_its_class() throws IOException {
        MjcfModel m = model("""
                <mujoco>
                  <compiler angle="radian"/>
                  <default><default class="turned"><geom euler="0 0 1.5707963267948966"/></default></default>
                  <worldbody>
                    <body name="b" pos="1 2 3" axisangle="0 0 2 1.5707963267948966">
                      <geom name="q" size="1" quat="0 0 0 2"/>
                      <geom name="xy" size="1" xyaxes="0 1 0 -1 0 0"/>
                      <geom name="z" size="1" zaxis="1 0 0"/>
                      <geom name="inherited" class="turned" size="1"/>
                      <geom name="own" class="turned" size="1" zaxis="0 1 0"/>
                    </body>
                  </worldbody>
                </mujoco>""");
        MjcfFrames frames = MjcfFrames.of(m);
        assertThat(frames.degrees()).isFalse();
        MjcfElement body = m.named("body", "b").orElseThrow();
        assertVec(frames.position(body), 1, 2, 3);
        assertVec(frames.orientation(body).rotate(Vec3.X), 0, 1, 0);
        Quat q = frames.orientation(m.named("geom", "q").orElseThrow());
        assertThat(q.values()).containsExactly(0, 0, 0, 1); // normalized, as MuJoCo reads it
        assertVec(frames.orientation(m.named("geom", "xy").orElseThrow()).rotate(Vec3.X), 0, 1, 0);
        assertVec(frames.orientation(m.named("geom", "z").orElseThrow()).rotate(Vec3.Z), 1, 0, 0);
        assertVec(frames.orientation(m.named("geom", "inherited").orElseThrow()).rotate(Vec3.X), 0, 1, 0);
        assertVec(frames.orientation(m.named("geom", "own").orElseThrow()).rotate(Vec3.Z), 0, 1, 0);
        assertVec(frames.pose(body).compose(frames.pose(m.named("geom", "z").orElseThrow()))
                .applyToDirection(Vec3.Z), 0, 1, 0);
    }

    @Test
    void degrees_are_the_default_and_what_muJoCo_refuses_reads_as_no_rotation() throws IOException {
        MjcfModel m = model("""
                <mujoco>
                  <worldbody>
                    <geom name="deg" size="1" axisangle="0 0 1 90"/>
                    <geom name="zero" size="1" quat="0 0 0 0"/>
                    <geom name="axis" size="1" axisangle="0 0 0 90"/>
                  </worldbody>
                </mujoco>""");
        MjcfFrames frames = MjcfFrames.of(m);
        assertThat(frames.degrees()).isTrue();
        assertVec(frames.orientation(m.named("geom", "deg").orElseThrow()).rotate(Vec3.X), 0, 1, 0);
        assertThat(frames.orientation(m.named("geom", "zero").orElseThrow())).isEqualTo(Quat.IDENTITY);
        assertThat(frames.orientation(m.named("geom", "axis").orElseThrow())).isEqualTo(Quat.IDENTITY);
    }

    @Test
    void numbers_that_do_not_parse_name_the_file_and_line() throws IOException {
        MjcfModel m = model("<mujoco>\n<worldbody>\n<geom name=\"g\" size=\"1\" pos=\"1 x 2\" euler=\"a b c\"/>\n"
                + "</worldbody>\n</mujoco>");
        MjcfFrames frames = MjcfFrames.of(m);
        MjcfElement g = m.named("geom", "g").orElseThrow();
        assertThatThrownBy(() -> frames.position(g)).isInstanceOf(MjcfReadException.class)
                .hasMessageContaining("model.xml:3").hasMessageContaining("'pos'");
        assertThatThrownBy(() -> frames.orientation(g)).isInstanceOf(MjcfReadException.class)
                .hasMessageContaining("model.xml:3").hasMessageContaining("'euler'");
    }
}
