package dev.scenarist.packs.services.internal.plan;

import java.util.List;

/**
 * One criterion's score and what cost it points: {@code score} is 5 minus the number of rules in {@code missed}.
 *
 * @param missed one short phrase per rule the plan does not meet, in rule order
 */
public record Assessment(Criterion criterion, int score, List<String> missed) {
    public Assessment {
        missed = List.copyOf(missed);
        if (score < 0 || score > Rubric.MAX) throw new IllegalArgumentException("score " + score + " outside 0.." + Rubric.MAX);
    }

    static Assessment of(Criterion criterion, List<String> missed) {
        return new Assessment(criterion, Rubric.MAX - missed.size(), missed);
    }

    /** {@code completeness 4/5 (only one risk)} or {@code completeness 5/5}. */
    public String reason() {
        return criterion.key() + " " + score + "/" + Rubric.MAX + (missed.isEmpty() ? "" : " (" + String.join("; ", missed) + ")");
    }
}
