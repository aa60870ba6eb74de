package dev.scenarist.core.store;

import dev.scenarist.core.store.memory.InMemoryStore;

class InMemoryLessonStoreContractTest extends LessonStoreContractTest {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
