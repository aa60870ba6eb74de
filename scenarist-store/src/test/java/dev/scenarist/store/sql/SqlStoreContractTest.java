package dev.scenarist.store.sql;

import dev.scenarist.store.sql.internal.Schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.catalog.internal.CatalogMirror;
import dev.scenarist.core.catalog.ShingleSimilarityIndex;
import dev.scenarist.core.store.AcceptOutcome;
import dev.scenarist.core.store.AttemptCommit;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.StoreContractTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The store contract, plus what only a database can get wrong: durability across opens, rollback, migrations. */
abstract class SqlStoreContractTest extends StoreContractTest {
    private static final int RACERS = 16;

    /** Another store on the same database as the one {@link #newStore()} returned last. */
    protected abstract SqlStore reopen();

    @Test
    void stateCountsAreTheRunsOfTheCampaignCountedByStateAndNoOthers() {
        store.campaigns().create(campaign("c1", at(0)));
        store.campaigns().create(campaign("c2", at(1)));
        store.runs().commitAttempt(commit(running("r1", "c1", 1), 1));
        running("r3", "c1", 3);
        RunRecord toAccept = running("r2", "c1", 2);
        store.catalog().accept(entry("s1", toAccept, "hash-1"), accepted(toAccept), 3);
        running("r4", "c2", 1);

        java.util.Map<dev.scenarist.core.model.RunState, Integer> expected = new java.util.EnumMap<>(dev.scenarist.core.model.RunState.class);
        for (RunRecord r : store.runs().byCampaign("c1")) expected.merge(r.state(), 1, Integer::sum);
        assertThat(store.runs().stateCounts("c1")).isEqualTo(expected)
                .containsEntry(dev.scenarist.core.model.RunState.ACCEPTED, 1)
                .satisfies(m -> assertThat(m.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3));
        assertThat(store.runs().stateCounts("none")).isEmpty();
    }

    @Test
    void everythingCommittedIsStillThereAfterReopening() {
        store.campaigns().create(campaign("c1", at(0)));
        AttemptCommit commit = commit(running("r1", "c1", 1), 1);
        store.runs().commitAttempt(commit);
        RunRecord toAccept = running("r2", "c1", 2);
        CatalogEntry entry = entry("s1", toAccept, "hash-1");
        store.catalog().accept(entry, accepted(toAccept), 3);
        store.close();

        store = reopen();

        assertThat(store.campaigns().list()).containsExactly(campaign("c1", at(0)));
        assertThat(store.runs().byCampaign("c1")).containsExactly(commit.run(), accepted(toAccept));
        assertThat(store.runs().attempts("r1")).containsExactly(commit.attempt());
        assertThat(store.runs().authorCalls("r1")).containsExactlyElementsOf(commit.calls());
        assertThat(store.runs().checks("r1")).containsExactlyElementsOf(commit.checks());
        assertThat(store.catalog().byCampaign("c1")).containsExactly(entry);
    }

    @Test
    void openingAnUpToDateDatabaseAgainMigratesNothing() {
        store.campaigns().create(campaign("c1", at(0)));
        int historyRows = historyRows((SqlStore) store);

        try (SqlStore second = reopen()) {
            assertThat(historyRows(second)).isEqualTo(historyRows);
            assertThat(second.campaigns().find("c1")).isPresent();
        }
        try (SqlStore third = reopen()) {
            assertThat(historyRows(third)).isEqualTo(historyRows);
        }
    }

    @Test
    void aSecondCommitOfTheSameAttemptIsRefusedAndRollsBackTheRunToo() {
        AttemptCommit first = commit(running("r1", "c1", 1), 1);
        store.runs().commitAttempt(first);
        AttemptCommit again = commit(first.run(), 1); // the right version, but attempt 1 is already recorded

        assertThatThrownBy(() -> store.runs().commitAttempt(again))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("attempt 1 of run r1");

        assertThat(store.runs().find("r1")).contains(first.run());
        assertThat(store.runs().attempts("r1")).containsExactly(first.attempt());
        assertThat(store.runs().authorCalls("r1")).containsExactlyElementsOf(first.calls());
        assertThat(store.runs().checks("r1")).containsExactlyElementsOf(first.checks());
    }

    @Test
    void aNegativeRecentLimitIsRefused() {
        assertThatThrownBy(() -> store.runs().recent(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void twoStoresOnOneDatabaseRacingFromManyThreadsAcceptOneScenarioPerTopic() throws Exception {
        // two stores with their own pools and indexes stand for two processes sharing the data; 3 topics, 16 runs
        List<String> topics = List.of("three crates stacked on a ramp", "a pendulum swinging over a sand pit",
                "two gears meshing inside a gearbox");
        try (SqlStore other = reopen()) {
            List<CatalogMirror> mirrors = List.of(new CatalogMirror(new ShingleSimilarityIndex()), new CatalogMirror(new ShingleSimilarityIndex()));
            List<Callable<AcceptOutcome>> accepts = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                RunRecord run = running("r" + i, "c" + i, 1);
                CatalogEntry entry = entry("s" + i, run, "hash-" + i, topics.get(i % topics.size()) + (i < topics.size() ? "" : " again"));
                SqlStore into = i % 2 == 0 ? (SqlStore) store : other;
                CatalogMirror mirror = mirrors.get(i % 2);
                accepts.add(() -> acceptJudged(into, mirror, entry, accepted(run), 10));
            }

            List<AcceptOutcome> outcomes = results(runTogether(accepts));

            assertThat(outcomes).filteredOn(AcceptOutcome.Accepted.class::isInstance).hasSize(topics.size());
            assertThat(outcomes).filteredOn(AcceptOutcome.NearDuplicate.class::isInstance).hasSize(RACERS - topics.size());
            assertThat(other.catalog().byPack("boxes")).extracting(CatalogEntry::uniquenessText)
                    .allSatisfy(text -> assertThat(topics.stream().filter(t -> text.startsWith(t))).hasSize(1))
                    .extracting(text -> topics.stream().filter(text::startsWith).findFirst().orElseThrow())
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void twoStoresOnOneDatabaseRacingFromManyThreadsNeverPassTheCampaignTarget() throws Exception {
        int target = 5;
        try (SqlStore other = reopen()) {
            List<Callable<AcceptOutcome>> accepts = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                RunRecord run = running("r" + i, "c1", i + 1);
                // words no other run uses: only the target can refuse these
                CatalogEntry entry = entry("s" + i, run, "hash-" + i, "w" + i + "a w" + i + "b w" + i + "c");
                SqlStore into = i % 2 == 0 ? (SqlStore) store : other;
                CatalogMirror mirror = new CatalogMirror(new ShingleSimilarityIndex());
                accepts.add(() -> acceptJudged(into, mirror, entry, accepted(run), target));
            }

            List<AcceptOutcome> outcomes = results(runTogether(accepts));

            assertThat(outcomes).filteredOn(AcceptOutcome.Accepted.class::isInstance).hasSize(target);
            assertThat(outcomes).filteredOn(AcceptOutcome.CampaignFull.class::isInstance).hasSize(RACERS - target);
            assertThat(other.catalog().byCampaign("c1")).hasSize(target);
        }
    }

    private static int historyRows(SqlStore store) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + Schema.HISTORY_TABLE)
                .mapTo(Integer.class).one());
    }
}
