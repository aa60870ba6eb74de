package dev.scenarist.packs.appworld.phone;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The phone's only source of time. It starts at the scenario's start time and moves only when the simulation moves
 * it (an agent's {@code wait}, an event's delay, {@code wait_for_notification}); nothing here reads the wall clock,
 * so two runs of the same calls see the same times. Whole seconds only: ARE's tools speak "YYYY-MM-DD HH:MM:SS".
 */
public final class SimClock {
    /** ARE's datetime format, always UTC. */
    public static final String PATTERN = "yyyy-MM-dd HH:mm:ss";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(PATTERN).withZone(ZoneOffset.UTC);

    private Instant now;

    public SimClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start").truncatedTo(ChronoUnit.SECONDS);
    }

    public Instant now() {
        return now;
    }

    /** Only the simulation (Timeline) moves time, so event triggers are never skipped. */
    void advanceTo(Instant target) {
        if (target.isBefore(now)) {
            throw new IllegalArgumentException("the simulated clock only moves forward: now " + format(now) + ", asked " + format(target));
        }
        now = target.truncatedTo(ChronoUnit.SECONDS);
    }

    void advanceBy(Duration duration) {
        if (duration.isNegative()) throw new IllegalArgumentException("cannot wait a negative duration: " + duration);
        advanceTo(now.plus(duration));
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Parses "YYYY-MM-DD HH:MM:SS" (UTC); empty when the text is not in that form. */
    public static Optional<Instant> parse(String text) {
        try {
            return Optional.of(java.time.LocalDateTime.parse(text, DateTimeFormatter.ofPattern(PATTERN)).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
