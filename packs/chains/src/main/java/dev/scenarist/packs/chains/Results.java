package dev.scenarist.packs.chains;

import java.nio.file.Path;
import java.util.Locale;

/** What the runs report back to the command line; everything else is in the artifact folder they name. */
public final class Results {
    private Results() {}

    public record ScenarioResult(String scenarioId, Status status, String reason, int score, Path dir) {}

    public record PackResult(String packId, Status status, String reason, int score, int backlogItems, Path dir) {}

    public record LoopResult(String packId, LoopEnding ending, String reason, int iterations, int score, Path dir) {}

    /** Why a loop ended. Partial and needs_exact_capability never end it on their own. */
    public enum LoopEnding {
        GATE_MET, REQUIRES_USER_DECISION, BLOCKED, MAX_ITERATIONS, ANALYST_FAILED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
