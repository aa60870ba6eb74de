package dev.scenarist.core.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lexical similarity: Jaccard overlap of word shingles (word pairs plus single words) after normalising
 * case, accents and punctuation. Catches reworded copies and copy-paste duplicates without a model;
 * an embedding index can replace it behind {@link SimilarityIndex}.
 */
public final class ShingleSimilarityIndex implements SimilarityIndex {
    private record Entry(String id, Set<String> shingles) {}

    private final Map<String, List<Entry>> byPack = new ConcurrentHashMap<>();

    @Override
    public void add(String pack, String scenarioId, String text) {
        byPack.computeIfAbsent(pack, p -> new CopyOnWriteArrayList<>()).add(new Entry(scenarioId, shingles(text)));
    }

    @Override
    public List<Match> nearest(String pack, String text, int k) {
        Set<String> probe = shingles(text);
        List<Match> out = new ArrayList<>();
        for (Entry e : byPack.getOrDefault(pack, List.of())) out.add(new Match(e.id(), jaccard(probe, e.shingles())));
        out.sort(Comparator.comparingDouble(Match::similarity).reversed());
        return out.size() > k ? List.copyOf(out.subList(0, k)) : out;
    }

    public static double similarity(String a, String b) {
        return jaccard(shingles(a), shingles(b));
    }

    static Set<String> shingles(String text) {
        String norm = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", " ").strip();
        Set<String> out = new HashSet<>();
        if (norm.isEmpty()) return out;
        String[] words = norm.split(" ");
        for (int i = 0; i < words.length; i++) {
            out.add(words[i]);
            if (i + 1 < words.length) out.add(words[i] + ' ' + words[i + 1]);
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) return 1.0;
        int inter = 0;
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        for (String s : small) if (large.contains(s)) inter++;
        return (double) inter / (a.size() + b.size() - inter);
    }
}
