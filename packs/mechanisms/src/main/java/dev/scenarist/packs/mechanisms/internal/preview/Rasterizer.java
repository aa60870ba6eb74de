package dev.scenarist.packs.mechanisms.internal.preview;

import java.util.Arrays;

/**
 * Fills triangles and draws lines into an RGB frame with a per-pixel depth buffer. Corners are snapped to a
 * 1/16-pixel grid and coverage is decided with exact integer edge functions and a fill rule, so triangles that
 * share an edge cover each pixel along it exactly once: a see-through zone shows no seams, and the result never
 * depends on rounding.
 */
final class Rasterizer {
    private static final int SUBPIXEL_BITS = 4;
    private static final int SUBPIXEL = 1 << SUBPIXEL_BITS;
    /** Corners beyond this many pixels from the image are not drawn (the integer edge functions would overflow). */
    private static final double FAR = 1 << 24;

    final int width;
    final int height;
    private final int[] rgb;
    private final float[] depth;
    /** Which pixels show a body (an opaque part that is not the ground): markers never tint them. */
    private final boolean[] body;
    /** Which line last blended each pixel (allocated on the first hidden line), and the count of lines so far. */
    private int[] lineStamps;
    private int lines;

    Rasterizer(int width, int height, Background background) {
        this.width = width;
        this.height = height;
        this.rgb = new int[width * height];
        this.depth = new float[width * height];
        this.body = new boolean[width * height];
        Arrays.fill(depth, Float.POSITIVE_INFINITY);
        for (int y = 0; y < height; y++) {
            Arrays.fill(rgb, y * width, (y + 1) * width, background.at(y, height));
        }
    }

    /** The backdrop behind the scene, one colour per row. */
    interface Background {
        int at(int row, int rows);
    }

    /**
     * What a triangle belongs to, which decides what it may cover. The ground and bodies are drawn as seen; a marker
     * (a zone) is see-through and blends only over the ground and the sky, never over a body, so a body inside or
     * behind a zone keeps its own colour.
     */
    enum Layer {
        GROUND, BODY, MARKER
    }

    /** One corner of a triangle on screen: pixel position, depth, and the light falling on it (0..1+). */
    record Corner(double x, double y, double z, double light) {}

    /**
     * Fills a triangle in {@code base} colour, each pixel lit by the corners' light interpolated across it.
     * Opaque triangles ({@code alpha >= 1}) pass where nearer than what is drawn and hide what lies behind;
     * see-through ones are blended over what is drawn where not behind it (within {@code tolerance}) and hide
     * nothing.
     */
    void triangle(Corner c0, Corner c1, Corner c2, int base, double alpha, double tolerance) {
        triangle(c0, c1, c2, new Fill(base, alpha, tolerance, Layer.BODY));
    }

    /**
     * How a triangle is filled: its base colour, its opacity, the depth slack of a see-through fill, and the layer
     * it belongs to.
     */
    record Fill(int base, double alpha, double tolerance, Layer layer) {}

    /** As {@link #triangle(Corner, Corner, Corner, int, double, double)}, for a part of {@code fill.layer()}. */
    void triangle(Corner c0, Corner c1, Corner c2, Fill fill) {
        int base = fill.base();
        double alpha = fill.alpha();
        double tolerance = fill.tolerance();
        Layer layer = fill.layer();
        if (far(c0) || far(c1) || far(c2)) {
            return;
        }
        long x0 = snap(c0.x());
        long y0 = snap(c0.y());
        long x1 = snap(c1.x());
        long y1 = snap(c1.y());
        long x2 = snap(c2.x());
        long y2 = snap(c2.y());
        long area = (x1 - x0) * (y2 - y0) - (y1 - y0) * (x2 - x0);
        if (area == 0) {
            return;
        }
        if (area < 0) { // make the winding positive so one inside test serves both orders
            Corner tc = c1;
            c1 = c2;
            c2 = tc;
            long t = x1;
            x1 = x2;
            x2 = t;
            t = y1;
            y1 = y2;
            y2 = t;
            area = -area;
        }
        int minX = Math.max(0, (int) (Math.min(x0, Math.min(x1, x2)) >> SUBPIXEL_BITS));
        int maxX = Math.min(width - 1, (int) (Math.max(x0, Math.max(x1, x2)) >> SUBPIXEL_BITS));
        int minY = Math.max(0, (int) (Math.min(y0, Math.min(y1, y2)) >> SUBPIXEL_BITS));
        int maxY = Math.min(height - 1, (int) (Math.max(y0, Math.max(y1, y2)) >> SUBPIXEL_BITS));
        if (minX > maxX || minY > maxY) {
            return;
        }
        // Fill rule: a pixel centre exactly on an edge belongs to the triangle only if the edge runs "down" (or
        // "left" when level); the neighbour shares the edge in the opposite direction and so does not take it.
        long bias0 = owns(x1, y1, x2, y2) ? 0 : -1;
        long bias1 = owns(x2, y2, x0, y0) ? 0 : -1;
        long bias2 = owns(x0, y0, x1, y1) ? 0 : -1;
        double inv = 1.0 / area;
        int r = (base >> 16) & 0xFF;
        int g = (base >> 8) & 0xFF;
        int b = base & 0xFF;
        boolean opaque = alpha >= 1;
        boolean marksBody = opaque && layer != Layer.GROUND;
        boolean sparesBodies = !opaque && layer == Layer.MARKER;
        // The edge functions are linear in the pixel position: stepping one pixel right adds a constant to each. So
        // each row's span inside the triangle is solved for exactly, in integers (the same pixels as testing each
        // one), and a pixel of the span costs three additions: no tests of the pixels outside, no multiplications.
        long step0 = -(y2 - y1) * SUBPIXEL;
        long step1 = -(y0 - y2) * SUBPIXEL;
        long step2 = -(y1 - y0) * SUBPIXEL;
        long sx0 = ((long) minX << SUBPIXEL_BITS) + SUBPIXEL / 2;
        int last = maxX - minX;
        // a flat face (the ground, a box side, a zone) has the same light at every corner: one colour for all its pixels
        boolean evenlyLit = c0.light() == c1.light() && c1.light() == c2.light();
        int evenLit = pack(r * c0.light(), g * c0.light(), b * c0.light());
        for (int py = minY; py <= maxY; py++) {
            long sy = ((long) py << SUBPIXEL_BITS) + SUBPIXEL / 2;
            long w0 = edge(x1, y1, x2, y2, sx0, sy);
            long w1 = edge(x2, y2, x0, y0, sx0, sy);
            long w2 = edge(x0, y0, x1, y1, sx0, sy);
            long from = Math.max(first(w0 + bias0, step0), Math.max(first(w1 + bias1, step1), first(w2 + bias2, step2)));
            long to = Math.min(last, Math.min(lastIn(w0 + bias0, step0, last), Math.min(lastIn(w1 + bias1, step1, last),
                    lastIn(w2 + bias2, step2, last))));
            if (from > to) {
                continue;
            }
            w0 += from * step0;
            w1 += from * step1;
            w2 += from * step2;
            for (int px = minX + (int) from; px <= minX + to; px++, w0 += step0, w1 += step1, w2 += step2) {
                double l0 = w0 * inv;
                double l1 = w1 * inv;
                double l2 = 1 - l0 - l1;
                double z = l0 * c0.z() + l1 * c1.z() + l2 * c2.z();
                int i = py * width + px;
                if (opaque ? !(z < depth[i]) : z > depth[i] + tolerance || sparesBodies && body[i]) {
                    continue;
                }
                int lit = evenlyLit ? evenLit : lit(r, g, b, l0 * c0.light() + l1 * c1.light() + l2 * c2.light());
                if (opaque) {
                    depth[i] = (float) z;
                    body[i] = marksBody;
                    rgb[i] = lit;
                } else {
                    rgb[i] = blend(rgb[i], lit, alpha);
                }
            }
        }
    }

    /** A point on the screen: pixel coordinates and the camera depth. */
    record Point(double x, double y, double depth) {}

    /** How a line is drawn: colour, width in pixels, depth tolerance, and the alpha of its hidden parts. */
    record Stroke(int colour, int thickness, double tolerance, double hiddenAlpha) {}

    /**
     * A line {@code thickness} pixels wide. Where it is not behind what is drawn (within {@code tolerance}) it is
     * drawn solid; where something hides it, blended at {@code hiddenAlpha}, like the hidden lines of a technical
     * drawing (0 leaves hidden parts out).
     */
    void line(Point from, Point to, Stroke stroke) {
        double xa = from.x();
        double ya = from.y();
        double za = from.depth();
        double xb = to.x();
        double yb = to.y();
        double zb = to.depth();
        int colour = stroke.colour();
        int thickness = stroke.thickness();
        double tolerance = stroke.tolerance();
        double hiddenAlpha = stroke.hiddenAlpha();
        if (!Double.isFinite(xa + ya + xb + yb) || Math.abs(xa) > FAR || Math.abs(xb) > FAR || Math.abs(ya) > FAR
                || Math.abs(yb) > FAR) {
            return;
        }
        double dx = xb - xa;
        double dy = yb - ya;
        int steps = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)) * 2) + 1;
        int lo = -(thickness - 1) / 2;
        int hi = thickness / 2;
        int stamp = ++lines;
        for (int s = 0; s <= steps; s++) {
            double t = (double) s / steps;
            int cx = (int) Math.floor(xa + dx * t);
            int cy = (int) Math.floor(ya + dy * t);
            double z = za + (zb - za) * t;
            for (int oy = lo; oy <= hi; oy++) {
                for (int ox = lo; ox <= hi; ox++) {
                    int x = cx + ox;
                    int y = cy + oy;
                    if (x < 0 || y < 0 || x >= width || y >= height) {
                        continue;
                    }
                    int i = y * width + x;
                    if (z <= depth[i] + tolerance) {
                        rgb[i] = colour;
                    } else if (hiddenAlpha > 0 && lineStamps()[i] != stamp) {
                        lineStamps[i] = stamp; // blend once per line, however often the brush passes over it
                        rgb[i] = blend(rgb[i], colour, hiddenAlpha);
                    }
                }
            }
        }
    }

    private int[] lineStamps() {
        if (lineStamps == null) {
            lineStamps = new int[width * height];
        }
        return lineStamps;
    }

    /** The frame shrunk by {@code factor} each way, each pixel the mean of the block it covers (anti-aliasing). */
    int[] downsample(int factor) {
        int w = width / factor;
        int h = height / factor;
        int[] out = new int[w * h];
        int n = factor * factor;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int sy = 0; sy < factor; sy++) {
                    int row = (y * factor + sy) * width + x * factor;
                    for (int sx = 0; sx < factor; sx++) {
                        int c = rgb[row + sx];
                        r += (c >> 16) & 0xFF;
                        g += (c >> 8) & 0xFF;
                        b += c & 0xFF;
                    }
                }
                out[y * w + x] = ((r + n / 2) / n) << 16 | ((g + n / 2) / n) << 8 | ((b + n / 2) / n);
            }
        }
        return out;
    }

    int[] pixels() {
        return rgb.clone();
    }

    private static int lit(int r, int g, int b, double light) {
        return pack(r * light, g * light, b * light);
    }

    static int blend(int under, int over, double alpha) {
        double keep = 1 - alpha;
        return pack(((under >> 16) & 0xFF) * keep + ((over >> 16) & 0xFF) * alpha,
                ((under >> 8) & 0xFF) * keep + ((over >> 8) & 0xFF) * alpha,
                (under & 0xFF) * keep + (over & 0xFF) * alpha);
    }

    static int pack(double r, double g, double b) {
        return channel(r) << 16 | channel(g) << 8 | channel(b);
    }

    /**
     * {@code v} rounded half up and clamped to 0..255: exactly {@code Math.round} (floor of v + ½, NaN to 0), without
     * it. Under C1, which compiles campaigns, Math.round is not an intrinsic, and this one call per colour channel was a
     * quarter of a preview's time. Subtracting the integer part of a double below 2^52 is exact, so comparing what is left
     * with ½ rounds as Math.round does, also just below a half (0.49999999999999994 → 0, where {@code (int) (v + 0.5)}
     * gives 1).
     */
    static int channel(double v) {
        if (!(v > 0)) return 0; // NaN too
        if (v >= 255) return 255;
        int whole = (int) v;
        return v - whole >= 0.5 ? whole + 1 : whole;
    }

    private static boolean far(Corner c) {
        return !(Math.abs(c.x()) < FAR && Math.abs(c.y()) < FAR) || !Double.isFinite(c.z());
    }

    private static long snap(double v) {
        return Math.round(v * SUBPIXEL);
    }

    /**
     * The first step k ≥ 0 at which {@code value + k * step ≥ 0} (a pixel of the row is inside this edge), or
     * {@link Long#MAX_VALUE} when there is none.
     */
    private static long first(long value, long step) {
        if (value >= 0) return 0;
        return step > 0 ? Math.ceilDiv(-value, step) : Long.MAX_VALUE;
    }

    /** The last step k ≤ {@code last} at which {@code value + k * step ≥ 0}, or -1 when there is none. */
    private static long lastIn(long value, long step, long last) {
        if (step >= 0) return value >= 0 || step > 0 ? last : -1;
        return value < 0 ? -1 : Math.floorDiv(value, -step);
    }

    /** Twice the signed area of (a, b, p): positive when p lies to the inside of edge a→b. */
    private static long edge(long ax, long ay, long bx, long by, long px, long py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    /** Whether pixel centres exactly on edge a→b belong to the triangle on its inside (see the fill rule). */
    private static boolean owns(long ax, long ay, long bx, long by) {
        return by > ay || (by == ay && bx < ax);
    }
}
