package dev.scenarist.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public factory builds each backend from public values, and refuses a model of the wrong kind. */
class ModelAuthorsTest {
    @TempDir
    Path dir;

    @Test
    void an_http_author_takes_the_models_id_and_registers_its_key_with_the_redactor() {
        var redactor = new Redactor();
        var settings = ProviderSettings.defaults(Provider.OPENAI).withBaseUrl(URI.create("http://127.0.0.1:9/v1"))
                .withApiKey(new Secret("sk-test-FACTORYKEY123456", "$OPENAI_API_KEY"));

        var author = ModelAuthors.http(ModelRef.parse("openai:gpt-4.1"), settings, PriceTable.defaults(),
                ProviderThrottle.perMinute(OptionalLong.of(60), OptionalLong.empty()), redactor, Clock.systemUTC());

        assertThat(author.id()).isEqualTo("openai:gpt-4.1");
        assertThat(redactor.redact("key sk-test-FACTORYKEY123456")).doesNotContain("FACTORYKEY");
    }

    @Test
    void claude_code_is_no_http_provider_and_an_http_model_no_claude_code_model() {
        var throttle = ProviderThrottle.perMinute(OptionalLong.empty(), OptionalLong.empty());

        assertThatThrownBy(() -> ModelAuthors.http(ModelRef.parse("claude-code:sonnet"), ProviderSettings.defaults(Provider.OPENAI),
                PriceTable.defaults(), throttle, new Redactor(), Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelAuthors.claudeCode(ModelRef.parse("anthropic:claude-sonnet-4-5"), dir.resolve("claude"), Map.of(),
                new Redactor())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claude-code");
    }

    @Test
    void the_claude_executable_is_found_from_the_environment_given() throws Exception {
        Path claude = Files.createFile(dir.resolve("claude"));
        claude.toFile().setExecutable(true);

        assertThat(ModelAuthors.claudeExecutable(Map.of("PATH", dir.toString()))).contains(claude);
        assertThat(ModelAuthors.claudeExecutable(Map.of("PATH", dir.resolve("none").toString()))).isEmpty();
    }

    @Test
    void a_throttle_limit_below_one_is_refused() {
        assertThatThrownBy(() -> ProviderThrottle.perMinute(OptionalLong.of(0), OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requests per minute");
    }

    @Test
    void a_cassette_line_that_is_no_entry_is_named_with_its_line() throws Exception {
        Path cassette = Files.writeString(dir.resolve("c.jsonl"), "{\"key\": \"k\", \"reply\": \"r\"}\nnot json\n");

        assertThatThrownBy(() -> ModelAuthors.cassette("cassette:c", cassette)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c.jsonl:2");
    }

    @Test
    void a_missing_cassette_is_refused_when_loaded() {
        assertThatThrownBy(() -> ModelAuthors.cassette("cassette:x", dir.resolve("absent.jsonl")))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("absent.jsonl");
    }
}
