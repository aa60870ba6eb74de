package dev.scenarist.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.store.AttemptCommit;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.core.store.StoreContractTest;
import org.junit.jupiter.api.Test;

/** The store contract, plus what only a database can get wrong: durability across opens, rollback, migrations. */
abstract class SqlStoreContractTest extends StoreContractTest {
    /** Another store on the same database as the one {@link #newStore()} returned last. */
    protected abstract SqlStore reopen();

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

    private static int historyRows(SqlStore store) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + Schema.HISTORY_TABLE)
                .mapTo(Integer.class).one());
    }
}
