package dev.scenarist.core.catalog;

import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.pack.Capabilities;
import dev.scenarist.core.pack.Gate;
import dev.scenarist.core.pack.GateContext;
import dev.scenarist.core.pack.GateDecision;
import java.util.List;
import java.util.Optional;

/**
 * The catalog uniqueness gate for packs with a {@link UniquenessPolicy} (capability {@code CatalogUniqueness}): asks the
 * index for a {@link UniquenessVerdict} and
 * <ul>
 *   <li>{@code Unique} → passes, its note naming the nearest accepted scenario;</li>
 *   <li>{@code Duplicate} → rejects, the finding's message is the verdict's {@link UniquenessVerdict#feedback() feedback}
 *       (the nearest scenarios, by which measure, what they share);</li>
 *   <li>{@code Borderline} → when {@link UniquenessRules#askJudge()} and a judge is at hand (the one given, else a model
 *       through the context's critic), the judge's PASS passes and RETRY rejects with its reason and the feedback; with
 *       no judge, or when the judge cannot answer, {@link UniquenessRules#withoutJudge()} decides (default: pass).</li>
 * </ul>
 * For a pack without a policy (or an index that keeps none) it behaves as {@link UniquenessGate} at the default
 * duplicate threshold. The engine repeats the duplicate decision at acceptance, under the catalog lock.
 */
public final class CatalogUniquenessGate implements Gate {
    private final UniquenessRules rules;
    private final Optional<UniquenessJudge> judge;

    /**
     * Borderline candidates go to a model through the run's critic when {@code rules} ask for a judge. Pass the rules of
     * the pack's {@link UniquenessPolicy} (the index applies its thresholds; the gate its borderline handling).
     */
    public CatalogUniquenessGate(UniquenessRules rules) {
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
        this.judge = Optional.empty();
    }

    /** Borderline candidates go to {@code judge} when {@code rules} ask for a judge. */
    public CatalogUniquenessGate(UniquenessRules rules, UniquenessJudge judge) {
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
        this.judge = Optional.of(judge);
    }

    public UniquenessRules rules() {
        return rules;
    }

    @Override
    public String name() {
        return "uniqueness";
    }

    @Override
    public GateDecision decide(GateContext ctx) throws InterruptedException {
        String pack = ctx.run().pack();
        var verdict = ctx.similarity().verdict(pack, new CatalogItem(ctx.run().runId(), "", ctx.uniquenessText(), ""));
        if (verdict.isEmpty()) return new UniquenessGate(Capabilities.DEFAULT_DUPLICATE_THRESHOLD).decide(ctx);
        return switch (verdict.get()) {
            case UniquenessVerdict.Unique u -> new GateDecision.Pass(u.nearest().isEmpty() ? "no accepted scenario is near"
                    : "nearest accepted scenario " + u.nearest().getFirst().describe());
            case UniquenessVerdict.Duplicate d -> reject("DUPLICATE", d.feedback());
            case UniquenessVerdict.Borderline b -> borderline(ctx, b);
        };
    }

    private GateDecision borderline(GateContext ctx, UniquenessVerdict.Borderline b) throws InterruptedException {
        Similar nearest = b.nearest().getFirst();
        String fallbackWhy;
        if (rules.askJudge()) {
            UniquenessJudge j = judge.orElseGet(() -> UniquenessJudge.asking(ctx.critic()));
            try {
                return switch (j.judge(ctx.uniquenessText(), nearest)) {
                    case UniquenessJudge.Answer.Pass p -> new GateDecision.Pass("borderline, judged new: " + p.reason() + " (" + nearest.describe() + ")");
                    case UniquenessJudge.Answer.Retry r -> reject("DUPLICATE_JUDGED", "The uniqueness judge found it a rewording: " + r.reason()
                            + "\n" + b.feedback());
                };
            } catch (AuthorException e) {
                fallbackWhy = "no judge answered (" + e.getMessage() + ")";
            }
        } else {
            fallbackWhy = "no judge configured";
        }
        return switch (rules.withoutJudge()) {
            case PASS -> new GateDecision.Pass("borderline, kept: " + fallbackWhy + "; " + nearest.describe());
            case RETRY -> reject("DUPLICATE_BORDERLINE", "Borderline, and " + fallbackWhy + ":\n" + b.feedback());
        };
    }

    private static GateDecision reject(String code, String message) {
        return new GateDecision.Reject(RejectReason.DUPLICATE, List.of(Finding.error(code, message, "",
                "choose a different situation, entities or goal than the scenarios named")));
    }
}
