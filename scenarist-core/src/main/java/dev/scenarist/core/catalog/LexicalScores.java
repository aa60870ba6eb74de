package dev.scenarist.core.catalog;

import java.util.List;

/** The three lexical measures between two texts, each in [0,1]. */
public record LexicalScores(double sequenceRatio, double shingleJaccard, double tokenCosine) {
    public static final List<Measure> MEASURES = List.of(Measure.SEQUENCE_RATIO, Measure.SHINGLE_JACCARD, Measure.TOKEN_COSINE);

    public double of(Measure m) {
        return switch (m) {
            case SEQUENCE_RATIO -> sequenceRatio;
            case SHINGLE_JACCARD -> shingleJaccard;
            case TOKEN_COSINE -> tokenCosine;
            case EMBEDDING_COSINE -> throw new IllegalArgumentException("the embedding cosine is not a lexical measure");
        };
    }

    /** The measure nearest to (or furthest over) its threshold: the largest score ÷ threshold. */
    public Measure strongest(LexicalThresholds t) {
        Measure best = Measure.SEQUENCE_RATIO;
        for (Measure m : MEASURES) if (of(m) / t.of(m) > of(best) / t.of(best)) best = m;
        return best;
    }

    /** The largest score ÷ threshold: at or above 1 is a duplicate. The index ranks neighbours by it. */
    public double strength(LexicalThresholds t) {
        Measure m = strongest(t);
        return of(m) / t.of(m);
    }

    /** Whether any measure reaches its threshold less {@code margin}. */
    public boolean reaches(LexicalThresholds t, double margin) {
        for (Measure m : MEASURES) if (of(m) >= t.of(m) - margin) return true;
        return false;
    }
}
