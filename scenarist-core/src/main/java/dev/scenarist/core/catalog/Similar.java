package dev.scenarist.core.catalog;

import java.util.List;
import java.util.Locale;

/**
 * An accepted scenario near a candidate, by the measure that came nearest to its threshold.
 *
 * @param shared what the two have in common, for people and for the author's feedback: shared phrases (quoted) and
 *               shared rare words (lexical), or nothing (embedding)
 */
public record Similar(CatalogItem item, Measure measure, double score, double threshold, List<String> shared) {
    public Similar {
        shared = List.copyOf(shared);
    }

    /** score ÷ threshold: at or above 1 is a duplicate. */
    public double strength() {
        return score / threshold;
    }

    /** {@code scn-12 "Dentist on Friday": word-count cosine 0.95 (duplicate at 0.93); shares "…", words a, b}. */
    public String describe() {
        StringBuilder s = new StringBuilder(item.label()).append(": ")
                .append(String.format(Locale.ROOT, "%s %.2f (duplicate at %.2f)", measure.label(), score, threshold));
        if (!shared.isEmpty()) s.append("; shares ").append(String.join(", ", shared));
        return s.toString();
    }
}
