package dev.scenarist.packs.yaml.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JudgeReplyTest {

    private static JudgeReply.Scored scored(String reply) {
        JudgeReply r = JudgeReply.parse(reply);
        assertThat(r).as("parse of %s", reply).isInstanceOf(JudgeReply.Scored.class);
        return (JudgeReply.Scored) r;
    }

    @Test
    void reads_a_score_between_zero_and_one() {
        assertThat(scored("SCORE: 0.85\nFEEDBACK: ok").score()).isEqualTo(0.85);
    }

    @Test
    void reads_a_score_out_of_ten_with_or_without_the_denominator() {
        assertThat(scored("SCORE: 7").score()).isEqualTo(0.7);
        assertThat(scored("Score: 8/10").score()).isEqualTo(0.8);
        assertThat(scored("score = 3 / 4").score()).isEqualTo(0.75);
    }

    @Test
    void tolerates_markdown_emphasis_and_a_decimal_comma() {
        assertThat(scored("**SCORE:** 0,9\n**FEEDBACK:** fine").score()).isEqualTo(0.9);
        assertThat(scored("**SCORE:** 0,9\n**FEEDBACK:** fine").feedback()).isEqualTo("fine");
    }

    @Test
    void the_last_score_line_counts() {
        assertThat(scored("Use SCORE: 0 to 1.\nReasoning...\nSCORE: 0.6").score()).isEqualTo(0.6);
    }

    @Test
    void without_a_feedback_label_the_rest_of_the_reply_is_the_feedback() {
        assertThat(scored("The order is unclear.\nSCORE: 0.5").feedback()).isEqualTo("The order is unclear.");
    }

    @Test
    void an_empty_reply_is_unreadable() {
        assertThat(JudgeReply.parse("  ")).isInstanceOf(JudgeReply.Unreadable.class);
    }

    @Test
    void a_fraction_above_one_is_unreadable() {
        assertThat(JudgeReply.parse("SCORE: 12/10")).isInstanceOf(JudgeReply.Unreadable.class);
    }
}
