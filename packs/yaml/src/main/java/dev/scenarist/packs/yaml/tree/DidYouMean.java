package dev.scenarist.packs.yaml.tree;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the intended word for a typo: the closest candidate by edit distance, if it is close enough. */
public final class DidYouMean {
    private DidYouMean() {}

    public static Optional<String> closest(String typo, Collection<String> candidates) {
        String t = typo.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        // a third of the word may be wrong (at least one edit, at most three): "max_attempt" → "max_attempts"
        int allowed = Math.min(3, Math.max(1, typo.length() / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
