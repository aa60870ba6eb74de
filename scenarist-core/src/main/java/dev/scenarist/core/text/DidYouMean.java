package dev.scenarist.core.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Suggests the intended word for a typo in a name the user wrote (a YAML key, a check type, an MJCF attribute, a CLI
 * option): the closest candidate by edit distance, if it is close enough to be worth saying.
 */
public final class DidYouMean {
    private DidYouMean() {}

    /**
     * The closest candidate, ignoring case, if at most a third of the typo is wrong (at least one edit, at most three:
     * "max_attempt" finds "max_attempts", "colour" finds no "timeout"). On a tie the first candidate wins, so callers
     * with an ordered collection get a stable answer.
     */
    public static Optional<String> closest(String typo, Collection<String> candidates) {
        String t = typo.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
                if (d == 0) break; // differs only in case: nothing can be closer
            }
        }
        int allowed = Math.min(3, Math.max(1, typo.length() / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** {@code "did you mean 'x'? "}, ready to put in front of the rest of a fix, or {@code ""} when nothing is close. */
    public static String hint(String typo, Collection<String> candidates) {
        return closest(typo, candidates).map(c -> "did you mean '" + c + "'? ").orElse("");
    }

    /**
     * Damerau–Levenshtein distance in its optimal-string-alignment form: insertions, deletions, substitutions and
     * swaps of two neighbouring letters each count one, because a swap ("rbga" for "rgba") is the commonest typo
     * and plain Levenshtein would count it as two.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
