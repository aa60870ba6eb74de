package dev.scenarist.core.engine;

import dev.scenarist.core.engine.internal.CircuitBreaker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    final ManualClock clock = new ManualClock();
    final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), Duration.ofMinutes(2), clock);

    @Test
    void staysClosedBelowTheThreshold() {
        breaker.onTransientFailure();
        breaker.onTransientFailure();
        assertThat(breaker.waitBeforeCall()).isEmpty();
        breaker.onSuccess();
        breaker.onTransientFailure();
        breaker.onTransientFailure();
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void opensAtTheThresholdAndMakesCallersWaitOutTheCooldown() {
        breaker.onTransientFailure();
        breaker.onTransientFailure();
        assertThat(breaker.onTransientFailure()).contains(Duration.ofSeconds(30));
        assertThat(breaker.waitBeforeCall()).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(20));
        assertThat(breaker.waitBeforeCall()).contains(Duration.ofSeconds(10));
    }

    @Test
    void afterTheCooldownOneProbeGoesThroughAndItsSuccessCloses() {
        for (int i = 0; i < 3; i++) breaker.onTransientFailure();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.waitBeforeCall()).as("the probe").isEmpty();
        assertThat(breaker.waitBeforeCall()).as("others wait while it probes").isPresent();
        breaker.onSuccess();
        assertThat(breaker.waitBeforeCall()).isEmpty();
    }

    @Test
    void aFailedProbeReopensForTwiceAsLongUpToTheCap() {
        for (int i = 0; i < 3; i++) breaker.onTransientFailure();
        clock.advance(Duration.ofSeconds(30));
        breaker.waitBeforeCall();
        assertThat(breaker.onTransientFailure()).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        breaker.waitBeforeCall();
        assertThat(breaker.onTransientFailure()).contains(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        breaker.waitBeforeCall();
        assertThat(breaker.onTransientFailure()).contains(Duration.ofSeconds(120));
        clock.advance(Duration.ofSeconds(120));
        breaker.waitBeforeCall();
        assertThat(breaker.onTransientFailure()).contains(Duration.ofSeconds(120));
    }
}
