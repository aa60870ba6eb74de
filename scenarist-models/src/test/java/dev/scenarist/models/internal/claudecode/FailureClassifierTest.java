package dev.scenarist.models.internal.claudecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    static AuthorException classify(String resultText, OptionalInt status, String subtype, String stderr) {
        var result = new StreamTranscript.Result(subtype, true, resultText, List.of(), status, Usage.ZERO, List.of());
        return FailureClassifier.classify(new FailureClassifier.Failure("claude-code:sonnet (stage 'events', attempt 2)",
                OptionalInt.of(1), Optional.of(result), Optional.empty(), stderr), new Redactor(), NOW);
    }

    static AuthorException classify(String resultText) {
        return classify(resultText, OptionalInt.empty(), "success", "");
    }

    @Test
    void loginAndKeyProblemsArePermanentAndNameTheFix() {
        for (String text : List.of("Invalid API key · Please run /login", "OAuth token has expired. Please run /login",
                "API Error: 401 {\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}")) {
            assertThat(classify(text)).as(text).isInstanceOf(PermanentAuthorException.class)
                    .hasMessageContaining("claude login").hasMessageContaining("ANTHROPIC_API_KEY");
        }
        assertThat(classify("Forbidden", OptionalInt.of(403), "success", "")).isInstanceOf(PermanentAuthorException.class);
    }

    @Test
    void anUnknownModelIsPermanentAndSuggestsAnother() {
        assertThat(classify("There's an issue with the selected model (claude-nope). It may not exist or you may not have access to it."))
                .isInstanceOf(PermanentAuthorException.class).hasMessageContaining("claude-code:sonnet");
    }

    @Test
    void anEmptyCreditBalanceIsPermanent() {
        assertThat(classify("Credit balance is too low")).isInstanceOf(PermanentAuthorException.class).hasMessageContaining("credits");
    }

    @Test
    void rateLimitsAndOverloadAreTransient() {
        assertThat(classify("API Error: 429 rate_limit_error")).isInstanceOf(TransientAuthorException.class);
        assertThat(classify("x", OptionalInt.of(503), "success", "")).isInstanceOf(TransientAuthorException.class);
        assertThat(classify("", OptionalInt.empty(), "error_during_execution", "Error: Overloaded")).isInstanceOf(TransientAuthorException.class);
    }

    @Test
    void theSubscriptionUsageLimitCarriesItsResetTimeAsRetryAfter() {
        long reset = NOW.plus(Duration.ofMinutes(90)).getEpochSecond();
        var e = (TransientAuthorException) classify("Claude AI usage limit reached|" + reset);
        assertThat(e.retryAfter()).contains(Duration.ofMinutes(90));
    }

    @Test
    void runningOutOfTurnsIsTransient() {
        assertThat(classify("", OptionalInt.empty(), "error_max_turns", "")).isInstanceOf(TransientAuthorException.class)
                .hasMessageContaining("maximum number of turns");
    }

    @Test
    void anythingElseIsTransientWithTheStderrTailAndKeysAreRedacted() {
        String key = "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
        var e = classify("", OptionalInt.empty(), "error_during_execution", "x".repeat(5000) + "\nfailed with " + key + "\n");
        assertThat(e).isInstanceOf(TransientAuthorException.class).hasMessageContaining("stage 'events'")
                .hasMessageContaining("failed with [redacted]").hasMessageNotContaining(key);
        assertThat(e.getMessage().length()).isLessThan(2000);
    }
}
