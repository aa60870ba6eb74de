package dev.scenarist.models.internal.http;

import dev.scenarist.models.Provider;
import dev.scenarist.models.ProviderSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.PermanentAuthorException;
import dev.scenarist.core.model.Json;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.ModelRef;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.Secret;
import dev.scenarist.models.Price;
import dev.scenarist.models.PriceTable;
import dev.scenarist.models.ChatMessage;
import dev.scenarist.models.ToolCall;
import dev.scenarist.models.ToolChatReply;
import dev.scenarist.models.ToolChatRequest;
import dev.scenarist.models.ToolDefinition;
import dev.scenarist.models.internal.reliability.RateLimitFeedback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An author that asks a model over HTTP with one JSON request and one JSON response (no streaming). This class
 * owns what the providers share — timeouts, headers, rate-limit feedback, failure mapping (through
 * {@link HttpFailures}), latency, pricing and the pre-call estimate; each provider only writes its request body and
 * reads its response body. The same instance also serves tool-calling conversations ({@link #chat}, wrapped with
 * retries by {@link HttpToolChat}); each provider writes and reads those bodies in its {@code *Tools} class.
 *
 * <p>The model is fixed per instance ({@link #id()} is {@code provider:model}); a stage that names another model
 * gets another author from the wiring. Instances are thread-safe; {@link #close()} releases the HTTP client.
 */
public abstract sealed class HttpChatAuthor implements Author, AutoCloseable
        permits OpenAiCompatibleAuthor, AnthropicAuthor, OllamaAuthor {
    private final Provider provider;
    private final String model;
    private final URI endpoint;
    private final ProviderSettings settings;
    private final PriceTable prices;
    private final RateLimitFeedback feedback;
    private final Clock clock;
    private final HttpFailures failures;
    private final HttpClient http;
    private final boolean structuredOutput;

    HttpChatAuthor(Provider provider, String model, URI endpoint, ProviderSettings settings, PriceTable prices,
                   RateLimitFeedback feedback, Redactor redactor, Clock clock) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank; name it like " + provider.id() + ":"
                    + switch (provider) {
                        case OPENAI -> "gpt-4.1";
                        case ANTHROPIC -> "claude-sonnet-4-5";
                        case OLLAMA -> "qwen2.5-coder:14b";
                    });
        }
        this.provider = provider;
        this.model = model.trim();
        this.endpoint = endpoint;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.structuredOutput = settings.structuredOutputFor(provider);
        Objects.requireNonNull(redactor, "redactor");
        settings.apiKey().ifPresent(redactor::register);
        settings.sensitiveHeaderValues().forEach(v -> redactor.register(new Secret(v, "extra header")));
        this.failures = new HttpFailures(id(), provider, settings.apiKey(), redactor, clock);
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // cleartext servers (vLLM, llama.cpp, Ollama) get plain HTTP/1.1, not an h2c upgrade attempt
                .version("https".equalsIgnoreCase(endpoint.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * The author for {@code ref} ({@code openai:…}, {@code anthropic:…} or {@code ollama:…}).
     *
     * @throws IllegalArgumentException for providers that do not speak HTTP here (e.g. {@code claude-code})
     */
    public static HttpChatAuthor forModel(ModelRef ref, ProviderSettings settings, PriceTable prices, RateLimitFeedback feedback,
                                          Redactor redactor, Clock clock) {
        return switch (Provider.of(ref.provider())) {
            case OPENAI -> new OpenAiCompatibleAuthor(ref.model(), settings, prices, feedback, redactor, clock);
            case ANTHROPIC -> new AnthropicAuthor(ref.model(), settings, prices, feedback, redactor, clock);
            case OLLAMA -> new OllamaAuthor(ref.model(), settings, prices, feedback, redactor, clock);
        };
    }

    @Override
    public final String id() {
        return provider.id() + ":" + model;
    }

    /** The model name sent to the provider. */
    public final String model() {
        return model;
    }

    /**
     * Whether stages whose reply must carry files ask this provider for JSON matching a schema of those files
     * ({@link ProviderSettings#structuredOutputFor(Provider)}).
     */
    public final boolean structuredOutput() {
        return structuredOutput;
    }

    /** Where requests go, e.g. {@code https://api.openai.com/v1/chat/completions}. */
    public final URI endpoint() {
        return endpoint;
    }

    @Override
    public final AuthorReply reply(AuthorRequest request) throws AuthorException, InterruptedException {
        ObjectNode body;
        try {
            body = body(request, maxTokens(request));
        } catch (IllegalArgumentException e) {
            throw failures.unsendable(endpoint, e);
        }
        Exchanged ex = exchange(body, timeout(request.settings()));
        Parsed parsed;
        try {
            parsed = parse(ex.root(), request);
        } catch (MalformedReply e) {
            throw failures.malformed(endpoint, e.getMessage(), ex.body(), null);
        }
        String served = parsed.model().isBlank() ? model : parsed.model();
        return new AuthorReply(parsed.text(), priced(parsed.usage(), served), served, ex.latency());
    }

    /**
     * One request of a tool-calling conversation, through the same client, headers, timeouts, failure mapping,
     * rate-limit feedback and pricing as {@link #reply}. Not retried here ({@link HttpToolChat} retries).
     */
    public final ToolChatReply chat(ToolChatRequest request) throws AuthorException, InterruptedException {
        int maxTokens = request.settings().maxTokens().orElse(settings.maxTokens());
        ObjectNode body;
        try {
            body = toolBody(request, maxTokens);
        } catch (IllegalArgumentException e) {
            throw failures.unsendable(endpoint, e);
        }
        Exchanged ex = exchange(body, timeout(request.settings()));
        ToolParsed parsed;
        try {
            parsed = parseTools(ex.root());
        } catch (MalformedReply e) {
            throw failures.malformed(endpoint, e.getMessage(), ex.body(), null);
        }
        String served = parsed.model().isBlank() ? model : parsed.model();
        return new ToolChatReply(parsed.text(), parsed.calls(), priced(parsed.usage(), served), served, ex.latency());
    }

    /** At most what a tool chat request may cost, estimated like {@link #estimate(AuthorRequest)} over the whole conversation and tools. */
    public final Usage estimate(ToolChatRequest request) {
        long chars = request.system().length();
        for (ChatMessage m : request.messages()) {
            chars += switch (m) {
                case ChatMessage.User u -> u.text().length();
                case ChatMessage.Assistant a -> a.text().length() + a.calls().stream().mapToLong(c -> c.name().length() + c.arguments().json().length()).sum();
                case ChatMessage.ToolOutput t -> t.content().length();
            };
        }
        for (ToolDefinition t : request.tools()) chars += t.name().length() + t.description().length() + t.parameters().toString().length();
        int maxTokens = request.settings().maxTokens().orElse(settings.maxTokens());
        return prices.cost(model, Usage.tokens((chars + 3) / 4, maxTokens));
    }

    /** A 2xx response's JSON object, its raw text (for messages) and how long the call took. */
    private record Exchanged(JsonNode root, String body, Duration latency) {}

    /** Posts {@code body}; maps every failure (transport, status, a body that is not a JSON object) through {@link HttpFailures}. */
    private Exchanged exchange(ObjectNode body, Duration timeout) throws AuthorException, InterruptedException {
        HttpRequest httpRequest = httpRequest(body, timeout);
        Instant start = clock.instant();
        HttpResponse<String> response = send(httpRequest, timeout);
        Duration latency = Duration.between(start, clock.instant());
        var limits = RateLimitHeaders.snapshot(response.headers(), clock);
        if (!RateLimitHeaders.isEmpty(limits)) feedback.observe(limits);
        String text = response.body();
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw failures.forStatus(endpoint, model, response.statusCode(), response.headers(), text);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonEOFException e) {
            throw failures.malformed(endpoint, "not valid JSON (it ends early: truncated)", text, null);
        } catch (JsonProcessingException e) {
            throw failures.malformed(endpoint, "not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")", text, null);
        }
        if (root == null || !root.isObject()) throw failures.malformed(endpoint, "expected a JSON object", text, null);
        return new Exchanged(root, text, latency);
    }

    /** {@code u} priced for the model that served it (else the model asked for; unknown models cost 0). */
    private Usage priced(Usage u, String served) {
        Price price = prices.find(served).or(() -> prices.find(model)).orElse(Price.ZERO);
        return new Usage(u.inputTokens(), u.outputTokens(), u.cacheReadTokens(), u.cacheWriteTokens(), price.cost(u));
    }

    /**
     * At most what the request may cost: input ≈ (system + prompt characters) / 4 rounded up, all of it uncached;
     * output the request's max tokens, else the provider default; priced by the table.
     */
    @Override
    public final Optional<Usage> estimate(AuthorRequest request) {
        long input = ((long) request.system().length() + request.prompt().length() + 3) / 4;
        return Optional.of(prices.cost(model, Usage.tokens(input, maxTokens(request))));
    }

    /** Stops the HTTP client; calls in flight fail. */
    @Override
    public void close() {
        http.shutdownNow();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id() + " at " + endpoint + "]";
    }

    /** The provider's JSON request body. */
    abstract ObjectNode body(AuthorRequest request, int maxTokens);

    /** The provider's own headers, auth included (the JSON content headers are already set). */
    abstract Map<String, String> headers(Optional<Secret> apiKey);

    /** {@code Authorization: Bearer <key>} when there is a key (OpenAI-compatible servers, Ollama behind a proxy). */
    static Map<String, String> bearer(Optional<Secret> apiKey) {
        return apiKey.filter(k -> !k.isEmpty()).map(k -> Map.of("Authorization", "Bearer " + k.reveal())).orElse(Map.of());
    }

    /**
     * Text, usage (unpriced) and served model from a 2xx body. When {@link #structured(AuthorRequest)} the text is the
     * conforming JSON turned into file blocks by {@link StructuredReply}, or the provider's raw text when it does not conform.
     */
    abstract Parsed parse(JsonNode root, AuthorRequest request) throws MalformedReply;

    /** The provider's JSON request body for one request of a tool-calling conversation. */
    abstract ObjectNode toolBody(ToolChatRequest request, int maxTokens);

    /** Text, tool calls, usage (unpriced) and served model from a 2xx body of a tool-calling request. */
    abstract ToolParsed parseTools(JsonNode root) throws MalformedReply;

    /** What a provider's 2xx body of a tool-calling request says. {@code model} may be blank when the server does not say. */
    record ToolParsed(String text, java.util.List<ToolCall> calls, Usage usage, String model) {}

    /** What a provider's 2xx body says. {@code model} may be blank when the server does not say. */
    record Parsed(String text, Usage usage, String model) {}

    /** A 2xx body that lacks what the provider documents; becomes a transient "malformed response". */
    static final class MalformedReply extends Exception {
        MalformedReply(String detail) {
            super(detail, null, false, false);
        }
    }

    /**
     * Whether {@code request} asks for a schema-constrained reply: only when its reply must carry files
     * ({@code scope().outputs()} non-empty; reviews and judges reply in prose) and structured output is on for this
     * provider ({@link ProviderSettings#structuredOutputFor(Provider)}).
     */
    final boolean structured(AuthorRequest request) {
        return structuredOutput && !request.scope().outputs().isEmpty();
    }

    final int maxTokens(AuthorRequest request) {
        return request.settings().maxTokens().orElse(settings.maxTokens());
    }

    /** The stage's timeout when it set one, else the provider's read timeout. */
    private Duration timeout(ModelSettings s) {
        return s.timeout().equals(ModelSettings.DEFAULT_TIMEOUT) ? settings.readTimeout() : s.timeout();
    }

    private HttpRequest httpRequest(ObjectNode body, Duration timeout) throws PermanentAuthorException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put("User-Agent", "scenarist");
        headers.putAll(headers(settings.apiKey()));
        headers.putAll(settings.extraHeaders());
        try {
            byte[] json = Json.mapper().writeValueAsBytes(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(json));
            headers.forEach(b::header);
            return b.build();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw failures.unsendable(endpoint, e);
        }
    }

    private HttpResponse<String> send(HttpRequest request, Duration timeout) throws AuthorException, InterruptedException {
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            // the request timeout covers the wait for headers; this one also covers a body that stalls
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw failures.timedOut(endpoint, timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw failures.forTransport(endpoint, e.getCause() == null ? e : e.getCause(), timeout);
        }
    }

    /** Text of a JSON field, or {@code ""} when absent or not text. */
    static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : "";
    }

    /** A non-negative token count, 0 when absent. */
    static long tokens(JsonNode node) {
        return node != null && node.canConvertToLong() ? Math.max(0, node.asLong()) : 0;
    }
}
