package dev.scenarist.app.preflight;

/**
 * One component a pack needs, as found on this machine: present with its version, or missing with the reason and
 * the exact command (or step) that fixes it. {@code purpose} says what it is for, in the pack's words.
 */
public sealed interface Component {
    String name();

    String purpose();

    /** Present; {@code version} as the component reports it ("" when it has none), {@code where} its path or detail. */
    record Found(String name, String purpose, String version, String where) implements Component {}

    /** Absent or unusable; {@code fix} is one command or step, {@code aptPackage} the package to install ("" if none applies). */
    record Missing(String name, String purpose, String reason, String fix, String aptPackage) implements Component {}
}
