package dev.scenarist.core.store;

import dev.scenarist.core.store.memory.InMemoryStore;

class InMemoryWorkerCoordinationContractTest extends WorkerCoordinationContractTest {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
