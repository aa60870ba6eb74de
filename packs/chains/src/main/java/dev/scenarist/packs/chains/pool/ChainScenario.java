package dev.scenarist.packs.chains.pool;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One linked chain: ordered steps asked in one assistant session, each next question depending on earlier answers. */
public record ChainScenario(String id, String title, String brief, List<ChainStep> steps) {
    public ChainScenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(brief, "brief");
        steps = List.copyOf(steps);
    }

    /** The wordings this chain is run in: canonical always, and every variant some step has (each pass its own session). */
    public Set<Wording> wordings() {
        Set<Wording> all = EnumSet.of(Wording.CANONICAL);
        for (ChainStep s : steps) all.addAll(s.wordings().keySet());
        return all;
    }
}
