package dev.scenarist.store.sql;

import dev.scenarist.core.store.WorkerCoordinationContractTest;
import dev.scenarist.core.store.Store;

class PostgresWorkerCoordinationContractTest extends WorkerCoordinationContractTest {
    @Override
    protected Store newStore() {
        return SharedPostgres.newStore();
    }
}
