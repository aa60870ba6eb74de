package dev.scenarist.packs.mechanisms.mjcf;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt element, attribute, keyword and object names. */
final class Suggest {
    private Suggest() {}

    /** The closest candidate within a small edit distance (or the only case-insensitive match), if any. */
    static Optional<String> closest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.equalsIgnoreCase(wrong)) {
                return Optional.of(c);
            }
            int d = distance(wrong.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(1, Math.min(3, wrong.length() / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** {@code "; did you mean 'x'?"} or empty. */
    static String didYouMean(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(c -> "did you mean '" + c + "'? ").orElse("");
    }

    /** Up to {@code max} items joined by ", ", with an ellipsis when there are more. */
    static String list(Collection<String> items, int max) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (String s : items) {
            if (i == max) {
                b.append(", ...");
                break;
            }
            if (i++ > 0) {
                b.append(", ");
            }
            b.append(s);
        }
        return b.toString();
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit (rbga vs rgba). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
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
