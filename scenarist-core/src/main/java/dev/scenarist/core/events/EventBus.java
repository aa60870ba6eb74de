package dev.scenarist.core.events;

import java.util.function.Consumer;

/** Publishes events to subscribers (progress bars, SSE, metrics). Subscribers must be quick and must not throw. */
public interface EventBus {
    void publish(ScenaristEvent event);

    /** @return a handle that unsubscribes when closed */
    AutoCloseable subscribe(Consumer<ScenaristEvent> listener);
}
