package dev.scenarist.store.sql;

import dev.scenarist.core.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreContractTest extends SqlStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected Store newStore() {
        return reopen();
    }

    @Override
    protected SqlStore reopen() {
        // a folder that does not exist yet: the store creates it
        return SqlStore.sqlite(dir.resolve("data").resolve("scenarist.db"));
    }
}
