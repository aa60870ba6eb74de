package dev.scenarist.store.sql;

import dev.scenarist.core.store.WorkerCoordinationContractTest;
import dev.scenarist.core.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteWorkerCoordinationContractTest extends WorkerCoordinationContractTest {
    @TempDir
    Path dir;

    @Override
    protected Store newStore() {
        return SqlStore.sqlite(dir.resolve("scenarist.db"));
    }
}
