package dev.scenarist.core.store;

import dev.scenarist.core.store.memory.InMemoryStore;

class InMemoryAnalyticsStoreContractTest extends AnalyticsStoreContractTest {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
