package dev.scenarist.packs.mechanisms.internal.task;

import dev.scenarist.packs.mechanisms.internal.design.PartBudget;
import dev.scenarist.packs.mechanisms.internal.design.PartCheck;
import java.util.List;
import java.util.Map;

/**
 * A solution judged against its task in MuJoCo: passed when every predicate is met, each with what was measured.
 *
 * @param predicates in a fixed order: {@code reach_goal}, {@code avoid_forbidden}, then {@code effort_budget} when the
 *                   task has one, {@code design} when the task has a design or the solution adds parts, and
 *                   {@code sound} (no NaN, no engine error)
 */
public record Verdict(boolean passed, List<Predicate> predicates, Measures measures) {
    public Verdict {
        predicates = List.copyOf(predicates);
    }

    /** One predicate: its name, whether it held, and the measured quantity in words (with units). */
    public record Predicate(String name, boolean met, String measured) {}

    /**
     * The measured quantities. Depths are the subject's signed distance inside the goal box (metres, positive
     * inside); times are seconds of simulation.
     *
     * @param hold   the first complete hold, null when there was none
     * @param forbid the first entry into a forbidden zone, null when there was none
     * @param parts  the solution's designed parts: their budget and where each lay at t = 0 (none: an empty budget)
     */
    public record Measures(Approach approach, Hold hold, Forbid forbid, Effort effort, List<Double> finalPosition, Parts parts) {
        public Measures {
            finalPosition = List.copyOf(finalPosition);
            parts = parts == null ? Parts.NONE : parts; // proofs recorded before parts existed have none
        }

        public double initialDepth() {
            return approach.initialDepth();
        }

        public double bestDepth() {
            return approach.bestDepth();
        }

        public double bestDepthTime() {
            return approach.bestDepthTime();
        }

        public double longestHold() {
            return approach.longestHold();
        }

        public Double holdAchievedAt() {
            return hold == null ? null : hold.achievedAt();
        }

        /** The margin: the largest depth the subject kept for the whole hold time. */
        public Double holdDepth() {
            return hold == null ? null : hold.depth();
        }

        /** The time limit minus when the hold completed. */
        public Double timeToSpare() {
            return hold == null ? null : hold.timeToSpare();
        }

        public String forbidZone() {
            return forbid == null ? null : forbid.zone();
        }

        public Double forbidEnteredAt() {
            return forbid == null ? null : forbid.enteredAt();
        }
    }

    /** How the subject approached the goal: where it started, the deepest it got and when, its longest stay. */
    public record Approach(double initialDepth, double bestDepth, double bestDepthTime, double longestHold) {}

    /** The first complete hold: when it completed, the depth kept for the whole hold, and the time left. */
    public record Hold(double achievedAt, double depth, double timeToSpare) {}

    public record Forbid(String zone, double enteredAt) {}

    /**
     * The time integral of |value| per control (its unit's seconds: N·s for a push), and the pushes' sum, which an
     * effort budget limits.
     */
    public record Effort(Map<String, Double> perControl, double totalPush) {
        public Effort {
            perControl = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perControl)); // in the controls' order, for the report
        }
    }

    /** The designed parts: counted, weighed and measured against the budget, and each one's place at t = 0. */
    public record Parts(PartBudget budget, List<PartCheck> checks) {
        static final Parts NONE = new Parts(new PartBudget(0, 0, 0, List.of()), List.of());

        public Parts {
            checks = List.copyOf(checks);
        }

        public boolean ok() {
            return budget.within() && checks.stream().allMatch(PartCheck::ok);
        }
    }

    public Predicate predicate(String name) {
        return predicates.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
