package dev.scenarist.core.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers each event synchronously to every subscriber; a failing subscriber is logged and does not stop the others. */
public final class InProcessEventBus implements EventBus {
    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);
    private final List<Consumer<ScenaristEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(ScenaristEvent event) {
        for (Consumer<ScenaristEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.warn("event listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<ScenaristEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
