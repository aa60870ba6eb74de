package dev.scenarist.store.sql;

import dev.scenarist.core.store.AnalyticsStoreContractTest;
import dev.scenarist.core.store.Store;

class PostgresAnalyticsStoreContractTest extends AnalyticsStoreContractTest {
    @Override
    protected Store newStore() {
        return SharedPostgres.newStore();
    }
}
