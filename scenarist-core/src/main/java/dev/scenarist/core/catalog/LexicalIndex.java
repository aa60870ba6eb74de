package dev.scenarist.core.catalog;

import dev.scenarist.core.catalog.internal.SequenceRatio;
import dev.scenarist.core.catalog.internal.TextProfile;
import dev.scenarist.core.catalog.internal.TopK;
import dev.scenarist.core.catalog.internal.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The lexical uniqueness index: the three measures of PARE's deduplicator — difflib sequence ratio over the words,
 * 3-word shingle Jaccard, word-count cosine — between a candidate and the accepted texts, ranked by how near each
 * comes to its threshold ({@link LexicalScores#strength}).
 *
 * <p><b>Lookup.</b> Comparing with every entry costs a sequence match each (O(words²)), too slow for 100 000 entries.
 * So candidates come first, from an inverted index over words that keeps each word's count per entry: one pass over
 * the postings of the candidate's words gives, for every entry sharing a word, its word-count cosine and shared word
 * count — hence difflib's {@code quick_ratio}, an upper bound of the sequence ratio. Words held by more than a quarter
 * of the entries ("the", "assistant", a pack's boilerplate) are not read: every entry is counted as holding them once. The {@code candidates}
 * entries (default {@value #DEFAULT_CANDIDATES}) strongest by either (relative to its threshold) are then measured
 * exactly, the shingle Jaccard and the sequence ratio included. {@link #exhaustive} (brute force, exact) is there to
 * measure the recall. Safe for concurrent use.
 */
public final class LexicalIndex {
    public static final int DEFAULT_CANDIDATES = 100;

    private record Entry(CatalogItem item, TextProfile profile, int group) {}

    private final LexicalThresholds thresholds;
    private final int candidates;
    private final Vocabulary vocabulary = new Vocabulary();
    private final Map<String, Integer> groups = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> byId = new HashMap<>();
    private int[][] postings = new int[1024][];
    private short[][] postingCounts = new short[1024][];
    private int[] postingSize = new int[1024];
    private int[] groupOf = new int[1024];
    private int[] length = new int[1024];
    private double[] norm = new double[1024];
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    public LexicalIndex(LexicalThresholds thresholds) {
        this(thresholds, DEFAULT_CANDIDATES);
    }

    public LexicalIndex(LexicalThresholds thresholds, int candidates) {
        if (candidates < 1) throw new IllegalArgumentException("candidates must be at least 1, got " + candidates);
        this.thresholds = thresholds;
        this.candidates = candidates;
    }

    public LexicalThresholds thresholds() {
        return thresholds;
    }

    /** The three measures between two texts (no index needed). */
    public static LexicalScores scores(String a, String b) {
        Vocabulary v = new Vocabulary();
        return scores(TextProfile.of(a, v), TextProfile.of(b, v));
    }

    private static LexicalScores scores(TextProfile a, TextProfile b) {
        return new LexicalScores(SequenceRatio.ratio(a.tokens(), b.tokens()), TextProfile.shingleJaccard(a, b), TextProfile.tokenCosine(a, b));
    }

    /** Adds an accepted scenario; one already indexed (same id) is left as it is. */
    public void add(CatalogItem item) {
        TextProfile p = TextProfile.of(item.text(), vocabulary);
        lock.writeLock().lock();
        try {
            if (byId.containsKey(item.id())) return;
            int ordinal = entries.size();
            int group = groups.computeIfAbsent(item.group(), g -> groups.size());
            entries.add(new Entry(item, p, group));
            byId.put(item.id(), ordinal);
            if (ordinal == groupOf.length) {
                groupOf = Arrays.copyOf(groupOf, groupOf.length * 2);
                length = Arrays.copyOf(length, groupOf.length);
                norm = Arrays.copyOf(norm, groupOf.length);
            }
            groupOf[ordinal] = group;
            length[ordinal] = p.tokens().length;
            norm[ordinal] = p.norm();
            for (int w = 0; w < p.distinct().length; w++) post(p.distinct()[w], ordinal, p.counts()[w]);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void post(int token, int ordinal, int count) {
        if (token >= postings.length) {
            int n = Math.max(token + 1, postings.length * 2);
            postings = Arrays.copyOf(postings, n);
            postingCounts = Arrays.copyOf(postingCounts, n);
            postingSize = Arrays.copyOf(postingSize, n);
        }
        int[] list = postings[token];
        if (list == null) {
            postings[token] = list = new int[4];
            postingCounts[token] = new short[4];
        } else if (postingSize[token] == list.length) {
            postings[token] = list = Arrays.copyOf(list, list.length * 2);
            postingCounts[token] = Arrays.copyOf(postingCounts[token], list.length);
        }
        postingCounts[token][postingSize[token]] = (short) Math.min(count, Short.MAX_VALUE);
        list[postingSize[token]++] = ordinal;
    }

    public int size() {
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Up to {@code k} entries nearest to the probe, strongest first, never the probe's own id; with
     * {@code sameGroupOnly}, only entries of the probe's group.
     */
    public List<LexicalMatch> nearest(CatalogItem probe, int k, boolean sameGroupOnly) {
        TextProfile p = TextProfile.of(probe.text(), vocabulary);
        lock.readLock().lock();
        try {
            int n = entries.size();
            if (n == 0 || k < 1) return List.of();
            int group = sameGroupOnly ? groups.getOrDefault(probe.group(), -1) : -1;
            if (sameGroupOnly && group < 0) return List.of();
            Scratch sc = scratch.get().fit(n);
            int[] distinct = p.distinct(), counts = p.counts();
            // words in more than a quarter of the entries are not read from their postings (they would be most of the
            // work): each entry is taken to hold them once, so the cosine and the overlap stay comparable between entries
            int commonDf = Math.max(64, n / 4);
            int assumedOverlap = 0;
            long assumedDot = 0;
            for (int w = 0; w < distinct.length; w++) {
                int t = distinct[w];
                if (t >= postingSize.length) continue;
                int df = postingSize[t], cp = counts[w];
                if (df > commonDf) {
                    assumedOverlap += 1;
                    assumedDot += cp;
                    continue;
                }
                int[] list = postings[t];
                short[] cnt = postingCounts[t];
                for (int i = 0; i < df; i++) {
                    int e = list[i];
                    if (group >= 0 && groupOf[e] != group) continue;
                    if (sc.overlap[e] == 0) sc.touch(e);
                    sc.overlap[e] += Math.min(cp, cnt[i]);
                    sc.dot[e] += (long) cp * cnt[i];
                }
            }
            // the word-count cosine, and the sequence ratio's upper bound (difflib's quick_ratio), of every entry that
            // shares a word: the strongest by either are measured exactly
            TopK top = new TopK(candidates);
            int lp = p.tokens().length;
            double seqT = thresholds.sequenceRatio(), cosT = thresholds.tokenCosine();
            for (int i = 0; i < sc.touchedCount; i++) {
                int e = sc.touched[i];
                double quick = 2.0 * (sc.overlap[e] + assumedOverlap) / (lp + length[e]) / seqT;
                double cos = (sc.dot[e] + assumedDot) / (p.norm() * norm[e]) / cosT;
                top.offer(e, Math.max(quick, cos));
                sc.overlap[e] = 0;
                sc.dot[e] = 0;
            }
            sc.touchedCount = 0;
            TopK best = new TopK(k);
            for (int e : top.ids()) {
                Entry entry = entries.get(e);
                if (entry.item().id().equals(probe.id())) continue;
                best.offer(e, scores(p, entry.profile()).strength(thresholds));
            }
            return matches(p, best);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Per-thread accumulators of a lookup, sized to the index and left zeroed after each. */
    private static final class Scratch {
        int[] overlap = new int[0];
        long[] dot = new long[0];
        int[] touched = new int[0];
        int touchedCount;

        Scratch fit(int n) {
            if (overlap.length < n) {
                int size = Math.max(n, overlap.length * 2);
                overlap = new int[size];
                dot = new long[size];
                touched = new int[size];
            }
            return this;
        }

        void touch(int e) {
            touched[touchedCount++] = e;
        }
    }

    /**
     * The exact answer {@link #nearest} approximates: every entry (of the probe's group, with {@code sameGroupOnly})
     * measured, the {@code k} strongest returned. The sequence ratio is skipped where its upper bound
     * (difflib's {@code quick_ratio}) cannot lift an entry into the top {@code k}, which changes nothing in the answer.
     */
    public List<LexicalMatch> exhaustive(CatalogItem probe, int k, boolean sameGroupOnly) {
        TextProfile p = TextProfile.of(probe.text(), vocabulary);
        lock.readLock().lock();
        try {
            int group = sameGroupOnly ? groups.getOrDefault(probe.group(), -1) : -1;
            if (k < 1 || (sameGroupOnly && group < 0)) return List.of();
            TopK best = new TopK(k);
            for (int e = 0; e < entries.size(); e++) {
                Entry entry = entries.get(e);
                if ((group >= 0 && entry.group() != group) || entry.item().id().equals(probe.id())) continue;
                TextProfile q = entry.profile();
                double jac = TextProfile.shingleJaccard(p, q) / thresholds.shingleJaccard();
                double cos = TextProfile.tokenCosine(p, q) / thresholds.tokenCosine();
                double cheap = Math.max(jac, cos);
                double bound = SequenceRatio.upperBound(p.sortedTokens(), q.sortedTokens()) / thresholds.sequenceRatio();
                if (best.full() && Math.max(cheap, bound) <= best.floor()) continue;
                double seq = bound > cheap ? SequenceRatio.ratio(p.tokens(), q.tokens()) / thresholds.sequenceRatio() : 0;
                best.offer(e, Math.max(cheap, seq));
            }
            return matches(p, best);
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<LexicalMatch> matches(TextProfile p, TopK best) {
        List<LexicalMatch> out = new ArrayList<>();
        for (int e : best.ids()) {
            Entry entry = entries.get(e);
            out.add(new LexicalMatch(entry.item(), scores(p, entry.profile()), sharedPhrases(p, entry.profile()), sharedWords(p, entry.profile())));
        }
        return out;
    }

    /** Runs of consecutive shared 3-word shingles, joined into phrases, longest first (at most 3). */
    private List<String> sharedPhrases(TextProfile p, TextProfile q) {
        int[] t = p.tokens();
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 2 < t.length; i++) {
            boolean shared = Arrays.binarySearch(q.shingles(), TextProfile.shingleKey(t[i], t[i + 1], t[i + 2])) >= 0;
            if (shared && start < 0) start = i;
            if (!shared && start >= 0) {
                runs.add(new int[] {start, i + 2});
                start = -1;
            }
        }
        if (start >= 0) runs.add(new int[] {start, t.length});
        runs.sort((a, b) -> Integer.compare(b[1] - b[0], a[1] - a[0]));
        Set<String> out = new LinkedHashSet<>();
        for (int[] r : runs) {
            if (out.size() == 3) break;
            StringBuilder s = new StringBuilder();
            for (int i = r[0]; i < r[1]; i++) s.append(i > r[0] ? " " : "").append(vocabulary.word(t[i]));
            out.add(s.toString());
        }
        return List.copyOf(out);
    }

    /** Words both texts hold, rarest in the index first (at most 8). */
    private List<String> sharedWords(TextProfile p, TextProfile q) {
        List<Integer> shared = new ArrayList<>();
        for (int t : p.distinct()) if (Arrays.binarySearch(q.distinct(), t) >= 0) shared.add(t);
        shared.sort((a, b) -> Integer.compare(df(a), df(b)));
        return shared.stream().limit(8).map(vocabulary::word).toList();
    }

    private int df(int token) {
        return token < postingSize.length ? postingSize[token] : 0;
    }
}
