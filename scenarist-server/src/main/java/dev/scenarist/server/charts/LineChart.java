package dev.scenarist.server.charts;

import dev.scenarist.server.pages.Html;
import java.util.List;
import java.util.Objects;

/** Lines over shared x positions (time buckets), one per series, with a legend and every point's value in its tooltip. */
public final class LineChart {
    /** One line: its name (legend) and one value per x position. */
    public record Series(String name, List<Double> values) {
        public Series {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }

    private static final int WIDTH = 560;
    private static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 18;
    private static final int BOTTOM = 48;
    private static final int LEGEND_ROW = 16;
    /** How many x labels are written at most; the rest are in the tooltips and the description. */
    private static final int X_LABELS = 6;

    private LineChart() {}

    public static String render(String title, String xLabel, String yLabel, List<String> xLabels, List<Series> series) {
        for (Series s : series) {
            if (s.values().size() != xLabels.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().size() + " values for " + xLabels.size() + " x positions");
            }
        }
        double top = Svg.niceMax(series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue).max().orElse(0));
        int legend = series.size() * LEGEND_ROW;
        int height = HEIGHT + legend;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        Svg svg = new Svg(WIDTH, height, "line-chart", title, describe(title, xLabels, series));
        int n = xLabels.size();
        if (n == 0) svg.text(LEFT + plotW / 2.0, TOP + plotH / 2.0, "middle", "empty", "no data yet");
        for (int si = 0; si < series.size(); si++) {
            Series s = series.get(si);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double x = x(i, n, plotW), y = TOP + plotH - s.values().get(i) / top * plotH;
                points.append(i == 0 ? "" : " ").append(Svg.num(x)).append(',').append(Svg.num(y));
                svg.raw("<circle cx=\"" + Svg.num(x) + "\" cy=\"" + Svg.num(y) + "\" r=\"3\" class=\"chart-point chart-s" + si + "\"><title>"
                        + Html.escape(s.name() + " " + xLabels.get(i) + ": " + Svg.value(s.values().get(i))) + "</title></circle>");
            }
            if (n > 1) svg.raw("<polyline fill=\"none\" class=\"chart-line chart-s" + si + "\" stroke=\"currentColor\" points=\"" + points + "\"/>");
            int ly = HEIGHT + si * LEGEND_ROW;
            svg.rect(LEFT, ly - 9, 10, 10, "chart-key chart-s" + si, s.name());
            svg.text(LEFT + 16, ly, "start", "legend-label", s.name());
        }
        int step = Math.max(1, (int) Math.ceil(n / (double) X_LABELS));
        for (int i = 0; i < n; i += step) svg.text(x(i, n, plotW), TOP + plotH + 14, "middle", "tick", xLabels.get(i));
        svg.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "chart-axis");
        svg.line(LEFT, TOP, LEFT, TOP + plotH, "chart-axis");
        svg.text(LEFT - 4, TOP + plotH, "end", "tick", "0");
        svg.text(LEFT - 4, TOP + 8, "end", "tick", Svg.value(top));
        svg.text(LEFT + plotW / 2.0, TOP + plotH + 32, "middle", "axis-label", xLabel);
        svg.verticalText(14, TOP + plotH / 2.0, "axis-label", yLabel);
        return svg.end();
    }

    private static double x(int i, int n, int plotW) {
        return n <= 1 ? LEFT + plotW / 2.0 : LEFT + (double) i / (n - 1) * plotW;
    }

    private static String describe(String title, List<String> xLabels, List<Series> series) {
        StringBuilder d = new StringBuilder(title).append(": ");
        if (xLabels.isEmpty()) return d.append("no data yet").toString();
        for (int si = 0; si < series.size(); si++) {
            Series s = series.get(si);
            d.append(si == 0 ? "" : "; ").append(s.name()).append(' ');
            for (int i = 0; i < xLabels.size(); i++) d.append(i == 0 ? "" : ", ").append(xLabels.get(i)).append('=').append(Svg.value(s.values().get(i)));
        }
        return d.toString();
    }
}
