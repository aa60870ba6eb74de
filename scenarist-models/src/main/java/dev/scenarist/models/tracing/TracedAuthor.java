package dev.scenarist.models.tracing;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.ModelRef;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Optional;

/**
 * An author whose every call is a client span named {@code chat <model>}, with the OpenTelemetry GenAI semantic
 * conventions: {@code gen_ai.operation.name}, {@code gen_ai.provider.name}, {@code gen_ai.request.model} (and its
 * temperature and max tokens), {@code gen_ai.response.model}, {@code gen_ai.usage.input_tokens} and
 * {@code gen_ai.usage.output_tokens}; a failed call sets {@code error.type} to the exception's class.
 *
 * <p>Only names and numbers go into a span — never the prompt, the reply or an error's message, which may quote either
 * (or, from a provider, a key): a trace backend is outside what redaction protects.
 */
public final class TracedAuthor implements Author {
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<Double> TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
    static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    /** Ours, not the convention's: which pipeline stage (or judge) asked. */
    static final AttributeKey<String> STAGE = AttributeKey.stringKey("scenarist.stage");

    private final Author inner;
    private final Tracer tracer;
    private final String provider;
    private final String model;

    /** {@code ref}: the provider and model the author was made for ({@code openai:gpt-4.1}). */
    public TracedAuthor(Author inner, Tracer tracer, ModelRef ref) {
        this.inner = inner;
        this.tracer = tracer;
        this.provider = providerName(ref.provider());
        this.model = ref.model();
    }

    @Override
    public String id() {
        return inner.id();
    }

    @Override
    public Optional<Usage> estimate(AuthorRequest request) {
        return inner.estimate(request);
    }

    @Override
    public AuthorReply reply(AuthorRequest request) throws AuthorException, InterruptedException {
        String requested = request.settings().model().orElse(model);
        Span span = tracer.spanBuilder("chat " + requested).setSpanKind(SpanKind.CLIENT)
                .setAttribute(OPERATION, "chat")
                .setAttribute(PROVIDER, provider)
                .setAttribute(REQUEST_MODEL, requested)
                .setAttribute(STAGE, request.stage())
                .startSpan();
        request.settings().temperature().ifPresent(t -> span.setAttribute(TEMPERATURE, t));
        request.settings().maxTokens().ifPresent(n -> span.setAttribute(MAX_TOKENS, (long) n));
        try (Scope ignored = span.makeCurrent()) {
            AuthorReply reply = inner.reply(request);
            span.setAttribute(RESPONSE_MODEL, reply.model());
            span.setAttribute(INPUT_TOKENS, reply.usage().inputTokens());
            span.setAttribute(OUTPUT_TOKENS, reply.usage().outputTokens());
            return reply;
        } catch (AuthorException | InterruptedException | RuntimeException e) {
            span.setAttribute(ERROR_TYPE, e.getClass().getName());
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The convention's provider names where it has one; claude-code calls Anthropic's models. */
    static String providerName(String provider) {
        return switch (provider) {
            case "claude-code" -> "anthropic";
            default -> provider;
        };
    }
}
