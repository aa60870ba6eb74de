package dev.scenarist.app.wiring;

import dev.scenarist.core.author.Author;
import dev.scenarist.models.ModelRef;
import dev.scenarist.models.tracing.TracedAuthor;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * OpenTelemetry traces of model calls, <b>off by default</b>. On when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set (the
 * standard variable: the collector's base URL, e.g. {@code http://localhost:4318}; spans go to {@code <it>/v1/traces}
 * over OTLP/HTTP) or {@code SCENARIST_OTEL=on} (then to {@code http://localhost:4318/v1/traces});
 * {@code SCENARIST_OTEL=off} keeps it off whatever else is set. {@code OTEL_SERVICE_NAME} names the service (default
 * {@code scenarist}). Each model call is one span ({@link TracedAuthor}); offline and cassette authors call no model.
 * Read once, from the environment the application was given.
 */
final class Telemetry implements AutoCloseable {
    static final String ENV = "SCENARIST_OTEL";
    static final String ENDPOINT_ENV = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private static final String DEFAULT_ENDPOINT = "http://localhost:4318";

    private final Optional<SdkTracerProvider> provider;

    private Telemetry(Optional<SdkTracerProvider> provider) {
        this.provider = provider;
    }

    static Telemetry from(Map<String, String> env) {
        String flag = env.getOrDefault(ENV, "").strip().toLowerCase(Locale.ROOT);
        String endpoint = env.getOrDefault(ENDPOINT_ENV, "").strip();
        if (flag.equals("off") || (!flag.equals("on") && endpoint.isEmpty())) return new Telemetry(Optional.empty());
        String base = endpoint.isEmpty() ? DEFAULT_ENDPOINT : endpoint.replaceAll("/+$", "");
        var exporter = OtlpHttpSpanExporter.builder().setEndpoint(base + "/v1/traces").build();
        var resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                io.opentelemetry.api.common.AttributeKey.stringKey("service.name"), env.getOrDefault("OTEL_SERVICE_NAME", "scenarist"))));
        return new Telemetry(Optional.of(SdkTracerProvider.builder().setResource(resource)
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build()));
    }

    boolean enabled() {
        return provider.isPresent();
    }

    /** The author, traced when telemetry is on. */
    Author trace(Author author, ModelRef ref) {
        return provider.<Author>map(p -> new TracedAuthor(author, tracer(p), ref)).orElse(author);
    }

    private static Tracer tracer(SdkTracerProvider p) {
        return p.get("dev.scenarist");
    }

    /** Sends what is buffered and stops. */
    @Override
    public void close() {
        provider.ifPresent(SdkTracerProvider::close);
    }
}
