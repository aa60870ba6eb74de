package dev.scenarist.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.store.sql.SqlStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JobRunr's tables beside the store's in one PostgreSQL database, and one job per run however often it is enqueued. */
class JobRunrJobsTest {
    @Test
    void enqueueingARunAgainLeavesOneJobAndTheStoreStillOpensBesideJobRunrsTables() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            try (SqlStore store = SqlStore.postgres(url, "postgres", "postgres");
                 JobRunrJobs jobs = JobRunrJobs.open(url, "postgres", "postgres")) {
                store.campaigns().list();
                jobs.enqueue(List.of("run-1", "run-2"));
                jobs.enqueue(List.of("run-1"));
            }
            try (var c = DriverManager.getConnection(url, "postgres", "postgres");
                 var rs = c.createStatement().executeQuery("SELECT count(*) FROM jobrunr_jobs WHERE state = 'ENQUEUED'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            try (SqlStore again = SqlStore.postgres(url, "postgres", "postgres")) {
                assertThat(again.campaigns().list()).as("the store's schema check accepts JobRunr's tables beside its own").isEmpty();
            }
            assertThat(JobRunrJobs.jobId("run-1")).isEqualTo(JobRunrJobs.jobId("run-1")).isNotEqualTo(JobRunrJobs.jobId("run-2"));
        }
    }
}
