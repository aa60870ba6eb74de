package dev.scenarist.core.catalog;

import java.util.Objects;

/**
 * How a pack's catalog uniqueness gate decides. Immutable; {@link #DEFAULTS} documented per field.
 *
 * @param lexical        duplicate thresholds of the three lexical measures (default 0.8 / 0.8 / 0.93); any one reached → duplicate
 * @param lexicalMargin  the borderline band below each lexical threshold (default 0.1: a sequence ratio of 0.7–0.8 is borderline)
 * @param semantic       embedding thresholds, used when the index has an {@link Embedder} (default 0.92, band from 0.85)
 * @param sameGroupOnly  compare only with scenarios of the same group key (default false: with all of the pack)
 * @param askJudge       let a model judge the borderline band (default true; only when the gate has a judge — a model)
 * @param withoutJudge   what borderline means when no judge answers (default {@link Borderline#PASS}: the band is below
 *                       every duplicate threshold, so a scenario there is kept, with the nearest named in the gate's note)
 */
public record UniquenessRules(LexicalThresholds lexical, double lexicalMargin, SemanticThresholds semantic, boolean sameGroupOnly,
                              boolean askJudge, Borderline withoutJudge) {
    /** What a borderline scenario becomes when no judge decides. */
    public enum Borderline { PASS, RETRY }

    public static final UniquenessRules DEFAULTS =
            new UniquenessRules(LexicalThresholds.DEFAULTS, 0.1, SemanticThresholds.DEFAULTS, false, true, Borderline.PASS);

    public UniquenessRules {
        Objects.requireNonNull(lexical, "lexical");
        Objects.requireNonNull(semantic, "semantic");
        Objects.requireNonNull(withoutJudge, "withoutJudge");
        if (!(lexicalMargin >= 0 && lexicalMargin < 1)) throw new IllegalArgumentException("the lexical margin must be in [0,1), got " + lexicalMargin);
    }

    public UniquenessRules withLexical(LexicalThresholds t) {
        return new UniquenessRules(t, lexicalMargin, semantic, sameGroupOnly, askJudge, withoutJudge);
    }

    public UniquenessRules withSemantic(SemanticThresholds s) {
        return new UniquenessRules(lexical, lexicalMargin, s, sameGroupOnly, askJudge, withoutJudge);
    }

    public UniquenessRules sameGroupOnly(boolean on) {
        return new UniquenessRules(lexical, lexicalMargin, semantic, on, askJudge, withoutJudge);
    }

    public UniquenessRules askJudge(boolean on) {
        return new UniquenessRules(lexical, lexicalMargin, semantic, sameGroupOnly, on, withoutJudge);
    }

    public UniquenessRules withoutJudge(Borderline b) {
        return new UniquenessRules(lexical, lexicalMargin, semantic, sameGroupOnly, askJudge, b);
    }
}
