package dev.scenarist.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scenarist.core.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Against a real PostgreSQL server, started once for the class. Each test gets a schema of its own in one database
 * (creating a schema is instant, a database takes a third of a second); the store finds it through the URL's
 * {@code currentSchema}, as a deployment sharing a database with other applications would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStoreContractTest extends SqlStoreContractTest {
    private EmbeddedPostgres postgres;
    private String schema;

    @BeforeAll
    void startPostgres() throws IOException {
        // a throwaway server: nothing in it has to survive a crash, so skip the cost of making sure
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    protected Store newStore() {
        schema = createSchema();
        return reopen();
    }

    @Override
    protected SqlStore reopen() {
        return SqlStore.postgres(url(schema), "postgres", "postgres");
    }

    @Test
    void theDescriptionNamesHostPortAndDatabaseButNoCredentials() {
        try (SqlStore withSecrets = SqlStore.postgres(url(schema) + "&password=hunter2", "postgres", "hunter2")) {
            assertThat(withSecrets.describe())
                    .isEqualTo("postgresql://localhost:" + postgres.getPort() + "/postgres")
                    .doesNotContain("hunter2");
        }
    }

    @Test
    void aUrlForAnotherDatabaseIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> SqlStore.postgres("jdbc:mysql://db/x?password=hunter2", "u", "hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://db/x")
                .hasMessageContaining("jdbc:postgresql://host:5432/database")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aMissingDatabaseGivesAMessageThatSaysToCreateIt() {
        String noSuchDatabase = postgres.getJdbcUrl("postgres", "no_such_db");

        assertThatThrownBy(() -> SqlStore.postgres(noSuchDatabase, "postgres", "postgres"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("postgresql://localhost:" + postgres.getPort() + "/no_such_db")
                .hasMessageContaining("CREATE DATABASE");
    }

    @Test
    void anUnreachableServerGivesAMessageThatNamesIt() {
        // port 1 on localhost: nothing listens there, so the connection is refused at once
        assertThatThrownBy(() -> SqlStore.postgres("jdbc:postgresql://localhost:1/scenarist", "postgres", "x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("postgresql://localhost:1/scenarist")
                .hasMessageContaining("server is running");
    }

    @Test
    void aSchemaOfAnotherApplicationIsRefused() throws SQLException {
        String foreign = createSchema();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + foreign + ".invoices (id INT PRIMARY KEY)");
        }

        assertThatThrownBy(() -> SqlStore.postgres(url(foreign), "postgres", "postgres"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("postgresql://localhost:" + postgres.getPort() + "/postgres")
                .hasMessageContaining("another application");
    }

    private String url(String inSchema) {
        return postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + inSchema;
    }

    private String createSchema() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema " + name, e);
        }
        return name;
    }
}
