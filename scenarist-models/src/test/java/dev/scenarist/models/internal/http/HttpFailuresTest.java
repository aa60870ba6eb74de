package dev.scenarist.models.internal.http;

import dev.scenarist.models.Provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.Secret;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HttpFailuresTest {
    static final URI URL = URI.create("https://api.openai.com/v1/chat/completions");
    static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (a, b) -> true);
    final HttpFailures failures = new HttpFailures("openai:gpt-4.1", Provider.OPENAI,
            Optional.of(new Secret("sk-test-SECRETSECRETSECRET1234", "$OPENAI_API_KEY")), new Redactor(), Clock.systemUTC());

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 425, 429, 500, 502, 503, 504, 520, 529})
    void theseStatusesAreRetried(int status) {
        assertThat(failures.forStatus(URL, "gpt-4.1", status, NONE, "")).isInstanceOf(TransientAuthorException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 402, 403, 404, 413, 422, 501, 505, 301, 307})
    void theseStatusesAreNot(int status) {
        assertThat(failures.forStatus(URL, "gpt-4.1", status, NONE, "")).isInstanceOf(PermanentAuthorException.class);
    }

    @Test
    void transportFailuresAreTransientAndSayWhatHappened() {
        assertThat(failures.forTransport(URL, new HttpConnectTimeoutException("HTTP connect timed out"), Duration.ofSeconds(10)))
                .isInstanceOf(TransientAuthorException.class).hasMessageContaining("could not connect").hasMessageContaining("within 10s");
        assertThat(failures.forTransport(URL, new HttpTimeoutException("request timed out"), Duration.ofMinutes(5)))
                .isInstanceOf(TransientAuthorException.class).hasMessageContaining("within 5m0s");
        assertThat(failures.forTransport(URL, new ConnectException(), Duration.ofSeconds(1)))
                .isInstanceOf(TransientAuthorException.class).hasMessageContaining("is the server running? check the base URL ($OPENAI_BASE_URL)");
        assertThat(failures.forTransport(URL, new IOException("Connection reset"), Duration.ofSeconds(1)))
                .isInstanceOf(TransientAuthorException.class).hasMessageContaining("IOException: Connection reset");
        assertThat(failures.forTransport(URL, new IllegalArgumentException("bad header"), Duration.ofSeconds(1)))
                .isInstanceOf(PermanentAuthorException.class).hasMessageContaining("could not be made");
    }

    @Test
    void anExhaustedQuotaIsNotRetriedThoughItComesAsA429() {
        String body = "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing details.\","
                + "\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}";
        assertThat(failures.forStatus(URL, "gpt-4.1", 429, NONE, body)).isInstanceOf(PermanentAuthorException.class)
                .hasMessageContaining("quota exhausted").hasMessageContaining("You exceeded your current quota");
    }

    @Test
    void aRedirectNamesWhereItPointsAndTheVariableToChange() {
        var headers = HttpHeaders.of(Map.of("location", java.util.List.of("https://api.example.com/v1/chat/completions")), (a, b) -> true);
        assertThat(failures.forStatus(URL, "gpt-4.1", 301, headers, "")).hasMessageContaining("redirected")
                .hasMessageContaining("https://api.example.com/v1/chat/completions").hasMessageContaining("$OPENAI_BASE_URL");
    }

    @Test
    void aLongNonJsonErrorBodyIsQuotedShortAndRedactedBeforeItIsCut() {
        String body = "x".repeat(100) + " sk-test-SECRETSECRETSECRET1234 " + "y".repeat(1000);
        String message = failures.forStatus(URL, "gpt-4.1", 500, NONE, body).getMessage();
        assertThat(message).doesNotContain("sk-test-SECRET").contains("[redacted]").hasSizeLessThan(600).endsWith("…");
    }
}
