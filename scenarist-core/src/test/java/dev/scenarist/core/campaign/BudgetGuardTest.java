package dev.scenarist.core.campaign;

import dev.scenarist.core.campaign.internal.BudgetGuard;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.model.Usage;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BudgetGuardTest {
    @Test
    void theWallTimeCapCountsEarlierSessionsAndRefusesOnceReached() {
        var clock = new dev.scenarist.core.testing.ManualClock();
        var budget = new CampaignBudget(OptionalInt.empty(), OptionalLong.empty(), OptionalDouble.empty(), Optional.of(Duration.ofMinutes(10)));
        var guard = new BudgetGuard(budget, Usage.ZERO, Duration.ofMinutes(7).toMillis(), clock);
        assertThat(guard.refusal()).isEmpty();
        clock.advance(Duration.ofMinutes(3));
        assertThat(guard.refusal()).hasValueSatisfying(r -> assertThat(r.message()).contains("budget: max_wall 10m reached (600.0 s active)"));
    }

    @Test
    void theCostCapIncludesWhatWasSpentBefore() {
        var budget = new CampaignBudget(OptionalInt.empty(), OptionalLong.empty(), OptionalDouble.of(1.0), Optional.empty());
        var guard = new BudgetGuard(budget, new Usage(0, 0, 0, 0, 0.6), 0, Clock.systemUTC());
        assertThat(guard.refusal()).isEmpty();
        guard.record(new Usage(10, 10, 0, 0, 0.5));
        assertThat(guard.refusal()).hasValueSatisfying(r -> assertThat(r.message()).contains("budget: max_cost $1.00 reached ($1.1000 spent)"));
    }

    @Test
    void capsAreValidatedWhenBuilt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CampaignBudget(OptionalInt.of(0), OptionalLong.empty(),
                OptionalDouble.empty(), Optional.empty())).hasMessageContaining("max runs must be ≥ 1, got 0");
    }
}
