package dev.scenarist.core.catalog;

import java.util.List;

/**
 * An accepted scenario lexically near a candidate.
 *
 * @param sharedPhrases runs of words both texts contain in the same order (from their shared 3-word shingles), longest first
 * @param sharedWords   words both contain, rarest in the index first
 */
public record LexicalMatch(CatalogItem item, LexicalScores scores, List<String> sharedPhrases, List<String> sharedWords) {
    public LexicalMatch {
        sharedPhrases = List.copyOf(sharedPhrases);
        sharedWords = List.copyOf(sharedWords);
    }
}
