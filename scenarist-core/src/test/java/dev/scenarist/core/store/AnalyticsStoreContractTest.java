package dev.scenarist.core.store;

import static dev.scenarist.core.testing.AnalyticsFixture.MESH_OPEN;
import static dev.scenarist.core.testing.AnalyticsFixture.REPLY_FORMAT;
import static dev.scenarist.core.testing.AnalyticsFixture.SCHEMA_AGE;
import static dev.scenarist.core.testing.AnalyticsFixture.SCHEMA_NAME;
import static dev.scenarist.core.testing.AnalyticsFixture.STYLE;
import static dev.scenarist.core.testing.AnalyticsFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.model.RunState;
import dev.scenarist.core.testing.AnalyticsFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The analytics reads every {@link Store} answers the same way, on the hand-built {@link AnalyticsFixture}. */
public abstract class AnalyticsStoreContractTest {
    protected Store store;

    protected abstract Store newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
        AnalyticsFixture.writeInto(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void runsAreCountedByCampaignStateAndRejectReason() {
        assertThat(store.analytics().runTallies(List.of("c-base", "c-less"))).containsExactlyInAnyOrder(
                new RunTally("c-base", RunState.ACCEPTED, Optional.empty(), 1),
                new RunTally("c-base", RunState.REJECTED, Optional.of(RejectReason.CHECKS_EXHAUSTED), 1),
                new RunTally("c-base", RunState.REJECTED, Optional.of(RejectReason.BUDGET), 1),
                new RunTally("c-base", RunState.FAILED_INFRA, Optional.empty(), 1),
                new RunTally("c-less", RunState.ACCEPTED, Optional.empty(), 2),
                new RunTally("c-less", RunState.RUNNING, Optional.empty(), 1));
    }

    @Test
    void attemptsAreCountedByStageAttemptNumberAndVerdictWithTheirUsageSummed() {
        List<AttemptTally> tallies = store.analytics().attemptTallies(List.of("c-base"));

        assertThat(tallies).extracting(t -> t.stage() + "#" + t.stageAttempt() + " " + t.verdict().label() + " x" + t.attempts())
                .containsExactlyInAnyOrder("draft#1 failed x2", "draft#2 passed x1", "draft#2 failed x1", "polish#1 passed x1",
                        "draft#1 budget_stopped x1", "draft#1 infra_error x1");
        AttemptTally firstFailures = tallies.stream().filter(t -> t.stageAttempt() == 1 && t.verdict() == AttemptVerdict.FAILED).findFirst().orElseThrow();
        assertThat(firstFailures.usage().inputTokens()).isEqualTo(200);
        assertThat(firstFailures.usage().outputTokens()).isEqualTo(100);
        assertThat(firstFailures.usage().costUsd()).isCloseTo(0.02, within(1e-9));
        assertThat(tallies).allMatch(t -> t.campaignId().equals("c-base"));
    }

    @Test
    void failuresComeAsTheFindingsOfEachFailedCheckAndTheGuardrailsOwn() {
        List<FindingRow> rows = new ArrayList<>();
        store.analytics().forEachFailure(List.of("c-base", "c-other"), rows::add);

        assertThat(rows).containsExactlyInAnyOrder(
                new FindingRow("c-base", "b1", "draft", "schema", T0.plusSeconds(30), List.of(SCHEMA_AGE, STYLE)),
                new FindingRow("c-base", "b2", "draft", FindingRow.GUARDRAIL, T0.plusSeconds(60 * 60 + 30), List.of(REPLY_FORMAT)),
                new FindingRow("c-base", "b2", "draft", "schema", T0.plusSeconds(90 * 60 + 30), List.of(SCHEMA_NAME)),
                new FindingRow("c-other", "o1", "build", "geometry", T0.plusSeconds(5 * 60 + 30), List.of(MESH_OPEN)));
    }

    @Test
    void campaignsOutsideTheListAreNotCounted() {
        assertThat(store.analytics().runTallies(List.of("c-other"))).extracting(RunTally::campaignId).containsOnly("c-other");
        List<FindingRow> rows = new ArrayList<>();
        store.analytics().forEachFailure(List.of("c-less"), rows::add);
        assertThat(rows).isEmpty();
    }

    @Test
    void anEmptyListSelectsNothing() {
        assertThat(store.analytics().runTallies(List.of())).isEmpty();
        assertThat(store.analytics().attemptTallies(List.of())).isEmpty();
        List<FindingRow> rows = new ArrayList<>();
        store.analytics().forEachFailure(List.of(), rows::add);
        assertThat(rows).isEmpty();
    }

    @Test
    void manyCampaignIdsAreAnsweredInFull() {
        // more ids than one statement binds (the SQL store splits them): the real ones among them are all counted
        List<String> ids = new ArrayList<>(IntStream.range(0, 1_200).mapToObj(i -> "none-" + i).toList());
        ids.add(700, "c-base");
        ids.add("c-less");

        assertThat(store.analytics().runTallies(ids).stream().mapToLong(RunTally::runs).sum()).isEqualTo(7);
    }
}
