package dev.scenarist.models;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The HTTP model providers, with the conventions of their own SDKs: default endpoint, and the environment
 * variables that name the endpoint and the key. Messages use the variable names to say what to fix.
 */
public enum Provider {
    /** OpenAI, or any server speaking its chat completions API (vLLM, llama.cpp, LM Studio, Ollama's /v1). */
    OPENAI("openai", URI.create("https://api.openai.com/v1"), "OPENAI_BASE_URL", Optional.of("OPENAI_API_KEY")),
    /** Anthropic Messages API. */
    ANTHROPIC("anthropic", URI.create("https://api.anthropic.com/v1/"), "ANTHROPIC_BASE_URL", Optional.of("ANTHROPIC_API_KEY")),
    /** Ollama's native API (no key). */
    OLLAMA("ollama", URI.create("http://localhost:11434"), "OLLAMA_HOST", Optional.empty());

    private final String id;
    private final URI defaultBaseUrl;
    private final String urlVariable;
    private final Optional<String> keyVariable;

    Provider(String id, URI defaultBaseUrl, String urlVariable, Optional<String> keyVariable) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
        this.urlVariable = urlVariable;
        this.keyVariable = keyVariable;
    }

    /** The name used in {@code provider:model} references, e.g. {@code openai}. */
    public String id() {
        return id;
    }

    public URI defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The environment variable naming the endpoint, e.g. {@code OPENAI_BASE_URL}. */
    public String urlVariable() {
        return urlVariable;
    }

    /** The environment variable holding the key, e.g. {@code OPENAI_API_KEY}; empty when the provider takes none. */
    public Optional<String> keyVariable() {
        return keyVariable;
    }

    /** @throws IllegalArgumentException naming the known providers */
    public static Provider of(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown HTTP model provider '" + id + "'; known: "
                        + Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", "))));
    }
}
