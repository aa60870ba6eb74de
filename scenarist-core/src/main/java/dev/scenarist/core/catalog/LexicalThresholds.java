package dev.scenarist.core.catalog;

/**
 * The lexical measures' duplicate thresholds; a scenario at or above any one of them from an accepted one is a duplicate
 * (as PARE's deduplicator). Each in (0,1]. {@link #DEFAULTS}: sequence ratio 0.8, shingle Jaccard 0.8, token cosine 0.93.
 */
public record LexicalThresholds(double sequenceRatio, double shingleJaccard, double tokenCosine) {
    public static final LexicalThresholds DEFAULTS = new LexicalThresholds(0.8, 0.8, 0.93);

    public LexicalThresholds {
        check("sequence ratio", sequenceRatio);
        check("shingle Jaccard", shingleJaccard);
        check("token cosine", tokenCosine);
    }

    static void check(String what, double v) {
        if (!(v > 0 && v <= 1)) throw new IllegalArgumentException(what + " threshold must be in (0,1], got " + v);
    }

    public double of(Measure m) {
        return switch (m) {
            case SEQUENCE_RATIO -> sequenceRatio;
            case SHINGLE_JACCARD -> shingleJaccard;
            case TOKEN_COSINE -> tokenCosine;
            case EMBEDDING_COSINE -> throw new IllegalArgumentException("the embedding cosine is not a lexical measure");
        };
    }
}
