package dev.scenarist.core.catalog;

/**
 * The embedding cosine at or above which a scenario is a duplicate, and the lower edge of its borderline band.
 * {@link #DEFAULTS}: 0.92 and 0.85 (for all-MiniLM-L6-v2, where paraphrases of one situation score about 0.85–0.95).
 */
public record SemanticThresholds(double duplicate, double borderline) {
    public static final SemanticThresholds DEFAULTS = new SemanticThresholds(0.92, 0.85);

    public SemanticThresholds {
        LexicalThresholds.check("embedding cosine", duplicate);
        if (!(borderline > 0 && borderline <= duplicate)) {
            throw new IllegalArgumentException("the embedding borderline must be in (0, " + duplicate + "] (the duplicate threshold), got " + borderline);
        }
    }
}
