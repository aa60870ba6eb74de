package dev.scenarist.core.workspace;

import dev.scenarist.core.model.Finding;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** What the guardrail made of a reply: a complete artifact (files, prose around them stripped), or why not. */
public sealed interface ParsedReply {
    record Artifact(SortedMap<String, String> files, String strippedProse) implements ParsedReply {
        public Artifact {
            files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        }
    }

    record Rejected(List<Finding> findings) implements ParsedReply {
        public Rejected {
            findings = List.copyOf(findings);
        }
    }
}
