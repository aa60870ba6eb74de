package dev.scenarist.store.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.scenarist.store.sql.internal.sqlite.SqliteBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent callers share transactions, yet each returns only once its own work committed, and learns its own failure. */
class GroupCommitTest {
    @TempDir
    Path dir;

    private HikariDataSource pool;
    private Jdbi jdbi;
    private GroupCommit group;

    @BeforeEach
    void open() {
        // the store's own SQLite settings (WAL, synchronous=FULL, BEGIN IMMEDIATE, foreign keys)
        pool = new HikariDataSource(SqliteBackend.forFile(dir.resolve("g.db")).poolConfig());
        jdbi = Jdbi.create(pool);
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
            h.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, parent INTEGER"
                    + " REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)");
        });
        group = new GroupCommit(jdbi);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void manyConcurrentCallersEachReturnOnlyAfterTheirOwnRowIsCommitted() throws Exception {
        int callers = 64;
        List<Future<Boolean>> seenCommitted = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < callers; i++) {
                int id = i;
                seenCommitted.add(threads.submit(() -> {
                    start.await();
                    group.commit(h -> h.execute("INSERT INTO item (id) VALUES (?)", id));
                    // read on another connection, outside any batch: only committed rows are visible there
                    return committed(id);
                }));
            }
            start.countDown();
            for (Future<Boolean> f : seenCommitted) assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(count("item")).isEqualTo(callers);
    }

    @Test
    void callersArrivingDuringACommitShareTheNextTransaction() throws Exception {
        Set<Handle> transactions = ConcurrentHashMap.newKeySet();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch leaderInside = new CountDownLatch(1);
            CountDownLatch releaseLeader = new CountDownLatch(1);
            Future<?> leader = threads.submit(() -> group.commit(h -> {
                leaderInside.countDown();
                await(releaseLeader);
                h.execute("INSERT INTO item (id) VALUES (0)");
            }));
            leaderInside.await();
            List<Future<?>> followers = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int id = i;
                followers.add(threads.submit(() -> group.commit(h -> {
                    transactions.add(h);
                    h.execute("INSERT INTO item (id) VALUES (?)", id);
                })));
            }
            awaitQueued(5);
            releaseLeader.countDown();
            leader.get(30, TimeUnit.SECONDS);
            for (Future<?> f : followers) f.get(30, TimeUnit.SECONDS);
        }
        assertThat(transactions).as("the five that waited were committed together").hasSize(1);
        assertThat(count("item")).isEqualTo(6);
    }

    @Test
    void aFailingMemberIsRolledBackAloneAndOnlyItsCallerGetsTheFailure() throws Exception {
        jdbi.useHandle(h -> h.execute("INSERT INTO item (id) VALUES (100)"));
        List<Future<?>> outcomes = inOneBatch(List.of(
                h -> h.execute("INSERT INTO item (id) VALUES (1)"),
                // its first row is fine, its second breaks the primary key: neither may stay
                h -> {
                    h.execute("INSERT INTO item (id) VALUES (2)");
                    h.execute("INSERT INTO item (id) VALUES (100)");
                },
                h -> h.execute("INSERT INTO item (id) VALUES (3)")));

        outcomes.get(0).get();
        assertThatThrownBy(() -> outcomes.get(1).get()).hasMessageContaining("UNIQUE");
        outcomes.get(2).get();
        assertThat(ids()).containsExactly(1, 3, 100);
    }

    @Test
    void whenTheSharedTransactionFailsToCommitEveryCallerOfThatBatchGetsTheFailureAndNothingIsStored() throws Exception {
        // a deferred foreign key is only checked at COMMIT: the savepoint is released fine, the transaction fails
        List<Future<?>> outcomes = inOneBatch(List.of(
                h -> h.execute("INSERT INTO item (id) VALUES (1)"),
                h -> h.execute("INSERT INTO item (id, parent) VALUES (2, 999)"),
                h -> h.execute("INSERT INTO item (id) VALUES (3)")));

        for (Future<?> f : outcomes) assertThatThrownBy(f::get).hasStackTraceContaining("FOREIGN KEY constraint failed");
        assertThat(ids()).isEmpty();
        // and the next caller starts afresh
        group.commit(h -> h.execute("INSERT INTO item (id) VALUES (4)"));
        assertThat(ids()).containsExactly(4);
    }

    /** Queues {@code works} behind a held leader so that they form one batch; returns their outcomes in order. */
    private List<Future<?>> inOneBatch(List<Consumer<Handle>> works) throws Exception {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CountDownLatch leaderInside = new CountDownLatch(1);
            CountDownLatch releaseLeader = new CountDownLatch(1);
            Future<?> leader = threads.submit(() -> group.commit(h -> {
                leaderInside.countDown();
                await(releaseLeader);
            }));
            leaderInside.await();
            List<Future<?>> outcomes = new ArrayList<>();
            for (int i = 0; i < works.size(); i++) {
                Consumer<Handle> work = works.get(i);
                outcomes.add(threads.submit(() -> group.commit(work)));
                awaitQueued(i + 1); // in this order, so the batch runs them in this order
            }
            releaseLeader.countDown();
            leader.get(30, TimeUnit.SECONDS);
            for (Future<?> f : outcomes) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException expected) {
                    // looked at by the test
                }
            }
            return outcomes;
        } finally {
            threads.shutdown();
        }
    }

    private void awaitQueued(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (group.queued() < n) {
            if (System.nanoTime() > deadline) throw new AssertionError("fewer than " + n + " callers queued");
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean committed(int id) throws java.sql.SQLException {
        try (var c = pool.getConnection(); var s = c.prepareStatement("SELECT count(*) FROM item WHERE id = ?")) {
            s.setInt(1, id);
            try (var rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private int count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
    }

    private List<Integer> ids() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM item ORDER BY id").mapTo(Integer.class).list());
    }
}
