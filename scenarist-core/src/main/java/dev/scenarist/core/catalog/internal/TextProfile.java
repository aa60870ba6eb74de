package dev.scenarist.core.catalog.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A text as the lexical measures see it: its tokens (lower-cased words, accents and punctuation removed) as ids of a
 * {@link Vocabulary}, the same sorted (for multiset intersections), its distinct tokens with their counts (for the cosine),
 * and its distinct 3-token shingles as sorted 64-bit keys (for the Jaccard). A text of one or two tokens has one shingle,
 * those tokens; an empty text has none.
 */
public record TextProfile(int[] tokens, int[] sortedTokens, int[] distinct, int[] counts, long[] shingles, double norm) {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{Alnum}]+");

    /** Lower case, accents and punctuation removed, split into words. */
    public static List<String> words(String text) {
        String norm = MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : NON_WORD.split(norm)) if (!w.isEmpty()) out.add(w);
        return out;
    }

    public static TextProfile of(String text, Vocabulary vocabulary) {
        List<String> words = words(text);
        int[] tokens = new int[words.size()];
        for (int i = 0; i < tokens.length; i++) tokens[i] = vocabulary.id(words.get(i));
        return of(tokens);
    }

    public static TextProfile of(int[] tokens) {
        int[] sorted = tokens.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) n++;
        int[] distinct = new int[n];
        int[] counts = new int[n];
        int d = -1;
        double sq = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) distinct[++d] = sorted[i];
            counts[d]++;
        }
        for (int c : counts) sq += (double) c * c;
        return new TextProfile(tokens, sorted, distinct, counts, shingles(tokens), Math.sqrt(sq));
    }

    /** The key of the shingle of tokens {@code a b c}: a 64-bit mix, so collisions are negligible. */
    public static long shingleKey(int a, int b, int c) {
        long h = a * 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 29) ^ b) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 31) ^ c) * 0x94D049BB133111EBL;
        return h ^ (h >>> 32);
    }

    private static long[] shingles(int[] t) {
        if (t.length == 0) return new long[0];
        if (t.length < 3) return new long[] {shingleKey(t[0], t.length > 1 ? t[1] : -1, -1)};
        long[] s = new long[t.length - 2];
        for (int i = 0; i + 2 < t.length; i++) s[i] = shingleKey(t[i], t[i + 1], t[i + 2]);
        Arrays.sort(s);
        int n = 0;
        for (int i = 0; i < s.length; i++) if (i == 0 || s[i] != s[i - 1]) s[n++] = s[i];
        return Arrays.copyOf(s, n);
    }

    /** |A ∩ B| / |A ∪ B| over the distinct 3-token shingles; both empty: 1.0. */
    public static double shingleJaccard(TextProfile x, TextProfile y) {
        long[] a = x.shingles, b = y.shingles;
        if (a.length == 0 && b.length == 0) return 1.0;
        int i = 0, j = 0, inter = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                inter++;
                i++;
                j++;
            } else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double) inter / (a.length + b.length - inter);
    }

    /** Cosine of the token-count vectors; both empty: 1.0, one empty: 0. */
    public static double tokenCosine(TextProfile x, TextProfile y) {
        if (x.norm == 0 || y.norm == 0) return x.norm == y.norm ? 1.0 : 0.0;
        int i = 0, j = 0;
        double dot = 0;
        while (i < x.distinct.length && j < y.distinct.length) {
            if (x.distinct[i] == y.distinct[j]) {
                dot += (double) x.counts[i] * y.counts[j];
                i++;
                j++;
            } else if (x.distinct[i] < y.distinct[j]) i++;
            else j++;
        }
        return dot / (x.norm * y.norm);
    }
}
