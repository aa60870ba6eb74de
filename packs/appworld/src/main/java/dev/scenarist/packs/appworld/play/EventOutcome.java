package dev.scenarist.packs.appworld.play;

import java.time.Instant;

/** What became of one scenario event in a play. */
public sealed interface EventOutcome {
    String eventId();

    /** It happened (an env trigger fired; an oracle event was seen in the log). */
    record Happened(String eventId, Instant at) implements EventOutcome {}

    /** Its condition was false when it was due, or an event it depends on was skipped. */
    record Skipped(String eventId, String reason) implements EventOutcome {}

    /** It was due but could not happen: an env trigger refused by the phone, or a condition that could not run. */
    record Failed(String eventId, Instant at, Failure failure, String error) implements EventOutcome {}

    /** The play ended before it happened (its dependencies never happened, or its time never came). */
    record NeverHappened(String eventId, String why) implements EventOutcome {}

    enum Failure { UNKNOWN_TOOL, BAD_ARGUMENT, CONDITION }
}
