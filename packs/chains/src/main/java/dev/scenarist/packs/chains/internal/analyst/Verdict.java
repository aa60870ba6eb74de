package dev.scenarist.packs.chains.internal.analyst;

import dev.scenarist.packs.chains.pool.Priority;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analyst's judgement of a pack (or one scenario): a 0–100 score, the defects (the backlog), and whether a person
 * must decide before work goes on. Accepted needs the score at or above the gate and no open P0.
 */
public record Verdict(String analyst, Scores scores, List<Defect> defects, Optional<UserDecision> decision, String summary) {
    public Verdict {
        defects = List.copyOf(defects);
    }

    /** @param perScenario each scenario's own score, by id */
    public record Scores(int score, int gate, Map<String, Integer> perScenario) {
        public Scores {
            if (score < 0 || score > 100) throw new IllegalArgumentException("a score is 0..100, got " + score);
            perScenario = Map.copyOf(perScenario);
        }
    }

    public long openP0() {
        return defects.stream().filter(d -> d.priority() == Priority.P0).count();
    }

    public boolean accepted() {
        return scores.score() >= scores.gate() && openP0() == 0;
    }

    public boolean accepted(String scenarioId) {
        return scores.perScenario().getOrDefault(scenarioId, 0) >= scores.gate()
                && defects.stream().noneMatch(d -> d.priority() == Priority.P0 && scenarioId.equals(d.at().scenarioId()));
    }
}
