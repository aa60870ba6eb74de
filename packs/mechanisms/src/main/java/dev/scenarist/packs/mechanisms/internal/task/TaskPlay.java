package dev.scenarist.packs.mechanisms.internal.task;

/** What playing a solution gave: a verdict, a scene MuJoCo could not load or step, or no engine to run it on. */
public sealed interface TaskPlay {
    record Judged(Verdict verdict) implements TaskPlay {}

    /** The scene or the request was refused (MuJoCo's or the sidecar's own message). */
    record Refused(String message) implements TaskPlay {}

    /** An infrastructure problem, never a verdict on the solution. */
    record Unavailable(String reason) implements TaskPlay {}
}
