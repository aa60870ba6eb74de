package dev.scenarist.server.charts;

import dev.scenarist.server.pages.Html;
import java.util.Locale;

/** The pieces every chart writes: the opening with its accessible name, text, numbers. Package-private on purpose. */
final class Svg {
    static final int FONT = 12;

    /** Colours inside the image, so a chart reads the same on any page (and saved on its own). */
    private static final String STYLE = "<style>.chart text{fill:#333}.chart .chart-bar{fill:#4f7cff}.chart .chart-axis{stroke:#999}"
            + ".chart .empty{fill:#888}.chart .chart-s0{fill:#4f7cff;stroke:#4f7cff}.chart .chart-s1{fill:#e8743b;stroke:#e8743b}"
            + ".chart .chart-s2{fill:#19a979;stroke:#19a979}.chart .chart-s3{fill:#a05195;stroke:#a05195}"
            + ".chart .chart-s4{fill:#d45087;stroke:#d45087}.chart .chart-s5{fill:#666;stroke:#666}"
            + ".chart .chart-line{fill:none;stroke-width:2}</style>";

    private final StringBuilder b = new StringBuilder(2048);

    /** The band above the plot where the title is written, so a chart says what it shows on the page and saved alone. */
    static final int TITLE_BAND = 24;

    /** @param height the plot's height; the image is {@link #TITLE_BAND} taller, the plot drawn below the title */
    Svg(int width, int height, String cssClass, String title, String description) {
        int total = height + TITLE_BAND;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(Html.escape(cssClass))
                .append("\" role=\"img\" width=\"").append(width).append("\" height=\"").append(total)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(total)
                .append("\" aria-label=\"").append(Html.escape(title)).append("\" font-family=\"system-ui, sans-serif\" font-size=\"")
                .append(FONT).append("\">")
                .append("<title>").append(Html.escape(title)).append("</title>")
                .append("<desc>").append(Html.escape(description)).append("</desc>")
                .append(STYLE)
                .append("<text x=\"4\" y=\"16\" class=\"chart-title\" font-weight=\"600\" font-size=\"14\">").append(Html.escape(title)).append("</text>")
                .append("<g transform=\"translate(0 ").append(TITLE_BAND).append(")\">");
    }

    Svg text(double x, double y, String anchor, String cssClass, String text) {
        b.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(cssClass).append("\">").append(Html.escape(text)).append("</text>");
        return this;
    }

    /** Text turned a quarter to the left about its position (a vertical axis label). */
    Svg verticalText(double x, double y, String cssClass, String text) {
        b.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"middle\" class=\"")
                .append(cssClass).append("\" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y)).append(")\">")
                .append(Html.escape(text)).append("</text>");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String cssClass, String tooltip) {
        b.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" class=\"").append(cssClass).append("\">")
                .append("<title>").append(Html.escape(tooltip)).append("</title></rect>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        b.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" class=\"").append(cssClass).append("\" stroke=\"currentColor\"/>");
        return this;
    }

    Svg raw(String markup) {
        b.append(markup);
        return this;
    }

    String end() {
        return b.append("</g></svg>").toString();
    }

    /** Coordinates with at most two decimals, always with a dot. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A value as people read it: whole numbers without decimals, others with up to three significant decimals. */
    static String value(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A "nice" top for an axis: 1, 2 or 5 times a power of ten, at least {@code max}. */
    static double niceMax(double max) {
        if (max <= 0) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= max) return m * p;
        return 10 * p;
    }
}
