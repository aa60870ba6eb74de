package dev.scenarist.packs.mechanisms.internal.task;

import java.util.List;
import java.util.Map;

/**
 * A solution judged against its task in MuJoCo: passed when every predicate is met, each with what was measured.
 *
 * @param predicates in a fixed order: {@code reach_goal}, {@code avoid_forbidden}, then {@code effort_budget} when the
 *                   task has one, and {@code sound} (no NaN, no engine error)
 */
public record Verdict(boolean passed, List<Predicate> predicates, Measures measures) {
    public Verdict {
        predicates = List.copyOf(predicates);
    }

    /** One predicate: its name, whether it held, and the measured quantity in words (with units). */
    public record Predicate(String name, boolean met, String measured) {}

    /**
     * The measured quantities. Depths are the subject's signed distance inside the goal box (metres, positive
     * inside); times are seconds of simulation; {@code null} when it never happened.
     *
     * @param holdDepth   the margin: the largest depth the subject kept for the whole hold time
     * @param timeToSpare the time limit minus when the hold completed
     */
    public record Measures(double initialDepth, double bestDepth, double bestDepthTime, Double holdAchievedAt,
                           Double holdDepth, Double timeToSpare, double longestHold, String forbidZone,
                           Double forbidEnteredAt, Map<String, Double> effort, double totalPushEffort,
                           List<Double> finalPosition) {
        public Measures {
            effort = Map.copyOf(effort);
            finalPosition = List.copyOf(finalPosition);
        }
    }

    public Predicate predicate(String name) {
        return predicates.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
