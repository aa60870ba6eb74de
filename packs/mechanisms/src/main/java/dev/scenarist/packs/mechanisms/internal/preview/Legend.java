package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.scene.PartLabel;
import java.util.List;
import java.util.Set;

/**
 * The key in the top-left corner: one swatch and word per label present in the scene, in a fixed order, on a
 * light panel. Scenes without labelled parts get no legend.
 */
final class Legend {
    private static final List<PartLabel> ORDER = List.of(PartLabel.ZONE_GOAL, PartLabel.ZONE_START,
            PartLabel.ZONE_FORBID, PartLabel.ZONE_BUILD, PartLabel.OBSTACLE, PartLabel.AGENT);
    private static final int PANEL = 0xFFFFFF;
    private static final double PANEL_ALPHA = 0.82;
    private static final int BORDER = 0x9AA0A8;
    private static final int TEXT = 0x202428;

    private Legend() {}

    private static final String ARROW_TEXT = "START TO GOAL";

    /** Draws the legend for {@code labels} onto a {@code width} × {@code height} image. */
    static void draw(int[] pixels, int width, int height, Set<PartLabel> labels) {
        draw(pixels, width, height, labels, false);
    }

    /** Draws the legend for {@code labels}, and for the task's arrow when {@code arrow}, onto the image. */
    static void draw(int[] pixels, int width, int height, Set<PartLabel> labels, boolean arrow) {
        List<PartLabel> rows = ORDER.stream().filter(labels::contains).toList();
        int count = rows.size() + (arrow ? 1 : 0);
        if (count == 0) {
            return;
        }
        int scale = Math.max(1, Math.round(height / 240f)); // 2 at 480 rows: legible, not dominant
        int pad = 4 * scale;
        int swatch = PixelFont.GLYPH_HEIGHT * scale;
        int rowHeight = swatch + 3 * scale;
        int textWidth = Math.max(arrow ? PixelFont.width(ARROW_TEXT, scale) : 0,
                rows.stream().mapToInt(l -> PixelFont.width(Palette.legendText(l), scale)).max().orElse(0));
        int panelW = pad + swatch + pad + textWidth + pad;
        int panelH = pad + count * rowHeight - 3 * scale + pad;
        int x0 = 2 * pad;
        int y0 = 2 * pad;
        for (int y = Math.max(0, y0); y < Math.min(height, y0 + panelH); y++) {
            for (int x = Math.max(0, x0); x < Math.min(width, x0 + panelW); x++) {
                pixels[y * width + x] = Rasterizer.blend(pixels[y * width + x], PANEL, PANEL_ALPHA);
            }
        }
        Canvas canvas = new Canvas(pixels, width, height);
        frame(canvas, x0, y0, panelW, panelH, BORDER);
        for (int i = 0; i < rows.size(); i++) {
            PartLabel label = rows.get(i);
            int y = y0 + pad + i * rowHeight;
            int sx = x0 + pad;
            Colour c = Palette.swatch(label);
            if (label.isZone()) {
                // as drawn in the scene: a see-through fill with a darker edge
                for (int py = y; py < y + swatch; py++) {
                    for (int px = sx; px < sx + swatch; px++) {
                        if (px < width && py < height) {
                            pixels[py * width + px] = Rasterizer.blend(pixels[py * width + px], c.rgb(), 0.55);
                        }
                    }
                }
                frame(canvas, sx, y, swatch, swatch, Palette.outline(c).rgb());
            } else {
                PixelFont.fill(canvas, sx, y, swatch, swatch, c.rgb());
                frame(canvas, sx, y, swatch, swatch, c.shade(0.6).rgb());
            }
            PixelFont.draw(canvas, Palette.legendText(label), sx + swatch + pad, y, scale, TEXT);
        }
        if (arrow) {
            int y = y0 + pad + rows.size() * rowHeight;
            int sx = x0 + pad;
            arrowSwatch(canvas, sx, y, swatch);
            PixelFont.draw(canvas, ARROW_TEXT, sx + swatch + pad, y, scale, TEXT);
        }
    }

    /** The arrow in small: a white shaft and head on the arrow's dark rim colour, pointing right. */
    private static void arrowSwatch(Canvas canvas, int x, int y, int size) {
        PixelFont.fill(canvas, x, y, size, size, TaskArrow.RIM);
        int mid = y + size / 2;
        int head = Math.max(2, size / 3);
        PixelFont.fill(canvas, x + 1, mid - size / 10, size - 1 - head, Math.max(1, size / 5), TaskArrow.FILL);
        for (int k = 0; k < head; k++) {
            int half = head - 1 - k;
            PixelFont.fill(canvas, x + size - 1 - head + k, mid - half, 1, 2 * half + 1, TaskArrow.FILL);
        }
    }

    private static void frame(Canvas canvas, int x, int y, int w, int h, int colour) {
        PixelFont.fill(canvas, x, y, w, 1, colour);
        PixelFont.fill(canvas, x, y + h - 1, w, 1, colour);
        PixelFont.fill(canvas, x, y, 1, h, colour);
        PixelFont.fill(canvas, x + w - 1, y, 1, h, colour);
    }
}
