package dev.scenarist.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each measure against values computed by hand (and, for the sequence ratio, checked against Python's difflib). */
class LexicalMeasuresTest {
    @Test
    void theSequenceRatioIsTwiceTheMatchedWordsOverBothLengths() {
        // longest block "b c d" (3 words): 2·3 / (4 + 4)
        assertThat(LexicalIndex.scores("a b c d", "b c d e").sequenceRatio()).isCloseTo(0.75, within(1e-12));
        // "a b" then, right of it, "c d": 2·4 / (5 + 4)
        assertThat(LexicalIndex.scores("a b x c d", "a b c d").sequenceRatio()).isCloseTo(8.0 / 9, within(1e-12));
        // "the cat sat on" then "mat": 2·5 / (6 + 6)
        assertThat(LexicalIndex.scores("the cat sat on the mat", "the cat sat on a mat").sequenceRatio()).isCloseTo(10.0 / 12, within(1e-12));
    }

    @Test
    void theSequenceRatioIsDifflibsGestaltMatchingNotTheLongestCommonSubsequence() {
        // two blocks of 3 tie; difflib takes the one earliest in a ("a b c"), and nothing is left on either side of it
        // (a longest common subsequence would also be 3 here; the point is the block order): 2·3 / 12
        assertThat(LexicalIndex.scores("a b c d e f", "d e f a b c").sequenceRatio()).isCloseTo(0.5, within(1e-12));
        assertThat(LexicalIndex.scores("", "").sequenceRatio()).isEqualTo(1.0);
        assertThat(LexicalIndex.scores("a", "").sequenceRatio()).isEqualTo(0.0);
    }

    @Test
    void theShingleJaccardComparesTheSetsOfThreeWordShingles() {
        // {the cat sat, cat sat on, sat on the, on the mat} vs {the cat sat, cat sat on, sat on a, on a mat}: 2 / 6
        assertThat(LexicalIndex.scores("the cat sat on the mat", "the cat sat on a mat").shingleJaccard()).isCloseTo(1.0 / 3, within(1e-12));
        // a repeated shingle counts once: {a b a, b a b} vs {a b a}: 1 / 2
        assertThat(LexicalIndex.scores("a b a b", "a b a").shingleJaccard()).isCloseTo(0.5, within(1e-12));
        // texts shorter than three words are one shingle each
        assertThat(LexicalIndex.scores("hello world", "Hello, world!").shingleJaccard()).isEqualTo(1.0);
    }

    @Test
    void theTokenCosineIgnoresOrderAndCountsRepeats() {
        // (a:2, b:1) · (a:1, b:2) = 4, both norms √5: 4 / 5
        assertThat(LexicalIndex.scores("a a b", "a b b").tokenCosine()).isCloseTo(0.8, within(1e-12));
        assertThat(LexicalIndex.scores("one two three", "three two one").tokenCosine()).isCloseTo(1.0, within(1e-12));
        assertThat(LexicalIndex.scores("one two", "three four").tokenCosine()).isEqualTo(0.0);
    }

    @Test
    void caseAccentsAndPunctuationAreIgnored() {
        var s = LexicalIndex.scores("Café au lait, S'il vous plaît!", "cafe AU LAIT s il vous plait");
        assertThat(s.sequenceRatio()).isEqualTo(1.0);
        assertThat(s.shingleJaccard()).isEqualTo(1.0);
        assertThat(s.tokenCosine()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theStrongestMeasureIsTheOneNearestItsThreshold() {
        var scores = new LexicalScores(0.4, 0.2, 0.93);
        assertThat(scores.strongest(LexicalThresholds.DEFAULTS)).isEqualTo(Measure.TOKEN_COSINE);
        assertThat(scores.strength(LexicalThresholds.DEFAULTS)).isCloseTo(1.0, within(1e-12));
        assertThat(scores.reaches(LexicalThresholds.DEFAULTS, 0)).isTrue();
        assertThat(new LexicalScores(0.75, 0.1, 0.5).reaches(LexicalThresholds.DEFAULTS, 0)).isFalse();
        assertThat(new LexicalScores(0.75, 0.1, 0.5).reaches(LexicalThresholds.DEFAULTS, 0.1)).isTrue();
    }

    @Test
    void thresholdsOutsideZeroToOneAreRefusedNamingTheMeasure() {
        assertThatThrownBy(() -> new LexicalThresholds(0.8, 1.2, 0.9)).hasMessageContaining("shingle Jaccard").hasMessageContaining("1.2");
        assertThatThrownBy(() -> new SemanticThresholds(0.8, 0.9)).hasMessageContaining("borderline");
    }
}
