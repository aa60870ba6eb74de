package dev.scenarist.core.catalog;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.pack.Gate;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.GateDecision;
import java.util.List;
import java.util.Locale;

/**
 * Rejects a scenario whose uniqueness text is at least {@code threshold} similar to an accepted one of the
 * same pack, naming the nearest one. (Acceptance repeats this decision under a lock, since runs finishing
 * together cannot see each other here.)
 */
public final class UniquenessGate implements Gate {
    private final double threshold;

    public UniquenessGate(double threshold) {
        if (threshold <= 0 || threshold > 1) throw new IllegalArgumentException("uniqueness threshold must be in (0,1], got " + threshold);
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "uniqueness";
    }

    @Override
    public GateDecision decide(GateContext ctx) {
        var nearest = ctx.similarity().nearest(ctx.run().pack(), ctx.uniquenessText(), 1);
        if (!nearest.isEmpty() && nearest.getFirst().similarity() >= threshold) {
            var m = nearest.getFirst();
            return new GateDecision.Reject(RejectReason.DUPLICATE, List.of(Finding.error("DUPLICATE",
                    String.format(Locale.ROOT, "too similar to accepted scenario %s (similarity %.2f ≥ %.2f)", m.scenarioId(), m.similarity(), threshold),
                    "", "choose a different situation, entities or question")));
        }
        String note = nearest.isEmpty() ? "first scenario of its pack"
                : String.format(Locale.ROOT, "nearest accepted scenario %s at similarity %.2f", nearest.getFirst().scenarioId(), nearest.getFirst().similarity());
        return new GateDecision.Pass(note);
    }
}
