package dev.scenarist.server.charts;

import java.util.List;

/** Vertical bars over ordered buckets (attempts 1, 2, 3 …), each with its count above it. */
public final class Histogram {
    private static final int WIDTH = 420;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 18;
    private static final int BOTTOM = 44;

    private Histogram() {}

    public static String render(String title, String xLabel, String yLabel, List<Bar> buckets) {
        double top = Svg.niceMax(buckets.stream().mapToDouble(Bar::value).max().orElse(0));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        Svg svg = new Svg(WIDTH, HEIGHT, "histogram", title, BarChart.describe(title, xLabel + " → " + yLabel, buckets));
        double slot = buckets.isEmpty() ? plotW : (double) plotW / buckets.size();
        if (buckets.isEmpty()) svg.text(LEFT + plotW / 2.0, TOP + plotH / 2.0, "middle", "empty", "no data yet");
        for (int i = 0; i < buckets.size(); i++) {
            Bar b = buckets.get(i);
            double h = b.value() / top * plotH;
            double x = LEFT + i * slot + slot * 0.15;
            svg.rect(x, TOP + plotH - h, slot * 0.7, h, "chart-bar", b.label() + ": " + b.valueText());
            svg.text(x + slot * 0.35, TOP + plotH - h - 4, "middle", "value", b.valueText());
            svg.text(x + slot * 0.35, TOP + plotH + 14, "middle", "tick", b.label());
        }
        svg.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "chart-axis");
        svg.line(LEFT, TOP, LEFT, TOP + plotH, "chart-axis");
        svg.text(LEFT - 4, TOP + plotH, "end", "tick", "0");
        svg.text(LEFT - 4, TOP + 8, "end", "tick", Svg.value(top));
        svg.text(LEFT + plotW / 2.0, HEIGHT - 8, "middle", "axis-label", xLabel);
        svg.verticalText(14, TOP + plotH / 2.0, "axis-label", yLabel);
        return svg.end();
    }
}
