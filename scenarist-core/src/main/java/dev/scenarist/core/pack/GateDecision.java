package dev.scenarist.core.pack;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.RejectReason;
import java.util.List;

/** A gate's verdict on a run: go on, reject it (with why), or wait for a person. */
public sealed interface GateDecision {
    record Pass(String note) implements GateDecision {}

    record Reject(RejectReason reason, List<Finding> findings) implements GateDecision {
        public Reject {
            findings = List.copyOf(findings);
        }
    }

    record AwaitHuman(String question) implements GateDecision {}
}
