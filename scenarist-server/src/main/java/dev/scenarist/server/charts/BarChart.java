package dev.scenarist.server.charts;

import java.util.List;
import java.util.OptionalDouble;

/** Horizontal bars, one per label, with the value written at the end of each bar: rates per pack, category, stage. */
public final class BarChart {
    private static final int WIDTH = 560;
    private static final int LABEL_WIDTH = 150;
    private static final int VALUE_WIDTH = 110;
    private static final int ROW = 24;
    private static final int TOP = 8;
    private static final int AXIS = 34;

    private BarChart() {}

    /**
     * @param axisLabel what the bars measure (under the bars)
     * @param max       the value a full-width bar stands for (e.g. 1 for rates); empty: a round number above the largest
     */
    public static String render(String title, String axisLabel, List<Bar> bars, OptionalDouble max) {
        double top = max.orElseGet(() -> Svg.niceMax(bars.stream().mapToDouble(Bar::value).max().orElse(0)));
        int plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        int height = TOP + Math.max(1, bars.size()) * ROW + AXIS;
        Svg svg = new Svg(WIDTH, height, "bar-chart", title, describe(title, axisLabel, bars));
        int y = TOP;
        if (bars.isEmpty()) svg.text(LABEL_WIDTH + plot / 2.0, y + ROW / 2.0 + 4, "middle", "empty", "no data yet");
        for (Bar bar : bars) {
            double w = top <= 0 ? 0 : Math.min(1, bar.value() / top) * plot;
            svg.text(LABEL_WIDTH - 6, y + ROW / 2.0 + 4, "end", "label", bar.label());
            svg.rect(LABEL_WIDTH, y + 4, w, ROW - 8, "chart-bar", bar.label() + ": " + bar.valueText());
            svg.text(LABEL_WIDTH + w + 4, y + ROW / 2.0 + 4, "start", "value", bar.valueText());
            y += ROW;
        }
        int axisY = TOP + Math.max(1, bars.size()) * ROW;
        svg.line(LABEL_WIDTH, axisY, LABEL_WIDTH + plot, axisY, "chart-axis");
        svg.text(LABEL_WIDTH, axisY + 14, "start", "tick", "0");
        svg.text(LABEL_WIDTH + plot, axisY + 14, "end", "tick", Svg.value(top));
        svg.text(LABEL_WIDTH + plot / 2.0, axisY + 28, "middle", "axis-label", axisLabel);
        return svg.end();
    }

    static String describe(String title, String axisLabel, List<Bar> bars) {
        StringBuilder d = new StringBuilder(title).append(" (").append(axisLabel).append("): ");
        if (bars.isEmpty()) return d.append("no data yet").toString();
        for (int i = 0; i < bars.size(); i++) d.append(i == 0 ? "" : "; ").append(bars.get(i).label()).append(' ').append(bars.get(i).valueText());
        return d.toString();
    }
}
