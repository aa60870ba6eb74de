package dev.scenarist.models.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.author.TransientAuthorException;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.ModelRef;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracedAuthorTest {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();

    @AfterEach
    void close() {
        provider.close();
    }

    private static final String SECRET_PROMPT = "the prompt mentions sk-live-SECRET and the user's data";

    private static AuthorRequest request() {
        var settings = new ModelSettings(Optional.empty(), OptionalDouble.of(0.3), OptionalInt.of(800), Duration.ofMinutes(1));
        return new AuthorRequest("describe", "system text", SECRET_PROMPT, settings, 1, 7, Map.of());
    }

    @Test
    void aModelCallIsAClientSpanWithTheGenAiAttributesAndNoPromptText() throws Exception {
        Author inner = new Author() {
            @Override
            public String id() {
                return "openai:gpt-4.1";
            }

            @Override
            public AuthorReply reply(AuthorRequest r) {
                return new AuthorReply("reply text", new Usage(120, 45, 0, 0, 0.001), "gpt-4.1-2025-04-14", Duration.ofMillis(5));
            }
        };
        var traced = new TracedAuthor(inner, provider.get("scenarist"), ModelRef.parse("openai:gpt-4.1"));

        assertThat(traced.reply(request()).text()).isEqualTo("reply text");

        SpanData span = spans.getFinishedSpanItems().getFirst();
        assertThat(span.getName()).isEqualTo("chat gpt-4.1");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        var a = span.getAttributes();
        assertThat(a.get(TracedAuthor.OPERATION)).isEqualTo("chat");
        assertThat(a.get(TracedAuthor.PROVIDER)).isEqualTo("openai");
        assertThat(a.get(TracedAuthor.REQUEST_MODEL)).isEqualTo("gpt-4.1");
        assertThat(a.get(TracedAuthor.TEMPERATURE)).isEqualTo(0.3);
        assertThat(a.get(TracedAuthor.MAX_TOKENS)).isEqualTo(800L);
        assertThat(a.get(TracedAuthor.RESPONSE_MODEL)).isEqualTo("gpt-4.1-2025-04-14");
        assertThat(a.get(TracedAuthor.INPUT_TOKENS)).isEqualTo(120L);
        assertThat(a.get(TracedAuthor.OUTPUT_TOKENS)).isEqualTo(45L);
        assertThat(a.get(TracedAuthor.STAGE)).isEqualTo("describe");
        assertThat(a.asMap().keySet()).extracting(k -> k.getKey()).contains("gen_ai.operation.name", "gen_ai.provider.name",
                "gen_ai.request.model", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens");
        assertThat(a.asMap().values()).noneMatch(v -> String.valueOf(v).contains("SECRET") || String.valueOf(v).contains("reply text"));
    }

    @Test
    void aFailedCallIsAnErrorSpanNamingTheExceptionTypeButNotItsMessage() {
        Author failing = new Author() {
            @Override
            public String id() {
                return "anthropic:claude-sonnet-4-5";
            }

            @Override
            public AuthorReply reply(AuthorRequest r) throws TransientAuthorException {
                throw new TransientAuthorException("HTTP 529 overloaded, key sk-ant-SECRET");
            }
        };
        var traced = new TracedAuthor(failing, provider.get("scenarist"), ModelRef.parse("claude-code:sonnet"));

        assertThatThrownBy(() -> traced.reply(request())).isInstanceOf(TransientAuthorException.class);

        SpanData span = spans.getFinishedSpanItems().getFirst();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getStatus().getDescription()).isEmpty();
        assertThat(span.getAttributes().get(TracedAuthor.ERROR_TYPE)).isEqualTo(TransientAuthorException.class.getName());
        assertThat(span.getAttributes().get(TracedAuthor.PROVIDER)).isEqualTo("anthropic");
        assertThat(span.getEvents()).as("no exception event: its message may quote a key").isEmpty();
    }
}
