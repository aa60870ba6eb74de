package dev.scenarist.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitKeyTest {
    final ModelRef model = ModelRef.parse("openai:gpt-4.1-mini");

    @Test
    void namesProviderModelAndAHashNeverTheKey() {
        var key = RateLimitKey.of(model, Optional.of(new Secret("sk-test-1234567890abcdef", "$OPENAI_API_KEY")));
        assertThat(key.value()).startsWith("openai:gpt-4.1-mini#").doesNotContain("sk-test").doesNotContain("1234567890abcdef")
                .matches("openai:gpt-4\\.1-mini#[0-9a-f]{16}");
    }

    @Test
    void sameKeySameNameOtherKeyOtherName() {
        var one = RateLimitKey.of(model, Optional.of(new Secret("sk-one", "a")));
        assertThat(RateLimitKey.of(model, Optional.of(new Secret("sk-one", "b")))).isEqualTo(one);
        assertThat(RateLimitKey.of(model, Optional.of(new Secret("sk-two", "a")))).isNotEqualTo(one);
        assertThat(RateLimitKey.of(model, Optional.empty()).value()).isEqualTo("openai:gpt-4.1-mini#no-key");
    }
}
