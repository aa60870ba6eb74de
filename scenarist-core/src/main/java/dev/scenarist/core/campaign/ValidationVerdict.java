package dev.scenarist.core.campaign;

import java.util.List;

/**
 * What a validation concludes from its checks. A verdict is never guessed: a check that could not run is not
 * judged, never passed, so "valid" needs every check to have passed. An error found is an error, whatever else could
 * not run; the checks that could not run are still listed with it.
 */
public sealed interface ValidationVerdict {
    /** Exit code of a validation that could not judge: no error found, but at least one check could not run. */
    int NOT_JUDGED_EXIT = 4;

    /** A check that could not run, and why (e.g. bubblewrap was not found). */
    record Unjudged(String stage, String check, String reason) {
        public String render() {
            return stage + "/" + check + ": " + reason;
        }
    }

    List<Unjudged> unjudged();

    /** Every check ran and passed. */
    record Valid() implements ValidationVerdict {
        @Override
        public List<Unjudged> unjudged() {
            return List.of();
        }
    }

    /** At least one check found an error. */
    record Invalid(int failedChecks, List<Unjudged> unjudged) implements ValidationVerdict {
        public Invalid {
            unjudged = List.copyOf(unjudged);
        }
    }

    /** No check found an error, but some could not run: nothing can be said. */
    record NotJudged(List<Unjudged> unjudged) implements ValidationVerdict {
        public NotJudged {
            if (unjudged.isEmpty()) throw new IllegalArgumentException("a not-judged verdict names the checks that could not run");
            unjudged = List.copyOf(unjudged);
        }
    }

    static ValidationVerdict of(int failedChecks, List<Unjudged> unjudged) {
        if (failedChecks > 0) return new Invalid(failedChecks, unjudged);
        return unjudged.isEmpty() ? new Valid() : new NotJudged(unjudged);
    }

    /** As in {@code --json}: valid, invalid or not_judged. */
    default String label() {
        return switch (this) {
            case Valid v -> "valid";
            case Invalid i -> "invalid";
            case NotJudged n -> "not_judged";
        };
    }

    /** 0 valid, 1 invalid, 4 not judged. */
    default int exitCode() {
        return switch (this) {
            case Valid v -> 0;
            case Invalid i -> 1;
            case NotJudged n -> NOT_JUDGED_EXIT;
        };
    }

    /** The summary line, then one line per check that could not run. */
    default List<String> summary() {
        var lines = new java.util.ArrayList<String>();
        switch (this) {
            case Valid v -> lines.add("valid: every check ran and passed");
            case Invalid i -> lines.add("invalid: " + i.failedChecks() + " check(s) found errors"
                    + (i.unjudged().isEmpty() ? "" : "; " + i.unjudged().size() + " other check(s) could not run (not judged):"));
            case NotJudged n -> lines.add("not judged: " + n.unjudged().size() + " check(s) could not run, so no verdict"
                    + " (fix the cause and validate again):");
        }
        unjudged().forEach(u -> lines.add("  " + u.render()));
        return lines;
    }
}
