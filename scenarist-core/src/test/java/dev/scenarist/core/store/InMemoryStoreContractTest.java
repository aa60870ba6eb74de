package dev.scenarist.core.store;

import dev.scenarist.core.store.memory.InMemoryStore;

class InMemoryStoreContractTest extends StoreContractTest {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
