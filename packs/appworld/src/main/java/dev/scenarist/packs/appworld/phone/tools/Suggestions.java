package dev.scenarist.packs.appworld.phone.tools;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** "Did you mean" help for error messages: the nearest known name, and a short listing of the known ones. */
public final class Suggestions {
    private static final int LISTED = 10;

    private Suggestions() {}

    /** The known value closest to {@code value} (edit distance, case-insensitive), if it is plausibly a typo of it. */
    public static Optional<String> nearest(String value, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String v = value.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(v, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
                best = k;
                bestDistance = d;
            }
        }
        if (best == null) return Optional.empty();
        if (bestDistance <= Math.max(2, value.length() / 3)) return Optional.of(best);
        // a shortened name ("EmailApp" for "EmailClientApp") is far in edit distance but still clearly meant
        for (String k : known.stream().sorted().toList()) {
            if (v.length() >= 3 && subsequence(v, k.toLowerCase(Locale.ROOT))) return Optional.of(k);
        }
        return Optional.empty();
    }

    /** "did you mean 'x'? known: a, b, c (and 12 more)" or "there are none". */
    public static String hint(String value, Collection<String> known) {
        if (known.isEmpty()) return "there are none";
        String listing = known.stream().sorted().limit(LISTED).map(k -> "'" + k + "'").collect(Collectors.joining(", "));
        if (known.size() > LISTED) listing += " (and " + (known.size() - LISTED) + " more)";
        return nearest(value, known).map(n -> "did you mean '" + n + "'? known: ").orElse("known: ") + listing;
    }

    private static boolean subsequence(String small, String big) {
        int i = 0;
        for (int j = 0; j < big.length() && i < small.length(); j++) if (small.charAt(i) == big.charAt(j)) i++;
        return i == small.length();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
