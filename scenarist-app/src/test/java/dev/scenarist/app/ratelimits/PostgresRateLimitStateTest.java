package dev.scenarist.app.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.model.Usage;
import dev.scenarist.models.ModelAuthors;
import dev.scenarist.models.ModelRef;
import dev.scenarist.models.PriceTable;
import dev.scenarist.models.Provider;
import dev.scenarist.models.ProviderSettings;
import dev.scenarist.models.ProviderThrottle;
import dev.scenarist.models.RateLimitKey;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.Secret;
import dev.scenarist.models.testing.FakeProviderServer;
import dev.scenarist.models.testing.FakeProviderServer.Scripted;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three limiter instances, each with its own connection pool as three worker processes would have, on one embedded
 * PostgreSQL: together they grant no more than one key's limits, a Retry-After one hears holds the others back, and
 * the API key itself is in no table.
 */
class PostgresRateLimitStateTest {
    private static final String API_KEY = "sk-test-SHAREDLIMITS-0123456789abcdef";
    private static final ModelRef MODEL = ModelRef.parse("openai:gpt-4.1-mini");
    private static final Duration RUN_FOR = Duration.ofSeconds(3);
    private static final int THREADS_PER_WORKER = 4;
    private static EmbeddedPostgres pg;
    private final List<PostgresRateLimitState> workers = new ArrayList<>();
    private final AuthorRequest request = new AuthorRequest("s", "sys", "p", ModelSettings.DEFAULTS, 1, 0, Map.of());

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        pg.close();
    }

    @AfterEach
    void closeWorkers() throws SQLException {
        workers.forEach(PostgresRateLimitState::close);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + PostgresRateLimitState.BUCKETS + ", " + PostgresRateLimitState.PAUSES);
        }
    }

    private List<ProviderThrottle> threeWorkers(OptionalLong requestsPerMinute, OptionalLong tokensPerMinute) {
        var key = RateLimitKey.of(MODEL, Optional.of(new Secret(API_KEY, "$OPENAI_API_KEY")));
        List<ProviderThrottle> throttles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var state = PostgresRateLimitState.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
            workers.add(state);
            throttles.add(ProviderThrottle.shared(state, key, requestsPerMinute, tokensPerMinute));
        }
        return throttles;
    }

    /** Grants counted across 3 workers × {@value #THREADS_PER_WORKER} threads asking as fast as they are let, for {@link #RUN_FOR}. */
    private record Granted(int calls, double seconds) {}

    private Granted askFromEveryThread(List<ProviderThrottle> throttles, Optional<Usage> estimate) throws InterruptedException {
        var granted = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + RUN_FOR.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (ProviderThrottle t : throttles) {
            for (int i = 0; i < THREADS_PER_WORKER; i++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        while (System.nanoTime() < deadline) {
                            t.acquire(request, estimate);
                            if (System.nanoTime() < deadline) granted.incrementAndGet();
                        }
                    } catch (InterruptedException | RuntimeException e) {
                        // stopped at the deadline while waiting for a refill (a JDBC call interrupted fails as it may)
                    }
                }));
            }
        }
        Thread.sleep(RUN_FOR.toMillis());
        threads.forEach(Thread::interrupt);
        for (Thread th : threads) th.join(10_000);
        var g = new Granted(granted.get(), (System.nanoTime() - start) / 1e9);
        System.out.printf("3 workers x %d threads: %d calls granted in %.2f s%n", THREADS_PER_WORKER, g.calls(), g.seconds());
        return g;
    }

    @Test
    void threeWorkersTogetherGrantOneKeysRequestsPerMinute() throws Exception {
        Granted g = askFromEveryThread(threeWorkers(OptionalLong.of(10), OptionalLong.empty()), Optional.empty());
        // the full bucket, plus what refilled at 10 a minute while they asked; three buckets of their own would grant 30
        long ceiling = 10 + (long) Math.floor(g.seconds() * 10 / 60);
        assertThat(g.calls()).as("calls granted in %.1f s", g.seconds()).isBetween(10, (int) ceiling);
    }

    @Test
    void threeWorkersTogetherGrantOneKeysTokensPerMinute() throws Exception {
        Granted g = askFromEveryThread(threeWorkers(OptionalLong.of(1000), OptionalLong.of(1000)), Optional.of(Usage.tokens(60, 40)));
        // 100 tokens a call: ten calls empty the 1000-token bucket; refill is 1000 a minute
        long ceiling = (1000 + (long) Math.floor(g.seconds() * 1000 / 60)) / 100;
        assertThat(g.calls()).as("calls of 100 tokens granted in %.1f s", g.seconds()).isBetween(10, (int) ceiling);
    }

    @Test
    void aRetryAfterHeardByOneWorkerHoldsTheOthersBack() throws Exception {
        List<ProviderThrottle> throttles = threeWorkers(OptionalLong.empty(), OptionalLong.empty());
        try (var server = FakeProviderServer.start()) {
            server.enqueue(new Scripted(429, Map.of("retry-after", "2"), "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}",
                    Duration.ZERO, Scripted.Fault.NONE, Duration.ZERO));
            var settings = ProviderSettings.defaults(Provider.OPENAI).withBaseUrl(URI.create(server.baseUri() + "/v1"))
                    .withApiKey(new Secret(API_KEY, "$OPENAI_API_KEY"));
            var first = ModelAuthors.http(MODEL, settings, PriceTable.defaults(), throttles.get(0), new Redactor(), Clock.systemUTC());
            try {
                first.reply(request);
            } catch (Exception expected) {
                // the 429 itself is the provider's answer; what matters is what the other workers do next
            }
            assertThat(server.requests()).hasSize(1);
        }
        long start = System.nanoTime();
        Duration waited = throttles.get(2).acquire(request, Optional.empty());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).as("worker 3 waits out worker 1's Retry-After").isBetween(Duration.ofMillis(1500), Duration.ofMillis(2100));
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(throttles.get(1).acquire(request, Optional.empty())).as("and then nobody waits any more").isZero();
    }

    @Test
    void theApiKeyIsInNoColumnOfAnyTable() throws Exception {
        List<ProviderThrottle> throttles = threeWorkers(OptionalLong.of(5), OptionalLong.of(500));
        throttles.get(0).acquire(request, Optional.of(Usage.tokens(10, 10)));
        workers.get(1).pause(RateLimitKey.of(MODEL, Optional.of(new Secret(API_KEY, "x"))).value(), Duration.ofMillis(1));
        List<String> seen = new ArrayList<>();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet cols = s.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'")) {
            List<String[]> all = new ArrayList<>();
            while (cols.next()) all.add(new String[] {cols.getString(1), cols.getString(2), cols.getString(3)});
            assertThat(all).as("the two tables and their columns").hasSizeGreaterThanOrEqualTo(4);
            for (String[] tc : all) {
                // every column as text (bytea as its escaped bytes), so a key hidden in a serialized state would show too
                String column = "\"" + tc[1] + "\"";
                String asText = tc[2].equals("bytea") ? "encode(" + column + ", 'escape')" : column + "::text";
                try (Statement q = c.createStatement(); ResultSet r = q.executeQuery("SELECT " + asText + " FROM \"" + tc[0] + "\"")) {
                    while (r.next()) seen.add(r.getString(1));
                }
            }
        }
        assertThat(seen).as("some rows were written").isNotEmpty();
        assertThat(String.join("\n", seen)).doesNotContain(API_KEY).doesNotContain("SHAREDLIMITS").contains("openai:gpt-4.1-mini#");
    }

    @Test
    void aPauseSetElsewhereIsSeenWithinTheReuseWindowAndItsOwnAtOnce() throws Exception {
        threeWorkers(OptionalLong.empty(), OptionalLong.empty());
        String key = "openai:m#k";
        assertThat(workers.get(0).pauseLeft(key)).isZero(); // read now, reused for a moment
        workers.get(1).pause(key, Duration.ofSeconds(5));
        assertThat(workers.get(1).pauseLeft(key)).as("its own pause, at once").isGreaterThan(Duration.ofSeconds(4));
        Thread.sleep(PostgresRateLimitState.PAUSE_READ_REUSE.toMillis() + 50);
        assertThat(workers.get(0).pauseLeft(key)).as("another worker's, after the reuse window").isGreaterThan(Duration.ofSeconds(4));
    }
}
