package dev.scenarist.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    @Test
    void suggestsCloseWordsOnly() {
        List<String> fields = List.of("max_attempts", "temperature", "timeout");

        assertThat(DidYouMean.closest("max_attempt", fields)).contains("max_attempts");
        assertThat(DidYouMean.closest("temprature", fields)).contains("temperature");
        assertThat(DidYouMean.closest("colour", fields)).isEmpty();
    }

    @Test
    void aSwapOfTwoNeighbouringLettersIsOneEdit() {
        assertThat(DidYouMean.distance("rbga", "rgba")).isEqualTo(1);
        assertThat(DidYouMean.distance("abc", "abc")).isZero();
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        // a 4-letter word allows one edit: found only because the swap counts once
        assertThat(DidYouMean.closest("rbga", List.of("size", "rgba"))).contains("rgba");
    }

    @Test
    void aThirdOfTheWordMayBeWrongAtLeastOneEditAtMostThree() {
        assertThat(DidYouMean.closest("ab", List.of("ax"))).as("short words still allow one edit").contains("ax");
        assertThat(DidYouMean.closest("abcdef", List.of("abcxyf"))).as("6 letters allow 2 edits").contains("abcxyf");
        assertThat(DidYouMean.closest("abcdef", List.of("axyzef"))).as("not 3").isEmpty();
        assertThat(DidYouMean.closest("abcdefghijklmnop", List.of("abcdefghijklmWXY"))).as("at most three").contains("abcdefghijklmWXY");
        assertThat(DidYouMean.closest("abcdefghijklmnop", List.of("abcdefghijklVWXY"))).as("never four").isEmpty();
    }

    @Test
    void caseIsIgnoredAndTheCandidateIsReturnedAsDeclared() {
        assertThat(DidYouMean.closest("MAX_ATTEMPTS", List.of("max_attempts"))).contains("max_attempts");
        assertThat(DidYouMean.closest("Rgba", List.of("rgb", "rgba"))).contains("rgba");
    }

    @Test
    void noCandidatesMeansNoSuggestion() {
        assertThat(DidYouMean.closest("anything", List.of())).isEmpty();
        assertThat(DidYouMean.hint("anything", List.of())).isEmpty();
    }

    @Test
    void theHintIsAPhraseToPutInFrontOfTheFix() {
        assertThat(DidYouMean.hint("timout", List.of("timeout"))).isEqualTo("did you mean 'timeout'? ");
    }
}
