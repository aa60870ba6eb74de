package dev.scenarist.packs.chains.internal.artifacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.chains.Target;
import java.time.Instant;
import java.util.Optional;

/** What every manifest records about the run: the target (never its secret), when it ran, and which pack it belongs to. */
public record RunContext(Target target, Optional<String> packId, Instant startedAt, Instant finishedAt) {
    ObjectNode targetJson() {
        ObjectNode t = ArtifactFiles.object().put("base_url", target.baseUrl().toString())
                .put("timeout_seconds", target.timeout().toSeconds());
        t.put("auth_header", target.auth().map(Target.AuthHeader::name).orElse(null));
        t.put("profile", target.profile().orElse(null));
        t.set("llm", ArtifactFiles.JSON.valueToTree(target.llm()));
        return t;
    }
}
