package dev.scenarist.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerOptionsTest {
    @Test
    void theDefaultsGiveADeadWorkersRunsUpAfterTwentySecondsWithALeaseThatRunsOutBefore() {
        var options = WorkerOptions.defaults();

        assertThat(options.serverTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.lease()).isLessThanOrEqualTo(options.serverTimeout());
    }

    @Test
    void aLeaseLongerThanTheServerTimeoutIsRefusedNamingBothAndTheFix() {
        assertThatThrownBy(() -> new WorkerOptions(2, Duration.ofSeconds(5), 4, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--lease 30s").hasMessageContaining("20s").hasMessageContaining("shorten --lease");
    }

    @Test
    void jobRunrsFloorsArePolicedHereWithTheOptionsNames() {
        assertThatThrownBy(() -> new WorkerOptions(2, Duration.ofSeconds(4), 4, Duration.ofSeconds(10)))
                .hasMessageContaining("--poll-interval must be at least 5s");
        assertThatThrownBy(() -> new WorkerOptions(2, Duration.ofSeconds(5), 3, Duration.ofSeconds(10)))
                .hasMessageContaining("--server-timeout-polls must be at least 4");
        assertThatThrownBy(() -> new WorkerOptions(0, Duration.ofSeconds(5), 4, Duration.ofSeconds(10)))
                .hasMessageContaining("--concurrency must be 1 to 1000");
    }

    @Test
    void aLongerServerTimeoutAllowsALongerLease() {
        var options = new WorkerOptions(4, Duration.ofSeconds(10), 6, Duration.ofSeconds(60));

        assertThat(options.serverTimeout()).isEqualTo(Duration.ofSeconds(60));
    }
}
