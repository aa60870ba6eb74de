package dev.scenarist.models.internal.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.model.Usage;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BucketThrottleTest {
    /** Time that moves only when the throttle sleeps. */
    static final class FakeTime implements TimeMeter {
        long nanos = 1_000_000_000L;
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void sleep(Duration d) {
            sleeps.add(d);
            nanos += d.toNanos();
        }
    }

    final FakeTime time = new FakeTime();
    final AuthorRequest request = new AuthorRequest("s", "sys", "p", ModelSettings.DEFAULTS, 1, 0, Map.of());

    @Test
    void requestsBeyondTheMinuteRateWaitForTheBucketToRefill() throws Exception {
        var t = new BucketThrottle(OptionalLong.of(2), OptionalLong.empty(), time, time::sleep);
        assertThat(t.acquire(request, Optional.empty())).isZero();
        assertThat(t.acquire(request, Optional.empty())).isZero();
        Duration third = t.acquire(request, Optional.empty());
        assertThat(third).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
    }

    @Test
    void tokensAreTakenByTheCallsEstimate() throws Exception {
        var t = new BucketThrottle(OptionalLong.empty(), OptionalLong.of(1000), time, time::sleep);
        assertThat(t.acquire(request, Optional.of(Usage.tokens(500, 300)))).isZero();
        Duration wait = t.acquire(request, Optional.of(Usage.tokens(500, 300)));
        assertThat(wait).as("600 more tokens at 1000/min").isBetween(Duration.ofSeconds(35), Duration.ofSeconds(37));
    }

    @Test
    void aRetryAfterFromTheProviderHoldsEveryCallerBack() throws Exception {
        var t = new BucketThrottle(OptionalLong.empty(), OptionalLong.empty(), time, time::sleep);
        t.observe(new RateLimitFeedback.Snapshot(OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofSeconds(7))));
        assertThat(t.acquire(request, Optional.empty())).isEqualTo(Duration.ofSeconds(7));
        assertThat(t.acquire(request, Optional.empty())).isZero();
    }

    @Test
    void noRequestsLeftWaitsUntilTheReportedReset() throws Exception {
        var t = new BucketThrottle(OptionalLong.empty(), OptionalLong.empty(), time, time::sleep);
        t.observe(new RateLimitFeedback.Snapshot(OptionalLong.of(0), OptionalLong.of(5000), Optional.of(Duration.ofMillis(1200)),
                Optional.of(Duration.ofSeconds(1)), Optional.empty()));
        assertThat(t.acquire(request, Optional.empty())).isEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void throttlesOnOneStateAndKeyShareBucketsAndPausesAndOtherKeysDoNot() throws Exception {
        var state = new LocalRateLimitState(time);
        var a = new BucketThrottle(state, "openai:m#k1", OptionalLong.of(2), OptionalLong.empty(), time::sleep);
        var b = new BucketThrottle(state, "openai:m#k1", OptionalLong.of(2), OptionalLong.empty(), time::sleep);
        var otherKey = new BucketThrottle(state, "openai:m#k2", OptionalLong.of(2), OptionalLong.empty(), time::sleep);
        assertThat(a.acquire(request, Optional.empty())).isZero();
        assertThat(b.acquire(request, Optional.empty())).isZero();
        assertThat(otherKey.acquire(request, Optional.empty())).as("another key has its own bucket").isZero();
        assertThat(a.acquire(request, Optional.empty())).as("the two calls of the shared bucket are spent").isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));

        b.observe(new RateLimitFeedback.Snapshot(OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofSeconds(90))));
        assertThat(a.acquire(request, Optional.empty())).as("b heard the Retry-After, a waits for it").isGreaterThanOrEqualTo(Duration.ofSeconds(90));
        assertThat(state.pauseLeft("openai:m#k2")).isZero();
    }
}
