package dev.scenarist.packs.appworld.play;

import java.util.List;

/** The validation's verdict on one play. {@link NotJudged} is never a pass. */
public sealed interface Verdict {
    /** Every goal met; {@code met} says which predicate met each. */
    record Passed(List<Met> met) implements Verdict {
        public Passed {
            met = List.copyOf(met);
        }
    }

    /** At least one goal missed. */
    record Failed(List<Missed> missed, List<Met> met) implements Verdict {
        public Failed {
            missed = List.copyOf(missed);
            met = List.copyOf(met);
        }
    }

    /** A predicate did not compile or could not be evaluated: nothing can be said. */
    record NotJudged(String goalId, String predicate, String reason) implements Verdict {}

    /** Goal {@code goalId} was met by its predicate number {@code index} (0-based). */
    record Met(String goalId, int index, String predicate) {}

    /** Goal {@code goalId} was not met; the rationale says what it stood for. */
    record Missed(String goalId, String rationale) {}

    default boolean passed() {
        return this instanceof Passed;
    }
}
