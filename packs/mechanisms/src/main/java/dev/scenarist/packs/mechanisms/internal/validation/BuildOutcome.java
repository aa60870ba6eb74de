package dev.scenarist.packs.mechanisms.internal.validation;

import dev.scenarist.core.model.Finding;
import java.util.List;

/** The build stage: built (possibly with failed variants), rejected as a whole, or the sandbox was unavailable. */
public sealed interface BuildOutcome {
    record Built(TemplateBuild build) implements BuildOutcome {}

    record Rejected(List<Finding> findings) implements BuildOutcome {
        public Rejected {
            findings = List.copyOf(findings);
        }
    }

    /** No verdict: the sandbox or the JDK failed; {@code permanent} when a retry cannot help. */
    record Unavailable(String reason, boolean permanent) implements BuildOutcome {}
}
