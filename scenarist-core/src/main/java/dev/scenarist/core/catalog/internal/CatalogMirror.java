package dev.scenarist.core.catalog.internal;

import dev.scenarist.core.catalog.SimilarityIndex;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.CatalogSlice;
import dev.scenarist.core.store.CatalogStore;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps this process's {@link SimilarityIndex} in step with the catalog, which other processes add to as well: it
 * remembers, per pack, the catalog position it has absorbed up to, so an accept is shown (and indexes) only what was
 * accepted since — by this process or any other. One per process and index; the index has no other writer.
 */
public final class CatalogMirror {
    private record PackView(long upTo, Set<String> known) {}

    private final SimilarityIndex index;
    private final Map<String, PackView> packs = new ConcurrentHashMap<>();

    public CatalogMirror(SimilarityIndex index) {
        this.index = index;
    }

    public SimilarityIndex index() {
        return index;
    }

    /** The catalog position of {@code pack} up to which the index is complete (0 before anything was absorbed). */
    public long seenUpTo(String pack) {
        return view(pack).upTo();
    }

    /** Reads and indexes what the catalog holds for the pack beyond what was absorbed already. */
    public void catchUp(String pack, CatalogStore catalog) {
        absorb(catalog.since(pack, seenUpTo(pack)));
    }

    /**
     * Indexes the slice's entries not indexed yet. Slices may arrive out of order from several threads (a catch-up
     * beside an accept): entries are recognised by id, and the position only moves forward.
     */
    public void absorb(CatalogSlice slice) {
        packs.compute(slice.pack(), (pack, old) -> {
            PackView v = old == null ? new PackView(0, new HashSet<>()) : old;
            for (CatalogEntry e : slice.entries()) {
                if (v.known().add(e.scenarioId())) index.add(pack, e.scenarioId(), e.uniquenessText() == null ? "" : e.uniquenessText());
            }
            return new PackView(Math.max(v.upTo(), slice.upTo()), v.known());
        });
    }

    /** Indexes a scenario this process has just got accepted (its position arrives with a later slice). */
    public void added(String pack, String scenarioId, String text) {
        packs.compute(pack, (p, old) -> {
            PackView v = old == null ? new PackView(0, new HashSet<>()) : old;
            if (v.known().add(scenarioId)) index.add(p, scenarioId, text);
            return v;
        });
    }

    /** The most similar indexed scenario of the pack at or above {@code threshold}, other than {@code self}. */
    public Optional<SimilarityIndex.Match> nearDuplicate(String pack, String text, String self, double threshold) {
        return index.nearest(pack, text, 2).stream()
                .filter(m -> !m.scenarioId().equals(self) && m.similarity() >= threshold).findFirst();
    }

    private PackView view(String pack) {
        PackView v = packs.get(pack);
        return v == null ? new PackView(0, Set.of()) : v;
    }
}
