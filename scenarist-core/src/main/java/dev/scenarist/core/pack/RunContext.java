package dev.scenarist.core.pack;

import java.util.Map;
import java.util.Objects;

/** Who is asking: the run, its campaign, pack, seed and the parameters the pack chose from that seed. */
public record RunContext(String runId, String campaignId, String pack, long seed, Map<String, Object> parameters) {
    public RunContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(pack, "pack");
        parameters = Map.copyOf(parameters);
    }
}
