package dev.scenarist.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunStateTest {
    @Test
    void acceptedAndCancelledRunsNeverMoveAgain() {
        for (RunState s : RunState.values()) {
            assertThat(RunState.ACCEPTED.canMoveTo(s)).isFalse();
            assertThat(RunState.CANCELLED.canMoveTo(s)).isFalse();
        }
    }

    @Test
    void aRunIsAcceptedOnlyFromRunning() {
        for (RunState s : RunState.values()) assertThat(s.canMoveTo(RunState.ACCEPTED)).isEqualTo(s == RunState.RUNNING);
    }

    @Test
    void rejectedAndInfraFailedRunsMayBeRunAgain() {
        assertThat(RunState.REJECTED.canMoveTo(RunState.QUEUED)).isTrue();
        assertThat(RunState.FAILED_INFRA.canMoveTo(RunState.RUNNING)).isTrue();
        assertThat(RunState.PAUSED.canMoveTo(RunState.RUNNING)).isTrue();
    }

    @Test
    void aForbiddenMoveNamesBothStates() {
        assertThatThrownBy(() -> RunState.ACCEPTED.moveTo(RunState.RUNNING))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("from accepted to running");
    }
}
