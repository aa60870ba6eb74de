package dev.scenarist.app.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.app.wiring.Scenarist;
import dev.scenarist.app.wiring.Settings;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wiring {@code generate --db postgresql://…} and {@code worker} go through: two installations on one PostgreSQL
 * (two workers) throttle a model through one bucket in the database, keyed without the API key.
 */
class SharedRateLimitsWiringTest {
    private static final String API_KEY = "sk-test-WIRINGKEY-9876543210";
    private final AuthorRequest request = new AuthorRequest("s", "sys", "p", ModelSettings.DEFAULTS, 1, 0, Map.of());

    @Test
    void twoInstallationsOnOnePostgresShareAModelsRequestsPerMinute(@TempDir Path a, @TempDir Path b) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            String url = pg.getJdbcUrl("postgres", "postgres").replaceFirst("^jdbc:", "");
            var env = Map.of("SCENARIST_DB_USER", "postgres", "OPENAI_API_KEY", API_KEY, "OPENAI_BASE_URL", "http://127.0.0.1:9/v1",
                    "SCENARIST_SEMANTIC_UNIQUENESS", "off");
            Map<String, Object> authorSettings = Map.of("providers", Map.of("openai", Map.of("requests_per_minute", 2)));
            try (var one = Scenarist.open(a, url, Settings.of(env)); var two = Scenarist.open(b, url, Settings.of(env))) {
                var first = one.authors().model("openai:gpt-4.1-mini", authorSettings).throttle();
                var second = two.authors().model("openai:gpt-4.1-mini", authorSettings).throttle();
                assertThat(first.acquire(request, Optional.empty())).isZero();
                assertThat(second.acquire(request, Optional.empty())).isZero();
                // a third call would wait ~30 s for the refill: look at the bucket instead of waiting for it
                List<String> ids = new ArrayList<>();
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT id FROM " + PostgresRateLimitState.BUCKETS)) {
                    while (r.next()) ids.add(r.getString(1));
                }
                assertThat(ids).singleElement().asString().startsWith("openai:gpt-4.1-mini#").endsWith("/requests").doesNotContain("WIRINGKEY");
                try (var probe = PostgresRateLimitState.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
                    var bucket = probe.bucket(ids.getFirst(), 2, Duration.ofMinutes(1));
                    assertThat(bucket.getAvailableTokens()).as("both installations took from the one bucket").isZero();
                }
            }
        }
    }
}
