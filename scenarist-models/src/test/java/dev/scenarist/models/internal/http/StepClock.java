package dev.scenarist.models.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves forward by {@code step} each time it is read, so measured latencies are exact. */
final class StepClock extends Clock {
    static final Instant START = Instant.parse("2025-11-20T10:00:00Z");
    private final Duration step;
    private final AtomicLong reads = new AtomicLong();

    StepClock(Duration step) {
        this.step = step;
    }

    @Override
    public Instant instant() {
        return START.plus(step.multipliedBy(reads.getAndIncrement()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
