package dev.scenarist.models.internal.http;

import dev.scenarist.models.Provider;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.core.model.Json;
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
import java.util.Optional;

/**
 * The one place where transport results become author exceptions, so retryability lives in the exception type:
 *
 * <ul>
 *   <li>{@link PermanentAuthorException}: 401/403 (names where the key came from, never the key), 404 (unknown
 *       model or wrong URL), 400/422 and other 4xx (the provider's own message), OpenAI's 429
 *       {@code insufficient_quota} (no credit left: waiting will not help), redirects, requests that cannot be
 *       built;</li>
 *   <li>{@link TransientAuthorException}: 408, 409, 425, 429, 5xx except 501/505, Anthropic's
 *       {@code overloaded_error} at any status, timeouts, refused or reset connections, and 2xx bodies that are
 *       truncated or malformed — with the server's {@code retry-after-ms} / {@code Retry-After} hint.</li>
 * </ul>
 *
 * Every message passes through the {@link Redactor}.
 */
public final class HttpFailures {
    private static final int MAX_SERVER_TEXT = 400;
    private final String authorId;
    private final Provider provider;
    private final Optional<Secret> apiKey;
    private final Redactor redactor;
    private final Clock clock;

    /**
     * @param authorId the author's {@code provider:model} id, which starts every message
     * @param provider whose variables the messages name ({@code $OPENAI_BASE_URL}, …)
     * @param apiKey   the key sent, whose source (never value) 401/403 messages name
     */
    public HttpFailures(String authorId, Provider provider, Optional<Secret> apiKey, Redactor redactor, Clock clock) {
        this.authorId = authorId;
        this.provider = provider;
        this.apiKey = apiKey;
        this.redactor = redactor;
        this.clock = clock;
    }

    /** Whether a non-2xx status is worth retrying, before looking at the body. */
    public static boolean transientStatus(int status) {
        return status == 408 || status == 409 || status == 425 || status == 429 || (status >= 500 && status != 501 && status != 505);
    }

    /** The exception for a response whose status is not 2xx. */
    public AuthorException forStatus(URI url, String model, int status, HttpHeaders headers, String body) {
        ServerError said = ServerError.of(body, redactor);
        String from = " (HTTP " + status + " from " + url + ")";
        String server = said.text().isEmpty() ? "" : ". Server said: " + said.text();
        boolean overloaded = status == 529 || "overloaded_error".equals(said.type());
        if ("insufficient_quota".equals(said.type())) {
            return new PermanentAuthorException(clean(authorId + ": quota exhausted" + from + ": check the account's plan and billing"
                    + server));
        }
        if (overloaded || transientStatus(status)) {
            Optional<Duration> retryAfter = RateLimitHeaders.retryAfter(headers, clock);
            String what = overloaded ? "provider overloaded" : switch (status) {
                case 429 -> "rate limited";
                case 408 -> "request timed out at the server";
                case 409 -> "request conflicted at the server";
                case 425 -> "server asked to retry later";
                default -> "server error";
            };
            return new TransientAuthorException(clean(authorId + ": " + what + from + retryAfter.map(d -> ", retry after " + human(d)).orElse("")
                    + server), retryAfter, null);
        }
        if (status == 401 || status == 403) {
            return new PermanentAuthorException(clean(authorId + ": authentication failed" + from + ": " + keyHint() + server));
        }
        if (status == 404) {
            return new PermanentAuthorException(clean(authorId + ": unknown model or wrong URL" + from + ", model " + model
                    + ": check the model name and the base URL ($" + provider.urlVariable() + ")" + server));
        }
        if (status >= 300 && status < 400) {
            return new PermanentAuthorException(clean(authorId + ": the server redirected" + from + " to "
                    + headers.firstValue("location").orElse("an unnamed location") + ": set the base URL ($" + provider.urlVariable()
                    + ") to the final address"));
        }
        return new PermanentAuthorException(clean(authorId + ": request rejected" + from + ", model " + model + server));
    }

    /** The exception for a request that got no complete response: timeouts, refused or reset connections. */
    public AuthorException forTransport(URI url, Throwable error, Duration timeout) {
        if (error instanceof HttpConnectTimeoutException) {
            return new TransientAuthorException(clean(authorId + ": could not connect to " + url + " within " + human(timeout)
                    + ": check the base URL ($" + provider.urlVariable() + ") and the network"), Optional.empty(), error);
        }
        if (error instanceof HttpTimeoutException) return timedOut(url, timeout);
        if (error instanceof ConnectException) {
            return new TransientAuthorException(clean(authorId + ": cannot connect to " + url + " (" + describe(error)
                    + "): is the server running? check the base URL ($" + provider.urlVariable() + ")"), Optional.empty(), error);
        }
        if (error instanceof IOException) {
            return new TransientAuthorException(clean(authorId + ": connection to " + url + " failed before a complete response ("
                    + describe(error) + ")"), Optional.empty(), error);
        }
        return unsendable(url, error);
    }

    /** A request that could not be built or sent at all (a bad header, a body that cannot be written): retrying will not help. */
    public PermanentAuthorException unsendable(URI url, Throwable error) {
        return new PermanentAuthorException(clean(authorId + ": request to " + url + " could not be made (" + describe(error) + ")"), error);
    }

    /** No complete response within {@code timeout}. */
    public TransientAuthorException timedOut(URI url, Duration timeout) {
        return new TransientAuthorException(clean(authorId + ": no response from " + url + " within " + human(timeout)
                + ": raise the stage's timeout if the model needs longer"), Optional.empty(), null);
    }

    /** A 2xx response whose body is not the JSON the provider documents (truncated, malformed, missing fields). */
    public TransientAuthorException malformed(URI url, String detail, String body, Throwable cause) {
        String head = body == null ? "" : redactor.redact(body).replaceAll("\\s+", " ").strip();
        if (head.length() > 120) head = head.substring(0, 120) + "…";
        return new TransientAuthorException(clean(authorId + ": malformed response from " + url + ": " + detail
                + (head.isEmpty() ? " (empty body)" : " (body starts: " + head + ")")), Optional.empty(), cause);
    }

    private String keyHint() {
        return apiKey.map(k -> "check " + k.source())
                .orElseGet(() -> provider.keyVariable().map(v -> "no API key was sent; set $" + v)
                        .orElse("the server wants credentials; add its auth header to the provider's extra headers"));
    }

    private String clean(String message) {
        return redactor.redact(message);
    }

    private static String describe(Throwable error) {
        String m = error.getMessage();
        return error.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** {@code 2s}, {@code 1.5s}, {@code 250ms}, {@code 6m0s}. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + "ms";
        if (ms < 60_000) return (ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0)) + "s";
        return d.toMinutes() + "m" + d.toSecondsPart() + "s";
    }

    /** What an error body says: {@code error.message} (OpenAI, Anthropic), {@code error} (Ollama), {@code message}, {@code detail}. */
    record ServerError(String type, String text) {
        /** Redacted before it is cut short, so a cut cannot leave half a key the redactor no longer recognises. */
        static ServerError of(String body, Redactor redactor) {
            ServerError said = read(body);
            String text = redactor.redact(said.text()).replaceAll("\\s+", " ").strip();
            return new ServerError(said.type(), text.length() > MAX_SERVER_TEXT ? text.substring(0, MAX_SERVER_TEXT) + "…" : text);
        }

        private static ServerError read(String body) {
            if (body == null || body.isBlank()) return new ServerError("", "");
            try {
                JsonNode root = Json.mapper().readTree(body);
                JsonNode error = root.path("error");
                if (error.isObject()) {
                    String type = error.path("type").asText("");
                    String message = error.path("message").asText("");
                    return new ServerError(type, (type.isEmpty() || message.startsWith(type) ? "" : type + ": ") + message);
                }
                if (error.isTextual()) return new ServerError("", error.asText());
                if (root.path("message").isTextual()) return new ServerError("", root.path("message").asText());
                if (root.path("detail").isTextual()) return new ServerError("", root.path("detail").asText());
            } catch (IOException | RuntimeException notJson) {
                // a proxy's HTML page or plain text: show its start
            }
            return new ServerError("", body);
        }
    }
}
