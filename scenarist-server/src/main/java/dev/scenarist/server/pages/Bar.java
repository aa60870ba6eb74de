package dev.scenarist.server.pages;

/** A progress bar: a filled share of a track, with its numbers in words beside it for screen readers and tests. */
public final class Bar {
    private Bar() {}

    /**
     * @param done  how much is done
     * @param total out of how much (0 shows an empty bar)
     * @param tone  {@code ""}, {@code done} (green) or {@code bad} (red)
     */
    public static String of(double done, double total, String tone, String label) {
        double share = total <= 0 ? 0 : Math.max(0, Math.min(1, done / total));
        String pct = String.format(java.util.Locale.ROOT, "%.0f", share * 100);
        return "<div class=\"bar " + Html.escape(tone) + "\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\"" + pct
                + "\" aria-label=\"" + Html.escape(label) + "\"><span style=\"width:" + pct + "%\"></span></div>";
    }
}
