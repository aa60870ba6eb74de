package dev.scenarist.app.wiring;

import dev.scenarist.core.store.AnalyticsStore;
import dev.scenarist.core.store.CampaignStore;
import dev.scenarist.core.store.CatalogStore;
import dev.scenarist.core.store.LessonStore;
import dev.scenarist.core.store.ReviewStore;
import dev.scenarist.core.store.RunStore;
import dev.scenarist.core.store.Store;
import java.util.function.Supplier;

/**
 * The store, opened by the first command that reads or writes it. Opening the default SQLite store costs about a
 * second of CPU in a new JVM (its native library extracted and loaded, the schema checked and migrated); a command that
 * never touches the store — {@code validate} of a model file, {@code --help} — should not pay it. Open failures (a
 * damaged or foreign database) surface at that first use, with the same exceptions as an eager open.
 */
final class OnFirstUseStore implements Store {
    private final Supplier<Store> opener;
    private Store opened;

    OnFirstUseStore(Supplier<Store> opener) {
        this.opener = opener;
    }

    private synchronized Store store() {
        if (opened == null) opened = opener.get();
        return opened;
    }

    /** Whether a command has used the store yet (for tests: a command that needs none must leave it closed). */
    synchronized boolean isOpen() {
        return opened != null;
    }

    @Override
    public CampaignStore campaigns() {
        return store().campaigns();
    }

    @Override
    public RunStore runs() {
        return store().runs();
    }

    @Override
    public CatalogStore catalog() {
        return store().catalog();
    }

    @Override
    public AnalyticsStore analytics() {
        return store().analytics();
    }

    @Override
    public LessonStore lessons() {
        return store().lessons();
    }

    @Override
    public ReviewStore reviews() {
        return store().reviews();
    }

    @Override
    public dev.scenarist.core.store.WorkerCoordination coordination() {
        return store().coordination();
    }

    @Override
    public String describe() {
        return store().describe();
    }

    @Override
    public synchronized void close() {
        if (opened != null) opened.close();
    }
}
