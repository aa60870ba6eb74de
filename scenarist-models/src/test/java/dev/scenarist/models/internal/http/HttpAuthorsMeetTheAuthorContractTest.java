package dev.scenarist.models.internal.http;

import dev.scenarist.models.testing.FakeProviderServer;
import dev.scenarist.models.Provider;
import dev.scenarist.models.ProviderSettings;
import static dev.scenarist.models.testing.FakeProviderServer.Scripted;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorContractTest;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.PriceTable;
import dev.scenarist.models.internal.reliability.RateLimitFeedback;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The core contract every author passes, run against each HTTP author and the fake provider server. */
class HttpAuthorsMeetTheAuthorContractTest {
    static FakeProviderServer openAi;
    static FakeProviderServer anthropic;
    static FakeProviderServer ollama;
    /** Nothing listens here once the test starts: calls fail with a refused connection. */
    static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    @BeforeAll
    static void start() {
        openAi = FakeProviderServer.start().otherwise(Scripted.fromResource(200, "openai/reply.json"));
        anthropic = FakeProviderServer.start().otherwise(Scripted.fromResource(200, "anthropic/reply.json"));
        ollama = FakeProviderServer.start().otherwise(Scripted.fromResource(200, "ollama/reply.json"));
    }

    @AfterAll
    static void stop() {
        openAi.close();
        anthropic.close();
        ollama.close();
    }

    static ProviderSettings at(Provider provider, URI base) {
        return ProviderSettings.defaults(provider).withBaseUrl(base);
    }

    @Nested
    class OpenAiCompatible extends AuthorContractTest {
        @Override
        protected Author author() {
            return new OpenAiCompatibleAuthor("gpt-4.1-mini", at(Provider.OPENAI, openAi.uri("/v1")), PriceTable.defaults(),
                    RateLimitFeedback.NONE, new Redactor(), Clock.systemUTC());
        }

        @Override
        protected Optional<Author> failingAuthor() {
            return Optional.of(new OpenAiCompatibleAuthor("gpt-4.1-mini", at(Provider.OPENAI, NOWHERE), PriceTable.defaults(),
                    RateLimitFeedback.NONE, new Redactor(), Clock.systemUTC()));
        }
    }

    @Nested
    class Anthropic extends AuthorContractTest {
        @Override
        protected Author author() {
            return new AnthropicAuthor("claude-haiku-4-5", at(Provider.ANTHROPIC, anthropic.uri("/v1/")), PriceTable.defaults(),
                    RateLimitFeedback.NONE, new Redactor(), Clock.systemUTC());
        }

        @Override
        protected Optional<Author> failingAuthor() {
            return Optional.of(new AnthropicAuthor("claude-haiku-4-5", at(Provider.ANTHROPIC, NOWHERE), PriceTable.defaults(),
                    RateLimitFeedback.NONE, new Redactor(), Clock.systemUTC()));
        }
    }

    @Nested
    class Ollama extends AuthorContractTest {
        @Override
        protected Author author() {
            return new OllamaAuthor("qwen2.5-coder:14b", at(Provider.OLLAMA, ollama.baseUri()), PriceTable.defaults(),
                    RateLimitFeedback.NONE, new Redactor(), Clock.systemUTC());
        }

        @Override
        protected Optional<Author> failingAuthor() {
            return Optional.of(new OllamaAuthor("qwen2.5-coder:14b", at(Provider.OLLAMA, NOWHERE), PriceTable.defaults(),
                    RateLimitFeedback.NONE, new Redactor(), Clock.systemUTC()));
        }
    }
}
