package dev.scenarist.models;

import dev.scenarist.core.author.ModelSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach one HTTP model provider. Immutable and validated when built; every message names the bad value
 * and how to fix it.
 *
 * @param baseUrl        the API root: OpenAI-compatible {@code …/v1}, Anthropic {@code …/v1/} (a root without
 *                       {@code /v1}, as the Anthropic SDKs take it, works too), Ollama the server root. A
 *                       trailing slash makes no difference.
 * @param apiKey         sent as the provider's auth header; empty sends none (local servers)
 * @param timeouts       how long to wait for a connection and for a reply ({@link Timeouts}; also
 *                       {@link #connectTimeout()} and {@link #readTimeout()})
 * @param extraHeaders   added to every request, overriding the author's own (e.g. {@code anthropic-beta},
 *                       {@code OpenAI-Organization}, a proxy's auth header)
 * @param maxTokens      the output limit sent when the stage sets none; default {@link #DEFAULT_MAX_TOKENS}
 * @param structuredOutput whether a stage whose reply must carry files asks for JSON matching a schema of those files
 *                       (a JSON schema of those files, or a tool taking them); empty takes the provider's default ({@link #structuredOutputFor})
 */
public record ProviderSettings(URI baseUrl, Optional<Secret> apiKey, Timeouts timeouts, Map<String, String> extraHeaders,
                               int maxTokens, Optional<Boolean> structuredOutput) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_TOKENS = 8192;
    /** Headers the JDK HTTP client sets itself and refuses to take. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    public ProviderSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(extraHeaders, "extraHeaders");
        Objects.requireNonNull(structuredOutput, "structuredOutput");
        checkUrl(baseUrl, "base URL");
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("max tokens must be positive, got " + maxTokens + "; e.g. " + DEFAULT_MAX_TOKENS);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        extraHeaders.forEach((name, value) -> {
            if (name == null || name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
                throw new IllegalArgumentException("header name '" + name + "' is not a valid HTTP header name; use letters, digits and '-'");
            }
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header '" + name + "' is set by the HTTP client itself; remove it from the extra headers");
            }
            if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header '" + name + "' has a missing or multi-line value; give it a single-line value");
            }
            headers.put(name, value);
        });
        extraHeaders = java.util.Collections.unmodifiableMap(headers);
    }

    /** Settings with the provider's default for structured output. */
    public ProviderSettings(URI baseUrl, Optional<Secret> apiKey, Duration connectTimeout, Duration readTimeout,
                            Map<String, String> extraHeaders, int maxTokens) {
        this(baseUrl, apiKey, new Timeouts(connectTimeout, readTimeout), extraHeaders, maxTokens, Optional.empty());
    }

    /**
     * @param connect how long to wait for a connection; default {@link #DEFAULT_CONNECT_TIMEOUT}
     * @param read    how long to wait for a reply when the stage sets no timeout of its own (a request whose
     *                {@link ModelSettings#timeout()} differs from {@link ModelSettings#DEFAULT_TIMEOUT} wins);
     *                default {@link ModelSettings#DEFAULT_TIMEOUT}
     */
    public record Timeouts(Duration connect, Duration read) {
        public Timeouts {
            Objects.requireNonNull(connect, "connectTimeout");
            Objects.requireNonNull(read, "readTimeout");
            if (connect.isNegative() || connect.isZero()) {
                throw new IllegalArgumentException("connect timeout must be positive, got " + connect + "; e.g. PT10S");
            }
            if (read.isNegative() || read.isZero()) {
                throw new IllegalArgumentException("read timeout must be positive, got " + read + "; e.g. PT5M");
            }
        }
    }

    /** How long to wait for a connection. */
    public Duration connectTimeout() {
        return timeouts.connect();
    }

    /** How long to wait for a reply when the stage sets no timeout of its own. */
    public Duration readTimeout() {
        return timeouts.read();
    }

    /** The defaults for {@code provider}: its public endpoint, no key, default timeouts and max tokens. */
    public static ProviderSettings defaults(Provider provider) {
        return new ProviderSettings(provider.defaultBaseUrl(), Optional.empty(), DEFAULT_CONNECT_TIMEOUT,
                ModelSettings.DEFAULT_TIMEOUT, Map.of(), DEFAULT_MAX_TOKENS);
    }

    /**
     * Settings from the providers' own environment variables, so existing setups work unchanged:
     * {@code OPENAI_BASE_URL} and {@code OPENAI_API_KEY}, {@code ANTHROPIC_BASE_URL} and {@code ANTHROPIC_API_KEY},
     * {@code OLLAMA_HOST} (which may lack a scheme and port, as Ollama allows). Blank variables count as unset.
     *
     * @param provider {@code openai}, {@code anthropic} or {@code ollama}
     * @param env      the environment to read (pass {@code System.getenv()} from the application's wiring)
     * @throws IllegalArgumentException naming the variable and its bad value
     */
    public static ProviderSettings fromEnvironment(String provider, Map<String, String> env) {
        Provider p = Provider.of(provider);
        ProviderSettings settings = defaults(p);
        String url = env.get(p.urlVariable());
        if (url != null && !url.isBlank()) {
            settings = settings.withBaseUrl(p == Provider.OLLAMA ? ollamaHost(url, "$" + p.urlVariable())
                    : parseUrl(url.trim(), "$" + p.urlVariable()));
        }
        if (p.keyVariable().isPresent()) {
            String key = env.get(p.keyVariable().get());
            if (key != null && !key.isBlank()) settings = settings.withApiKey(new Secret(key.trim(), "$" + p.keyVariable().get()));
        }
        return settings;
    }

    /**
     * An Ollama host as {@code OLLAMA_HOST} takes it: {@code localhost}, {@code 10.0.0.5:11434}, {@code http://gpu-box},
     * {@code https://ollama.example.com/}. Without a scheme it is {@code http} on port 11434, as Ollama reads it.
     */
    public static URI ollamaHost(String host, String source) {
        String text = host.trim();
        if (!text.contains("://")) {
            int slash = text.indexOf('/');
            String hostPort = slash < 0 ? text : text.substring(0, slash);
            String path = slash < 0 ? "" : text.substring(slash);
            boolean hasPort = hostPort.startsWith("[") ? hostPort.contains("]:") : hostPort.contains(":");
            if (hostPort.isEmpty()) hostPort = "127.0.0.1";
            text = "http://" + hostPort + (hasPort ? "" : ":11434") + path;
        }
        return parseUrl(text, source);
    }

    /** Parses and checks an http(s) base URL; the message names {@code source} and the value. */
    public static URI parseUrl(String text, String source) {
        try {
            URI uri = new URI(text);
            checkUrl(uri, source);
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + " '" + masked(text) + "' is not a valid URL (" + e.getReason()
                    + "); write it like https://api.openai.com/v1 or http://localhost:11434");
        }
    }

    public ProviderSettings withBaseUrl(URI url) {
        return new ProviderSettings(url, apiKey, timeouts, extraHeaders, maxTokens, structuredOutput);
    }

    public ProviderSettings withApiKey(Secret key) {
        return new ProviderSettings(baseUrl, Optional.of(key), timeouts, extraHeaders, maxTokens, structuredOutput);
    }

    public ProviderSettings withoutApiKey() {
        return new ProviderSettings(baseUrl, Optional.empty(), timeouts, extraHeaders, maxTokens, structuredOutput);
    }

    public ProviderSettings withConnectTimeout(Duration timeout) {
        return new ProviderSettings(baseUrl, apiKey, new Timeouts(timeout, timeouts.read()), extraHeaders, maxTokens, structuredOutput);
    }

    public ProviderSettings withReadTimeout(Duration timeout) {
        return new ProviderSettings(baseUrl, apiKey, new Timeouts(timeouts.connect(), timeout), extraHeaders, maxTokens, structuredOutput);
    }

    public ProviderSettings withMaxTokens(int tokens) {
        return new ProviderSettings(baseUrl, apiKey, timeouts, extraHeaders, tokens, structuredOutput);
    }

    public ProviderSettings withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(name, value);
        return new ProviderSettings(baseUrl, apiKey, timeouts, headers, maxTokens, structuredOutput);
    }

    /** Forces schema-constrained replies on or off, whatever the provider's default. */
    public ProviderSettings withStructuredOutput(boolean enabled) {
        return new ProviderSettings(baseUrl, apiKey, timeouts, extraHeaders, maxTokens, Optional.of(enabled));
    }

    /** Back to the provider's default for structured output. */
    public ProviderSettings withDefaultStructuredOutput() {
        return new ProviderSettings(baseUrl, apiKey, timeouts, extraHeaders, maxTokens, Optional.empty());
    }

    /**
     * Whether {@code provider} is asked for schema-constrained replies: the explicit setting when there is one, else on
     * for Anthropic (a forced tool call) and Ollama ({@code format}), and for OpenAI-compatible servers only at
     * {@code api.openai.com} (and its regional hosts such as {@code eu.api.openai.com}) — other servers speaking that API differ in their support of {@code json_schema}.
     */
    public boolean structuredOutputFor(Provider provider) {
        return structuredOutput.orElseGet(() -> switch (provider) {
            case OPENAI -> isOpenAi(baseUrl.getHost());
            case ANTHROPIC, OLLAMA -> true;
        });
    }

    private static boolean isOpenAi(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.equals("api.openai.com") || h.endsWith(".api.openai.com");
    }

    /** {@code baseUrl} and {@code path} joined with exactly one slash. */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return URI.create(base + "/" + (path.startsWith("/") ? path.substring(1) : path));
    }

    /**
     * Credentials in extra headers whose names suggest one (auth, key, token, secret, cookie), for the redactor:
     * the value, or for {@code Bearer xyz} / {@code Basic xyz} the part after the scheme.
     */
    public List<String> sensitiveHeaderValues() {
        return extraHeaders.entrySet().stream().filter(e -> {
            String n = e.getKey().toLowerCase(Locale.ROOT);
            return n.contains("auth") || n.contains("key") || n.contains("token") || n.contains("secret") || n.contains("cookie");
        }).map(e -> e.getValue().strip().replaceFirst("^[A-Za-z]+\\s+(?=\\S)", "")).toList();
    }

    /** Shows header names but not their values, and the key only as its source. */
    @Override
    public String toString() {
        return "ProviderSettings[baseUrl=" + baseUrl + ", apiKey=" + apiKey.map(Secret::toString).orElse("none")
                + ", connectTimeout=" + timeouts.connect() + ", readTimeout=" + timeouts.read() + ", extraHeaders=" + extraHeaders.keySet()
                + ", maxTokens=" + maxTokens + ", structuredOutput=" + structuredOutput.map(String::valueOf).orElse("default") + "]";
    }

    private static void checkUrl(URI uri, String source) {
        String shown = masked(uri.toString());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(source + " '" + shown + "' must start with http:// or https://;"
                    + " write it like https://api.openai.com/v1 or http://localhost:11434");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(source + " '" + shown + "' has no host; write it like http://localhost:8000/v1");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(source + " '" + shown + "' carries credentials; remove them from the URL"
                    + " and give the key as an API key or an extra header");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(source + " '" + shown + "' has a query or fragment; give only the API root,"
                    + " e.g. https://api.openai.com/v1");
        }
    }

    /** The URL with any {@code user:password@} and query hidden, fit for a message. */
    static String masked(String url) {
        return url.replaceAll("(?<=://)[^/@?#]*@", "***@").replaceAll("\\?.*$", "?***");
    }
}
