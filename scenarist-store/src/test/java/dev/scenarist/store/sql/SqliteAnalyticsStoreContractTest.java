package dev.scenarist.store.sql;

import dev.scenarist.core.store.AnalyticsStoreContractTest;
import dev.scenarist.core.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteAnalyticsStoreContractTest extends AnalyticsStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected Store newStore() {
        return SqlStore.sqlite(dir.resolve("scenarist.db"));
    }
}
