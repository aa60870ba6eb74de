package dev.scenarist.packs.yaml.internal.gates;

import dev.scenarist.core.catalog.SimilarityIndex;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.pack.Gate;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.GateDecision;
import java.util.List;
import java.util.Locale;

/**
 * {@code gate: uniqueness}: rejects a scenario as a duplicate when the catalog's most similar accepted scenario of
 * the same pack is at or above the pack's duplicate threshold; passes otherwise, noting the closest one.
 */
public record UniquenessGate(double threshold) implements Gate {
    public UniquenessGate {
        if (!(threshold >= 0 && threshold <= 1)) throw new IllegalArgumentException("duplicate threshold must be in [0,1], got " + threshold);
    }

    @Override
    public String name() {
        return "uniqueness";
    }

    @Override
    public GateDecision decide(GateContext context) {
        List<SimilarityIndex.Match> nearest = context.similarity().nearest(context.run().pack(), context.uniquenessText(), 1);
        if (nearest.isEmpty()) return new GateDecision.Pass("no accepted scenario to compare with yet");
        SimilarityIndex.Match m = nearest.getFirst();
        if (m.similarity() >= threshold) {
            return new GateDecision.Reject(RejectReason.DUPLICATE, List.of(Finding.error("DUPLICATE",
                    "too similar to accepted scenario " + m.scenarioId() + " (similarity " + fmt(m.similarity())
                            + ", duplicates start at " + fmt(threshold) + ")",
                    m.scenarioId(), "generate a scenario about something else; this one adds nothing new")));
        }
        return new GateDecision.Pass("most similar accepted scenario: " + m.scenarioId() + " (similarity " + fmt(m.similarity())
                + " < " + fmt(threshold) + ")");
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
