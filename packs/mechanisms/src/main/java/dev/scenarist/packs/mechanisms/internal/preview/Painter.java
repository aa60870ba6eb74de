package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws surfaces through a camera into a {@link Rasterizer}: opaque triangles first (the depth buffer sorts them),
 * then see-through triangles from far to near (blending needs that order; they do not write depth; zones blend only
 * over the ground, never over a body), then outlines (faint where other parts hide them).
 */
final class Painter {
    /** Depth slack for see-through faces lying on an opaque one (a zone's bottom on the floor), in scene radii. */
    private static final double BLEND_TOLERANCE = 1e-4;
    /** Depth slack for outlines, which lie exactly on their own faces and on the floor, in scene radii. */
    private static final double LINE_TOLERANCE = 4e-3;
    /**
     * Opacity of outline parts hidden behind other parts: faint, but a zone is never invisible (a goal behind a
     * door still shows where it is).
     */
    static final double HIDDEN_OUTLINE_ALPHA = 0.45;

    private final Camera camera;
    private final Rasterizer raster;
    private final double radius;
    private final int lineWidth;

    /**
     * @param radius the scene's size, which scales the depth tolerances
     * @param lineWidth outline width in the raster's pixels
     */
    Painter(Camera camera, Rasterizer raster, double radius, int lineWidth) {
        this.camera = camera;
        this.raster = raster;
        this.radius = radius;
        this.lineWidth = lineWidth;
    }

    /** One see-through triangle waiting for its turn, with the depth of its centre. */
    private record Pending(Surface surface, int triangle, double depth) {}

    void paint(List<Surface> surfaces) {
        List<Pending> seeThrough = new ArrayList<>();
        for (Surface s : surfaces) {
            for (int t = 0; t < s.triangles(); t++) {
                if (s.alpha >= 1) {
                    draw(s, t);
                } else {
                    seeThrough.add(new Pending(s, t, centreDepth(s, t)));
                }
            }
        }
        // far to near; the sort is stable, so equal depths keep document order and the image stays reproducible
        seeThrough.sort(Comparator.comparingDouble(Pending::depth).reversed());
        for (Pending p : seeThrough) {
            draw(p.surface(), p.triangle());
        }
        for (Surface s : surfaces) {
            if (s.outline != null) {
                outline(s);
            }
        }
    }

    private void draw(Surface s, int t) {
        raster.triangle(corner(s, t, 0), corner(s, t, 1), corner(s, t, 2),
                new Rasterizer.Fill(s.colour(t), s.alpha, BLEND_TOLERANCE * radius, s.layer));
    }

    private Rasterizer.Corner corner(Surface s, int t, int c) {
        double x = s.corner(t, c, 0);
        double y = s.corner(t, c, 1);
        double z = s.corner(t, c, 2);
        return new Rasterizer.Corner(camera.x(x, y, z), camera.y(x, y, z), camera.depth(x, y, z),
                Shading.light(s.normal(t, c, 0), s.normal(t, c, 1), s.normal(t, c, 2), camera.forward()));
    }

    private double centreDepth(Surface s, int t) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            sum += camera.depth(s.corner(t, c, 0), s.corner(t, c, 1), s.corner(t, c, 2));
        }
        return sum / 3;
    }

    private void outline(Surface s) {
        var stroke = new Rasterizer.Stroke(s.outline.rgb(), lineWidth, LINE_TOLERANCE * radius, HIDDEN_OUTLINE_ALPHA);
        for (Outline.Segment seg : Outline.of(s)) {
            var a = seg.from();
            var b = seg.to();
            raster.line(screen(a), screen(b), stroke);
        }
    }

    private Rasterizer.Point screen(Vec3 p) {
        return new Rasterizer.Point(camera.x(p.x(), p.y(), p.z()), camera.y(p.x(), p.y(), p.z()), camera.depth(p.x(), p.y(), p.z()));
    }
}
