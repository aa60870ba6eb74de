package dev.scenarist.core.catalog.internal;

import dev.scenarist.core.catalog.CatalogItem;
import dev.scenarist.core.catalog.SimilarityIndex;
import dev.scenarist.core.catalog.UniquenessVerdict;
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
    private record PackView(long upTo, Set<String> known, Set<String> titles) {}

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
            PackView v = old == null ? new PackView(0, new HashSet<>(), ConcurrentHashMap.newKeySet()) : old;
            for (CatalogEntry e : slice.entries()) {
                if (v.known().add(e.scenarioId())) {
                    index.add(pack, e.scenarioId(), e.title() == null ? "" : e.title(), e.uniquenessText() == null ? "" : e.uniquenessText());
                    if (e.title() != null) v.titles().add(e.title());
                }
            }
            return new PackView(Math.max(v.upTo(), slice.upTo()), v.known(), v.titles());
        });
    }

    /** Indexes a scenario this process has just got accepted (its position arrives with a later slice). */
    public void added(String pack, String scenarioId, String text) {
        added(pack, scenarioId, "", text);
    }

    /** As {@link #added(String, String, String)}, with the scenario's title (so a later one with the same title gets a suffix). */
    public void added(String pack, String scenarioId, String title, String text) {
        packs.compute(pack, (p, old) -> {
            PackView v = old == null ? new PackView(0, new HashSet<>(), ConcurrentHashMap.newKeySet()) : old;
            if (v.known().add(scenarioId)) {
                index.add(p, scenarioId, title, text);
                if (!title.isEmpty()) v.titles().add(title);
            }
            return v;
        });
    }

    /** Whether an indexed scenario of the pack has this title. */
    public boolean titleTaken(String pack, String title) {
        return view(pack).titles().contains(title);
    }

    /**
     * The catalog uniqueness verdict for a pack with a policy (see {@link SimilarityIndex#verdict}), the candidate's own
     * id left out; empty for other packs, which {@link #nearDuplicate} serves.
     */
    public Optional<UniquenessVerdict> verdict(String pack, String text, String self) {
        return index.verdict(pack, CatalogItem.of(self, text));
    }

    /** The most similar indexed scenario of the pack at or above {@code threshold}, other than {@code self}. */
    public Optional<SimilarityIndex.Match> nearDuplicate(String pack, String text, String self, double threshold) {
        return index.nearest(pack, text, 2).stream()
                .filter(m -> !m.scenarioId().equals(self) && m.similarity() >= threshold).findFirst();
    }

    private PackView view(String pack) {
        PackView v = packs.get(pack);
        return v == null ? new PackView(0, Set.of(), Set.of()) : v;
    }
}
