package dev.scenarist.packs.appworld.scenario;

import java.util.List;
import java.util.Objects;

/** What a good agent achieves: every goal must be met. */
public record Validation(List<Goal> goals) {
    public Validation {
        goals = List.copyOf(goals);
    }

    /**
     * One goal with one to four equivalent CEL predicates (different tool paths to the same outcome): any one of
     * them evaluating to {@code true} meets the goal.
     *
     * @param rationale why this goal shows the task was done; shown when the goal is missed
     */
    public record Goal(String id, List<String> predicates, String rationale) {
        public static final int MAX_PREDICATES = 4;

        public Goal {
            Objects.requireNonNull(id, "id");
            predicates = List.copyOf(predicates);
            Objects.requireNonNull(rationale, "rationale");
        }
    }
}
