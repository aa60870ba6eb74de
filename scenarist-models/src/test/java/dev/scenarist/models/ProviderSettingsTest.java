package dev.scenarist.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.author.ModelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {
    static final String KEY = "sk-test-SECRETSECRETSECRET1234";

    @Test
    void eachProviderDefaultsToItsPublicEndpointWithoutAKey() {
        assertThat(ProviderSettings.fromEnvironment("openai", Map.of()).baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(ProviderSettings.fromEnvironment("anthropic", Map.of()).baseUrl()).isEqualTo(URI.create("https://api.anthropic.com/v1/"));
        ProviderSettings ollama = ProviderSettings.fromEnvironment("OLLAMA", Map.of());
        assertThat(ollama.baseUrl()).isEqualTo(URI.create("http://localhost:11434"));
        assertThat(ollama.apiKey()).isEmpty();
        assertThat(ollama.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ollama.readTimeout()).isEqualTo(ModelSettings.DEFAULT_TIMEOUT);
        assertThat(ollama.maxTokens()).isEqualTo(8192);
    }

    @Test
    void theEnvironmentGivesTheEndpointAndAKeyNamedByItsVariable() {
        ProviderSettings s = ProviderSettings.fromEnvironment("openai",
                Map.of("OPENAI_BASE_URL", " http://localhost:8000/v1 ", "OPENAI_API_KEY", KEY + "\n"));
        assertThat(s.baseUrl()).isEqualTo(URI.create("http://localhost:8000/v1"));
        assertThat(s.apiKey()).contains(new Secret(KEY, "$OPENAI_API_KEY"));
        ProviderSettings a = ProviderSettings.fromEnvironment("anthropic", Map.of("ANTHROPIC_API_KEY", "sk-ant-x"));
        assertThat(a.apiKey()).hasValueSatisfying(k -> assertThat(k.source()).isEqualTo("$ANTHROPIC_API_KEY"));
    }

    @Test
    void blankVariablesCountAsUnset() {
        ProviderSettings s = ProviderSettings.fromEnvironment("openai", Map.of("OPENAI_BASE_URL", "  ", "OPENAI_API_KEY", ""));
        assertThat(s).isEqualTo(ProviderSettings.defaults(Provider.OPENAI));
    }

    @Test
    void ollamaHostMayLackSchemeAndPortAsOllamaAllows() {
        assertThat(host("localhost")).isEqualTo(URI.create("http://localhost:11434"));
        assertThat(host("10.0.0.5:9999")).isEqualTo(URI.create("http://10.0.0.5:9999"));
        assertThat(host("0.0.0.0")).isEqualTo(URI.create("http://0.0.0.0:11434"));
        assertThat(host("[::1]")).isEqualTo(URI.create("http://[::1]:11434"));
        assertThat(host("[::1]:8080")).isEqualTo(URI.create("http://[::1]:8080"));
        assertThat(host("gpu-box/ollama")).isEqualTo(URI.create("http://gpu-box:11434/ollama"));
        assertThat(host("https://ollama.example.com")).isEqualTo(URI.create("https://ollama.example.com"));
        assertThat(host("http://gpu-box:11434/")).isEqualTo(URI.create("http://gpu-box:11434/"));
    }

    static URI host(String value) {
        return ProviderSettings.fromEnvironment("ollama", Map.of("OLLAMA_HOST", value)).baseUrl();
    }

    @Test
    void aBadUrlInTheEnvironmentNamesTheVariableTheValueAndTheFix() {
        assertThatThrownBy(() -> ProviderSettings.fromEnvironment("openai", Map.of("OPENAI_BASE_URL", "api.openai.com/v1")))
                .hasMessageContaining("$OPENAI_BASE_URL 'api.openai.com/v1'").hasMessageContaining("must start with http:// or https://");
        assertThatThrownBy(() -> ProviderSettings.fromEnvironment("anthropic", Map.of("ANTHROPIC_BASE_URL", "http://exa mple")))
                .hasMessageContaining("$ANTHROPIC_BASE_URL").hasMessageContaining("not a valid URL");
        assertThatThrownBy(() -> ProviderSettings.fromEnvironment("openai", Map.of("OPENAI_BASE_URL", "https://api.openai.com/v1?x=1")))
                .hasMessageContaining("query or fragment").hasMessageContaining("give only the API root");
    }

    @Test
    void credentialsInAUrlAreRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> ProviderSettings.fromEnvironment("openai", Map.of("OPENAI_BASE_URL", "https://me:" + KEY + "@proxy/v1")))
                .hasMessageContaining("carries credentials").hasMessageContaining("https://***@proxy/v1").hasMessageNotContaining(KEY);
    }

    @Test
    void anUnknownProviderListsTheKnownOnes() {
        assertThatThrownBy(() -> ProviderSettings.fromEnvironment("claude-code", Map.of()))
                .hasMessageContaining("'claude-code'").hasMessageContaining("openai, anthropic, ollama");
    }

    @Test
    void timeoutsMaxTokensAndHeadersAreValidatedWithTheFix() {
        ProviderSettings d = ProviderSettings.defaults(Provider.OPENAI);
        assertThatThrownBy(() -> d.withConnectTimeout(Duration.ZERO)).hasMessageContaining("connect timeout must be positive, got PT0S");
        assertThatThrownBy(() -> d.withReadTimeout(Duration.ofSeconds(-1))).hasMessageContaining("read timeout must be positive");
        assertThatThrownBy(() -> d.withMaxTokens(0)).hasMessageContaining("max tokens must be positive, got 0");
        assertThatThrownBy(() -> d.withHeader("Host", "x")).hasMessageContaining("'Host' is set by the HTTP client");
        assertThatThrownBy(() -> d.withHeader("Bad Name", "x")).hasMessageContaining("'Bad Name' is not a valid HTTP header name");
        assertThatThrownBy(() -> d.withHeader("X-Ok", "a\r\nInjected: 1")).hasMessageContaining("multi-line");
    }

    @Test
    void toStringShowsWhereTheKeyCameFromButNeitherItNorHeaderValues() {
        ProviderSettings s = ProviderSettings.defaults(Provider.OPENAI).withApiKey(new Secret(KEY, "$OPENAI_API_KEY"))
                .withHeader("X-Proxy-Token", "tok-SECRETSECRETSECRET");
        assertThat(s.toString()).contains("$OPENAI_API_KEY").contains("X-Proxy-Token").doesNotContain(KEY).doesNotContain("SECRETSECRET");
        assertThat(s.sensitiveHeaderValues()).containsExactly("tok-SECRETSECRETSECRET");
    }

    @Test
    void pathsAreJoinedWithExactlyOneSlash() {
        ProviderSettings d = ProviderSettings.defaults(Provider.OPENAI);
        assertThat(d.resolve("chat/completions")).isEqualTo(URI.create("https://api.openai.com/v1/chat/completions"));
        assertThat(d.withBaseUrl(URI.create("http://h:1/v1/")).resolve("/chat/completions")).isEqualTo(URI.create("http://h:1/v1/chat/completions"));
        assertThat(d.withBaseUrl(URI.create("http://h:1")).resolve("api/chat")).isEqualTo(URI.create("http://h:1/api/chat"));
    }

    @Test
    void structuredOutputDefaultsPerProviderAndCanBeForcedEitherWay() {
        assertThat(ProviderSettings.defaults(Provider.OPENAI).structuredOutput()).isEmpty();
        assertThat(ProviderSettings.defaults(Provider.OPENAI).structuredOutputFor(Provider.OPENAI)).isTrue();
        assertThat(ProviderSettings.defaults(Provider.ANTHROPIC).structuredOutputFor(Provider.ANTHROPIC)).isTrue();
        assertThat(ProviderSettings.defaults(Provider.OLLAMA).structuredOutputFor(Provider.OLLAMA)).isTrue();
        ProviderSettings vllm = ProviderSettings.fromEnvironment("openai", Map.of("OPENAI_BASE_URL", "http://gpu-box:8000/v1"));
        assertThat(vllm.structuredOutputFor(Provider.OPENAI)).isFalse();
        assertThat(ProviderSettings.fromEnvironment("openai", Map.of("OPENAI_BASE_URL", "https://API.OpenAI.com/v1/"))
                .structuredOutputFor(Provider.OPENAI)).isTrue();

        ProviderSettings on = vllm.withStructuredOutput(true);
        assertThat(on.structuredOutput()).contains(true);
        assertThat(on.structuredOutputFor(Provider.OPENAI)).isTrue();
        ProviderSettings off = ProviderSettings.defaults(Provider.ANTHROPIC).withStructuredOutput(false);
        assertThat(off.structuredOutputFor(Provider.ANTHROPIC)).isFalse();
        assertThat(off.withDefaultStructuredOutput().structuredOutputFor(Provider.ANTHROPIC)).isTrue();
    }

    @Test
    void theStructuredOutputFlagSurvivesTheOtherCopyMethodsAndShowsInToString() {
        ProviderSettings s = ProviderSettings.defaults(Provider.OLLAMA).withStructuredOutput(false)
                .withBaseUrl(URI.create("http://h:1")).withApiKey(new Secret(KEY, "$X")).withoutApiKey().withConnectTimeout(Duration.ofSeconds(3))
                .withReadTimeout(Duration.ofSeconds(30)).withMaxTokens(100).withHeader("X-A", "b");
        assertThat(s.structuredOutput()).contains(false);
        assertThat(s.toString()).contains("structuredOutput=false");
        assertThat(ProviderSettings.defaults(Provider.OLLAMA).toString()).contains("structuredOutput=default");
        assertThat(new ProviderSettings(URI.create("http://h:1"), java.util.Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Map.of(), 10).structuredOutput()).isEmpty();
    }
}
