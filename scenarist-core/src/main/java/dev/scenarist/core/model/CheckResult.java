package dev.scenarist.core.model;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The outcome of one check. Closed: a check either passed, failed with findings (a content
 * failure that spends the stage's attempts), or errored (the check itself broke: an
 * infrastructure failure, never reported as a bad scenario).
 */
public sealed interface CheckResult {

    /** Passed, possibly with non-error findings and a score in [0,1] (judges, refine scorers). */
    record Passed(List<Finding> notes, OptionalDouble score) implements CheckResult {
        public Passed {
            notes = List.copyOf(notes);
        }
    }

    record Failed(List<Finding> findings, OptionalDouble score) implements CheckResult {
        public Failed {
            findings = List.copyOf(findings);
            if (findings.stream().noneMatch(Finding::isError)) {
                throw new IllegalArgumentException("a failed check needs at least one error finding, got " + findings);
            }
        }
    }

    /**
     * The check could not judge. {@code permanent} says whether trying again can help: a crashed process or an
     * unreachable critic may work on the next try (transient, retried with backoff); a machine that lacks a
     * component (no usable sandbox, a tool not installed) will not, so the engine stops at once instead of retrying.
     */
    record Errored(String message, boolean permanent) implements CheckResult {
        /** A transient error, retried with backoff. */
        public Errored(String message) {
            this(message, false);
        }
    }

    static CheckResult passed() {
        return new Passed(List.of(), OptionalDouble.empty());
    }

    static CheckResult passed(double score) {
        return new Passed(List.of(), OptionalDouble.of(score));
    }

    /** Failed when any finding is an error, otherwise passed with the findings as notes. */
    static CheckResult of(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::isError)
                ? new Failed(findings, OptionalDouble.empty())
                : new Passed(findings, OptionalDouble.empty());
    }

    static CheckResult failed(Finding... findings) {
        return new Failed(List.of(findings), OptionalDouble.empty());
    }

    static CheckResult errored(String message) {
        return new Errored(message);
    }

    /**
     * The check cannot run on this machine (a missing or unusable component): never retried, the run stops as an
     * infrastructure failure and its campaign stops too. The message names the component and the fix.
     */
    static CheckResult unavailable(String message) {
        return new Errored(message, true);
    }

    default List<Finding> findings() {
        return switch (this) {
            case Passed p -> p.notes();
            case Failed f -> f.findings();
            case Errored e -> List.of();
        };
    }

    default OptionalDouble scoreIfAny() {
        return switch (this) {
            case Passed p -> p.score();
            case Failed f -> f.score();
            case Errored e -> OptionalDouble.empty();
        };
    }

    default CheckStatus status() {
        return switch (this) {
            case Passed p -> CheckStatus.PASSED;
            case Failed f -> CheckStatus.FAILED;
            case Errored e -> CheckStatus.ERRORED;
        };
    }
}
