package dev.scenarist.store.sql;

import dev.scenarist.core.store.LessonStoreContractTest;
import dev.scenarist.core.store.Store;

class PostgresLessonStoreContractTest extends LessonStoreContractTest {
    @Override
    protected Store newStore() {
        return SharedPostgres.newStore();
    }
}
