package dev.scenarist.core.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A person's final decision on an accepted scenario (the review queue): approved (and promoted into the dataset) or
 * rejected with a reason. One per scenario, for good: a decided scenario leaves the queue.
 *
 * @param who    who decided, as the caller names them ({@code token:<id>}, {@code session:<id>}, {@code cli:<user>})
 * @param reason why it was rejected; empty for an approval
 */
public record ReviewDecision(String scenarioId, Verdict verdict, String reason, String who, Instant decidedAt) {
    public enum Verdict {
        APPROVED, REJECTED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Verdict parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    public ReviewDecision {
        Objects.requireNonNull(scenarioId, "scenarioId");
        Objects.requireNonNull(verdict, "verdict");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
