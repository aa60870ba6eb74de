package dev.scenarist.packs.services.internal.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerTest {
    @Test
    void startsOnFirstUseAndStopsWhenClosed() throws Exception {
        PostgresServer server = new PostgresServer();
        assertThat(server.running()).isFalse();
        ScratchDatabase db = ScratchDatabase.create(server, 5);
        assertThat(server.running()).isTrue();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(value(s, "SELECT current_user")).isEqualTo(db.role());
            assertThat(value(s, "SELECT rolsuper::text || rolcreatedb::text || rolcreaterole::text || rolconnlimit FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("falsefalsefalse" + ScratchDatabase.CONNECTION_LIMIT);
            assertThat(value(s, "SHOW statement_timeout")).isEqualTo("5s");
            assertThat(value(s, "SHOW temp_file_limit")).isEqualTo("256MB");
        }
        // the role reaches its own database only
        assertThatThrownBy(() -> server.connect("postgres", db.role(), "")).isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
        db.close();
        String url;
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            url = c.getMetaData().getURL();
            assertThat(value(s, "SELECT count(*) FROM pg_database WHERE datname = '" + db.database() + "'")).isEqualTo("0");
            assertThat(value(s, "SELECT count(*) FROM pg_roles WHERE rolname = '" + db.role() + "'")).isEqualTo("0");
        }

        server.close();
        assertThat(server.running()).isFalse();
        assertThatThrownBy(server::admin).isInstanceOf(PostgresUnavailableException.class);
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, "postgres", "")).as("the server is gone").isInstanceOf(SQLException.class);
    }

    private static String value(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
