package dev.scenarist.packs.mechanisms.internal.preview;

/**
 * Draws the task's arrow over the finished scene: white with a dark rim, so it reads on the sky, the floor and the
 * parts alike, and on top of everything (it is an annotation, not a part of the scene). The head's tip sits on the
 * goal zone's centre.
 */
final class TaskArrow {
    static final int FILL = 0xFFFFFF;
    static final int RIM = 0x1A1D22;
    /** Shaft width and head length, in output pixels. */
    static final int SHAFT = 3;
    static final int HEAD = 16;

    private TaskArrow() {}

    /**
     * Draws {@code arrow} through {@code camera} into {@code raster}, whose pixels are {@code ss} output pixels
     * each way. An arrow shorter than half a head on screen (a task seen end-on) is left out: it would point
     * nowhere.
     */
    static void draw(TaskMarks.Arrow arrow, Camera camera, Rasterizer raster, int ss) {
        double[] a = camera.project(arrow.from());
        double[] b = camera.project(arrow.to());
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double length = Math.hypot(dx, dy);
        double head = Math.min(HEAD * ss, 0.45 * length);
        if (length < 0.5 * HEAD * ss) {
            return;
        }
        double ux = dx / length;
        double uy = dy / length;
        double baseX = b[0] - ux * head;
        double baseY = b[1] - uy * head;
        double halfWidth = 0.5 * head;
        Rasterizer.Point tip = onTop(b[0], b[1]);
        Rasterizer.Point left = onTop(baseX - uy * halfWidth, baseY + ux * halfWidth);
        Rasterizer.Point right = onTop(baseX + uy * halfWidth, baseY - ux * halfWidth);
        Rasterizer.Point start = onTop(a[0], a[1]);
        Rasterizer.Point neck = onTop(baseX + ux * ss, baseY + uy * ss);
        var rim = new Rasterizer.Stroke(RIM, (SHAFT + 2) * ss, Double.POSITIVE_INFINITY, 0);
        var rimEdge = new Rasterizer.Stroke(RIM, 2 * ss, Double.POSITIVE_INFINITY, 0);
        raster.line(start, neck, rim);
        raster.line(tip, left, rimEdge);
        raster.line(left, right, rimEdge);
        raster.line(right, tip, rimEdge);
        raster.line(start, neck, new Rasterizer.Stroke(FILL, SHAFT * ss, Double.POSITIVE_INFINITY, 0));
        raster.triangle(corner(tip), corner(left), corner(right), new Rasterizer.Fill(FILL, 1, 0, Rasterizer.Layer.MARKER));
    }

    /** A screen point in front of everything drawn (finite: the line interpolates depths). */
    private static Rasterizer.Point onTop(double x, double y) {
        return new Rasterizer.Point(x, y, -Float.MAX_VALUE);
    }

    /** Fully lit, so the fill is exactly {@link #FILL}; nearer than anything drawn, so nothing hides it. */
    private static Rasterizer.Corner corner(Rasterizer.Point p) {
        return new Rasterizer.Corner(p.x(), p.y(), -Float.MAX_VALUE, 1);
    }
}
