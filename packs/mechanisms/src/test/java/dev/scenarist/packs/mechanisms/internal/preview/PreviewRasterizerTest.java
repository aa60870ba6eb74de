package dev.scenarist.packs.mechanisms.internal.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PreviewRasterizerTest {
    private static final Rasterizer.Background WHITE = (row, rows) -> 0xFFFFFF;

    private static Rasterizer.Corner at(double x, double y, double z) {
        return new Rasterizer.Corner(x, y, z, 1);
    }

    @Test
    void two_see_through_triangles_sharing_an_edge_blend_each_pixel_once() {
        Rasterizer r = new Rasterizer(40, 40, WHITE);
        // a square split along its diagonal, corners off the pixel grid, in both windings
        Rasterizer.Corner a = at(4.3, 5.1, 0);
        Rasterizer.Corner b = at(35.7, 4.9, 0);
        Rasterizer.Corner c = at(35.2, 36.3, 0);
        Rasterizer.Corner d = at(4.6, 35.8, 0);
        r.triangle(a, b, c, 0xFF0000, 0.5, 0);
        r.triangle(a, d, c, 0xFF0000, 0.5, 0);
        int[] px = r.pixels();
        int once = Rasterizer.blend(0xFFFFFF, 0xFF0000, 0.5);
        long twice = Arrays.stream(px).filter(p -> p == Rasterizer.blend(once, 0xFF0000, 0.5)).count();
        long gaps = 0;
        for (int y = 7; y < 34; y++) {
            for (int x = 7; x < 33; x++) {
                if (px[y * 40 + x] != once) gaps++;
            }
        }
        assertThat(twice).as("pixels blended twice along the shared diagonal").isZero();
        assertThat(gaps).as("pixels inside the square not blended exactly once").isZero();
    }

    @Test
    void the_depth_buffer_keeps_the_nearest_opaque_triangle_whatever_the_drawing_order() {
        for (boolean nearFirst : new boolean[] {true, false}) {
            Rasterizer r = new Rasterizer(20, 20, WHITE);
            Runnable near = () -> r.triangle(at(0, 0, 1), at(20, 0, 1), at(0, 20, 1), 0x00FF00, 1, 0);
            Runnable far = () -> r.triangle(at(0, 0, 2), at(20, 0, 2), at(0, 20, 2), 0x0000FF, 1, 0);
            if (nearFirst) {
                near.run();
                far.run();
            } else {
                far.run();
                near.run();
            }
            assertThat(r.pixels()[5 * 20 + 5]).isEqualTo(0x00FF00);
        }
    }

    @Test
    void light_is_interpolated_across_a_triangle() {
        Rasterizer r = new Rasterizer(64, 4, WHITE);
        r.triangle(new Rasterizer.Corner(0, -10, 0, 0), new Rasterizer.Corner(64, -10, 0, 1),
                new Rasterizer.Corner(64, 30, 0, 1), 0xFFFFFF, 1, 0);
        int[] row = Arrays.copyOfRange(r.pixels(), 0, 64);
        assertThat(row[60] & 0xFF).isGreaterThan(row[30] & 0xFF);
    }

    @Test
    void a_colour_channel_rounds_and_clamps_exactly_as_math_round_does() {
        double[] edges = {Double.NaN, Double.NEGATIVE_INFINITY, -1e300, -0.5, -0.49999999999999994, -0.0, 0.0, Double.MIN_VALUE,
                0.49999999999999994, 0.5, 0.5000000000000001, 1.4999999999999998, 1.5, 2.5, 127.49999999999999, 127.5,
                254.49999999999997, 254.5, 254.99999999999997, 255, 255.49999999999997, 255.5, 1e300, Double.POSITIVE_INFINITY};
        var random = new java.util.Random(7);
        double[] values = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(edges),
                random.doubles(100_000, -10, 265)).toArray();
        for (double v : values) {
            assertThat(Rasterizer.channel(v)).as("channel(%s)", v).isEqualTo((int) Math.max(0, Math.min(255, Math.round(v))));
        }
    }
}
