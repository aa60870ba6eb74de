package dev.scenarist.packs.appworld.phone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scenarist.packs.appworld.phone.log.ActionLog;
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The clock plus the queue of scheduled environment triggers. Time only moves through here, and it never jumps
 * over a trigger: the clock stops at each trigger's time, fires it, then goes on.
 */
final class Timeline {
    private final SimClock clock;
    private final ActionLog log;
    private final TreeSet<ScheduledTrigger> queue =
            new TreeSet<>(Comparator.comparing(ScheduledTrigger::at).thenComparingLong(ScheduledTrigger::id));
    private final Consumer<ScheduledTrigger> fire;
    private long nextId = 1;

    Timeline(SimClock clock, ActionLog log, Consumer<ScheduledTrigger> fire) {
        this.clock = clock;
        this.log = log;
        this.fire = fire;
    }

    ScheduledTrigger schedule(Instant at, String tool, JsonNode arguments) {
        if (at.isBefore(clock.now())) {
            throw new IllegalArgumentException("cannot schedule " + tool + " at " + SimClock.format(at) + ", before now " + SimClock.format(clock.now()));
        }
        ScheduledTrigger t = new ScheduledTrigger(nextId++, at, tool, arguments.deepCopy());
        queue.add(t);
        return t;
    }

    Optional<Instant> nextDue() {
        return queue.isEmpty() ? Optional.empty() : Optional.of(queue.first().at());
    }

    List<ScheduledTrigger> pending() {
        return List.copyOf(queue);
    }

    /** Fires everything due now (e.g. triggers scheduled with no delay). */
    void fireDue() {
        while (!queue.isEmpty() && !queue.first().at().isAfter(clock.now())) fire.accept(queue.pollFirst());
    }

    /** Moves to {@code target}, stopping at and firing each trigger on the way. */
    void advanceTo(Instant target, String reason) {
        fireDue();
        while (!queue.isEmpty() && !queue.first().at().isAfter(target)) {
            move(queue.first().at(), reason);
            fireDue();
        }
        move(target, reason);
    }

    private void move(Instant to, String reason) {
        if (to.equals(clock.now())) return;
        Instant from = clock.now();
        clock.advanceTo(to);
        log.append(seq -> new LogEntry.ClockAdvanced(seq, from, to, reason));
    }
}
