package dev.scenarist.core.engine;

import java.time.Duration;

/** Waits; injected so tests can move time forward instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
