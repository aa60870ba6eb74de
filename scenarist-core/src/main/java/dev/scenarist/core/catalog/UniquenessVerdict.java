package dev.scenarist.core.catalog;

import java.util.List;

/**
 * What the catalog says of a candidate: {@link Unique}, {@link Duplicate} (a measure reached its threshold) or
 * {@link Borderline} (a measure is in the band just below its threshold: for a judge to decide). Each names the nearest
 * accepted scenarios, strongest first.
 */
public sealed interface UniquenessVerdict {
    List<Similar> nearest();

    record Unique(List<Similar> nearest) implements UniquenessVerdict {
        public Unique {
            nearest = List.copyOf(nearest);
        }
    }

    record Duplicate(List<Similar> nearest) implements UniquenessVerdict {
        public Duplicate {
            nearest = List.copyOf(nearest);
            if (nearest.isEmpty()) throw new IllegalArgumentException("a duplicate names the scenario it duplicates");
        }
    }

    record Borderline(List<Similar> nearest) implements UniquenessVerdict {
        public Borderline {
            nearest = List.copyOf(nearest);
            if (nearest.isEmpty()) throw new IllegalArgumentException("a borderline verdict names the scenario it is near");
        }
    }

    /**
     * The text for the author (rejection feedback) and for people: the nearest existing scenarios, the measure and score
     * by which each is near, and what they share.
     */
    default String feedback() {
        if (nearest().isEmpty()) return "no accepted scenario is near this one";
        String head = switch (this) {
            case Duplicate d -> "Too similar to existing scenarios — write a different situation, not a rewording:";
            case Borderline b -> "Close to existing scenarios:";
            case Unique u -> "Nearest existing scenarios (not too close):";
        };
        StringBuilder s = new StringBuilder(head);
        for (Similar n : nearest()) s.append("\n- ").append(n.describe());
        if (this instanceof Duplicate) s.append("\nChange what these share: the situation, the people and things involved, or the goal.");
        return s.toString();
    }
}
