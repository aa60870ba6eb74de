package dev.scenarist.packs.appworld.internal.offline;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The families' text helpers: filling templates, choosing phrasings by seed, and times and articles in words. */
final class Wording {
    private Wording() {}

    /** Fills {@code {0}}, {@code {1}}, ... in a template. */
    static String fill(String template, Object... values) {
        String out = template;
        for (int i = values.length - 1; i >= 0; i--) out = out.replace("{" + i + "}", String.valueOf(values[i]));
        return filled(out);
    }

    /** Replaces each {@code {key}} of the template by its value. */
    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (var e : values.entrySet()) out = out.replace("{" + e.getKey() + "}", e.getValue());
        return filled(out);
    }

    private static String filled(String out) {
        if (out.matches("(?s).*\\{[a-z_0-9]+}.*")) throw new IllegalStateException("unfilled placeholder in: " + out);
        return out;
    }

    /**
     * One phrasing of a narrative part. Each part has a different number of phrasings and the choice cycles with the
     * seed, so two seeds that share one part's phrasing differ in the others (for seeds closer than the counts' lcm).
     */
    static String phrasing(long seed, List<String> options) {
        return options.get((int) Math.floorMod(seed, (long) options.size()));
    }

    /**
     * Which of five wordings each of four narrative parts takes for a seed: (x, y, x+y, x+2y) mod 5 with x, y the seed's
     * two lowest base-5 digits, so any two of 25 consecutive seeds differ in at least three of the four parts.
     */
    static int[] fivePartWording(long seed) {
        int x = (int) Math.floorMod(seed, 5L);
        int y = (int) Math.floorMod(Math.floorDiv(seed, 5L), 5L);
        return new int[] {x, y, (x + y) % 5, (x + 2 * y) % 5};
    }

    /** The number of words, for keeping narratives 40-90 words. */
    static int words(String text) {
        return text.trim().split("\\s+").length;
    }

    /** "a" or "an" before {@code noun}, e.g. "an architect". */
    static String a(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    /** {@code HH:mm}. */
    static String hm(LocalDateTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    /** In words without the time, e.g. "Thursday 14 March". */
    static String day(LocalDateTime t) {
        String s = Casting.spoken(t);
        return s.substring(0, s.lastIndexOf(" at "));
    }

    /** e.g. "Thursday". */
    static String weekday(LocalDateTime t) {
        return t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** {@code yyyy-MM-dd}. */
    static String date(LocalDateTime t) {
        return t.toLocalDate().toString();
    }
}
