package dev.scenarist.server.pages;

import java.util.Locale;

/** A state name in a coloured pill (the colour repeats the word, never replaces it). */
public final class Badge {
    private Badge() {}

    public static String state(String state) {
        String s = state == null ? "" : state.toLowerCase(Locale.ROOT);
        return "<span class=\"state " + Html.escape(s.replaceAll("[^a-z_]", "")) + "\">" + Html.escape(s.replace('_', ' ')) + "</span>";
    }
}
