package dev.scenarist.packs.mechanisms.internal.scenefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.packs.mechanisms.scene.Vec3;

import dev.scenarist.packs.mechanisms.scene.Meshes;
import dev.scenarist.packs.mechanisms.scene.TriangleMesh;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StlRoundTripTest {
    private final TriangleMesh prism = Meshes.extrusion(Meshes.regularPolygon(0.5, 6), 0.25);

    @Test
    void writes_binary_stl_with_fixed_header_count_and_fifty_bytes_per_triangle() {
        byte[] bytes = StlWriter.toBytes(prism);
        assertThat(bytes).hasSize(84 + 50 * prism.triangleCount());
        String header = new String(bytes, 0, 80, StandardCharsets.US_ASCII);
        assertThat(header).startsWith(StlWriter.HEADER_TEXT).doesNotStartWith("solid");
        assertThat(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(80)).isEqualTo(prism.triangleCount());
        // The first triangle is on the top cap, so its stored normal is +z.
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new float[] {b.getFloat(84), b.getFloat(88), b.getFloat(92)}).containsExactly(0f, 0f, 1f);
    }

    @Test
    void reads_back_every_triangle_as_written() throws Exception {
        TriangleMesh soup = StlReader.read(StlWriter.toBytes(prism));
        assertThat(soup.triangleCount()).isEqualTo(prism.triangleCount());
        for (int t = 0; t < prism.triangleCount(); t++) {
            for (int k = 0; k < 3; k++) {
                Vec3 written = prism.vertex(prism.corner(t, k));
                Vec3 read = soup.vertex(soup.corner(t, k));
                assertThat(read.x()).isEqualTo((float) written.x());
                assertThat(read.z()).isEqualTo((float) written.z());
            }
        }
        assertThat(soup.volume()).isCloseTo(prism.volume(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void rejects_ascii_stl_saying_mujoco_needs_binary() {
        byte[] ascii = "solid cube\n facet normal 0 0 1\n outer loop\n vertex 0 0 0\n vertex 1 0 0\n vertex 0 1 0\n endloop\n endfacet\nendsolid cube\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> StlReader.read(ascii)).isInstanceOf(StlFormatException.class)
                .hasMessageContaining("ASCII STL").hasMessageContaining("binary");
    }

    @Test
    void rejects_a_truncated_file_with_the_sizes() {
        byte[] bytes = StlWriter.toBytes(prism);
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 10);
        assertThatThrownBy(() -> StlReader.read(cut)).hasMessageContaining("declares " + prism.triangleCount()
                + " triangles").hasMessageContaining("has " + cut.length + " bytes");
    }
}
