package dev.scenarist.core.catalog;

import dev.scenarist.core.catalog.internal.TopK;
import dev.scenarist.core.catalog.internal.VectorStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

/**
 * The semantic uniqueness index: each text's sentence embedding (from an {@link Embedder}), normalised, and a
 * nearest-neighbour search by cosine — an exact scan of all of them, or, when given one, a {@link VectorSearch} (an
 * approximate graph such as HNSW) whose answer is then rescored on the stored vectors. {@link #exhaustive} is the exact
 * scan, to measure a search's recall. Safe for concurrent use.
 */
public final class SemanticIndex {
    private final Embedder embedder;
    private final Optional<VectorSearch> search;
    private final VectorStore vectors;
    private final List<CatalogItem> items = new ArrayList<>();
    private final Map<String, Integer> groups = new HashMap<>();
    private final Map<String, Integer> byId = new HashMap<>();
    private int[] groupOf = new int[1024];
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** An index searched by an exact scan (fine to some tens of thousands of entries). */
    public SemanticIndex(Embedder embedder) {
        this(embedder, Optional.empty());
    }

    /** An index searched by {@code search} when present, else by an exact scan. */
    public SemanticIndex(Embedder embedder, Optional<VectorSearch> search) {
        this.embedder = embedder;
        this.search = search;
        this.vectors = new VectorStore(embedder.dimensions());
    }

    public Embedder embedder() {
        return embedder;
    }

    /** Embeds and adds an accepted scenario; one already indexed (same id) is left as it is. */
    public void add(CatalogItem item) {
        add(item, embedder.embed(item.text()));
    }

    /** Adds an accepted scenario whose embedding is known already (kept from an earlier embedding). */
    public void add(CatalogItem item, float[] embedding) {
        float[] unit = VectorStore.normalised(embedding);
        lock.writeLock().lock();
        try {
            if (byId.containsKey(item.id())) return;
            int ordinal = vectors.add(unit);
            items.add(item);
            byId.put(item.id(), ordinal);
            if (ordinal == groupOf.length) groupOf = Arrays.copyOf(groupOf, groupOf.length * 2);
            groupOf[ordinal] = groups.computeIfAbsent(item.group(), g -> groups.size());
            search.ifPresent(s -> s.add(ordinal, unit));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether a scenario with this id is indexed. */
    public boolean contains(String id) {
        lock.readLock().lock();
        try {
            return byId.containsKey(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return items.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Up to {@code k} entries nearest in meaning, most similar first, never the probe's own id. */
    public List<SemanticMatch> nearest(CatalogItem probe, int k, boolean sameGroupOnly) {
        return nearest(probe, embedder.embed(probe.text()), k, sameGroupOnly);
    }

    /** As {@link #nearest(CatalogItem, int, boolean)} with the probe's embedding given. */
    public List<SemanticMatch> nearest(CatalogItem probe, float[] embedding, int k, boolean sameGroupOnly) {
        float[] unit = VectorStore.normalised(embedding);
        lock.readLock().lock();
        try {
            int group = sameGroupOnly ? groups.getOrDefault(probe.group(), -1) : -1;
            if (k < 1 || (sameGroupOnly && group < 0) || items.isEmpty()) return List.of();
            Integer self = byId.get(probe.id());
            int[] groupsNow = groupOf;
            IntPredicate keep = e -> (group < 0 || groupsNow[e] == group) && (self == null || e != self);
            if (search.isPresent()) {
                // ask for more when a filter may drop some; rescan exactly if it still left too few
                int ask = Math.min(items.size(), (k + 1) * (group < 0 ? 1 : 4));
                TopK top = new TopK(k);
                for (VectorSearch.Hit h : search.get().nearest(unit, ask)) {
                    if (keep.test(h.ordinal())) top.offer(h.ordinal(), vectors.cosine(unit, h.ordinal()));
                }
                if (top.full() || ask >= items.size()) return matches(top);
            }
            return matches(vectors.search(unit, k, keep));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The exact answer: a scan of every entry. */
    public List<SemanticMatch> exhaustive(float[] embedding, int k) {
        lock.readLock().lock();
        try {
            return matches(vectors.search(VectorStore.normalised(embedding), k, e -> true));
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<SemanticMatch> matches(TopK top) {
        int[] ids = top.ids();
        double[] scores = top.scores();
        List<SemanticMatch> out = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) out.add(new SemanticMatch(items.get(ids[i]), scores[i]));
        return out;
    }

    /** The cosine of two embeddings. */
    public static double cosine(float[] a, float[] b) {
        return VectorStore.dot(VectorStore.normalised(a), VectorStore.normalised(b), 0);
    }
}
