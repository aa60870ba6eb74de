package dev.scenarist.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorReply;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.models.ModelRef;
import dev.scenarist.models.tracing.TracedAuthor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryTest {
    private static final Author AUTHOR = new Author() {
        @Override
        public String id() {
            return "openai:gpt-4.1";
        }

        @Override
        public AuthorReply reply(AuthorRequest request) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void tracesAreOffUnlessAnEndpointOrTheSwitchTurnsThemOn() {
        try (var off = Telemetry.from(Map.of());
             var byEndpoint = Telemetry.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"));
             var bySwitch = Telemetry.from(Map.of("SCENARIST_OTEL", "on"));
             var forcedOff = Telemetry.from(Map.of("SCENARIST_OTEL", "off", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"))) {
            assertThat(off.enabled()).isFalse();
            assertThat(off.trace(AUTHOR, ModelRef.parse("openai:gpt-4.1"))).isSameAs(AUTHOR);
            assertThat(byEndpoint.enabled()).isTrue();
            assertThat(byEndpoint.trace(AUTHOR, ModelRef.parse("openai:gpt-4.1"))).isInstanceOf(TracedAuthor.class);
            assertThat(bySwitch.enabled()).isTrue();
            assertThat(forcedOff.enabled()).isFalse();
        }
    }
}
