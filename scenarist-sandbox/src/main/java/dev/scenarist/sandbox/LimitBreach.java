package dev.scenarist.sandbox;

import java.util.Objects;

/**
 * A sandbox limit a command ran into.
 *
 * @param limitValue the configured limit, in the limit's unit (bytes, files, processes, CPU seconds)
 * @param measured   what was measured when it stopped, in the same unit
 */
public record LimitBreach(SandboxLimit limit, long limitValue, long measured) {
    public LimitBreach {
        Objects.requireNonNull(limit, "limit");
    }

    /** A sentence naming the limit and the measured value, e.g. "the workspace holds 10 001 files, over the sandbox limit of 10 000". */
    public String describe() {
        return limit.sentence(limitValue, measured);
    }
}
