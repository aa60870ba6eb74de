package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.Arrays;

/**
 * World-space triangles of one part, ready to draw: three corners and their normals per triangle (equal normals
 * for flat faces, per-corner normals for curved ones) and a base colour per triangle (a floor's checker needs two).
 * Built once, then read-only.
 */
final class Surface {
    private final double[] corners;
    private final double[] normals;
    private final int[] colours;
    private final int count;
    /** Opacity of the whole part: 1 is opaque. */
    final double alpha;
    /** The colour of the part's outline (creases and borders), or null for no outline. */
    final Colour outline;
    /** Ground, body or marker: what the part may cover when drawn. */
    final Rasterizer.Layer layer;

    private Surface(Builder b) {
        this.corners = Arrays.copyOf(b.corners, 9 * b.count);
        this.normals = Arrays.copyOf(b.normals, 9 * b.count);
        this.colours = Arrays.copyOf(b.colours, b.count);
        this.count = b.count;
        this.alpha = b.alpha;
        this.outline = b.outline;
        this.layer = b.layer;
    }

    int triangles() {
        return count;
    }

    /** Coordinate {@code axis} (0 x, 1 y, 2 z) of corner {@code corner} of triangle {@code t}. */
    double corner(int t, int corner, int axis) {
        return corners[9 * t + 3 * corner + axis];
    }

    double normal(int t, int corner, int axis) {
        return normals[9 * t + 3 * corner + axis];
    }

    Vec3 cornerPoint(int t, int corner) {
        int i = 9 * t + 3 * corner;
        return new Vec3(corners[i], corners[i + 1], corners[i + 2]);
    }

    /** Base colour of triangle {@code t}, 0xRRGGBB. */
    int colour(int t) {
        return colours[t];
    }

    /** The bounds of the corners, or null when there are none. */
    Bounds bounds() {
        Bounds b = null;
        for (int t = 0; t < count; t++) {
            for (int c = 0; c < 3; c++) {
                Vec3 p = cornerPoint(t, c);
                b = b == null ? Bounds.of(p) : b.plus(p);
            }
        }
        return b;
    }

    /** Collects triangles given in a part's own frame and places them in the world. */
    static final class Builder {
        private final Pose pose;
        private final double alpha;
        private final Colour outline;
        private final Rasterizer.Layer layer;
        private double[] corners = new double[9 * 64];
        private double[] normals = new double[9 * 64];
        private int[] colours = new int[64];
        private int count;

        Builder(Pose pose, double alpha, Colour outline, Rasterizer.Layer layer) {
            this.pose = pose;
            this.alpha = alpha;
            this.outline = outline;
            this.layer = layer;
        }

        /** A corner of a triangle and the surface normal there, in the part's frame. */
        record Vertex(Vec3 at, Vec3 normal) {}

        /** A triangle with a normal per corner, in the part's frame. */
        Builder triangle(Vertex va, Vertex vb, Vertex vc, int rgb) {
            Vec3 a = va.at();
            Vec3 na = va.normal();
            Vec3 b = vb.at();
            Vec3 nb = vb.normal();
            Vec3 c = vc.at();
            Vec3 nc = vc.normal();
            if (count == colours.length) {
                corners = Arrays.copyOf(corners, corners.length * 2);
                normals = Arrays.copyOf(normals, normals.length * 2);
                colours = Arrays.copyOf(colours, colours.length * 2);
            }
            put(9 * count, a, na);
            put(9 * count + 3, b, nb);
            put(9 * count + 6, c, nc);
            colours[count++] = rgb;
            return this;
        }

        /** A flat triangle: the normal of its plane, from its winding (the side the corners turn anticlockwise). */
        Builder flat(Vec3 a, Vec3 b, Vec3 c, int rgb) {
            Vec3 n = b.minus(a).cross(c.minus(a));
            double len = n.length();
            if (!(len > 0)) {
                return this; // degenerate: covers no pixel
            }
            n = n.times(1 / len);
            return triangle(new Vertex(a, n), new Vertex(b, n), new Vertex(c, n), rgb);
        }

        private void put(int at, Vec3 p, Vec3 n) {
            Vec3 w = pose.apply(p);
            Vec3 wn = pose.applyToDirection(n);
            corners[at] = w.x();
            corners[at + 1] = w.y();
            corners[at + 2] = w.z();
            normals[at] = wn.x();
            normals[at + 1] = wn.y();
            normals[at + 2] = wn.z();
        }

        Surface build() {
            return new Surface(this);
        }
    }
}
