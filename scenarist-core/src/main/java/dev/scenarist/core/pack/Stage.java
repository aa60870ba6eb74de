package dev.scenarist.core.pack;

import java.util.List;
import java.util.Objects;

/**
 * One step of a pipeline. Closed over its four kinds; each kind carries only what it needs.
 */
public sealed interface Stage {
    String name();

    String kind();

    /** The checks run on the stage's output, cheapest tier first; none for review and gate stages. */
    default List<Check> checks() {
        return List.of();
    }

    static void requireName(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9_-]{0,39}")) {
            throw new IllegalArgumentException("stage name '" + name
                    + "' must be lower-case letters, digits, '-' or '_', starting with a letter, at most 40 characters");
        }
    }

    /**
     * Write or edit files, then check them; retry with feedback up to the policy's max attempts.
     *
     * <p>With {@code verifyFirst}, the stage's first attempt makes no author call: it runs the checks on the files
     * as earlier stages left them, and only when they fail does the author get the findings to repair the editable
     * files (a {@code validate} stage whose findings go back to the code). Its kind is then "verify".
     */
    record AuthorStage(String name, String instructions, StagePolicy policy, List<OutputFile> outputs, List<Check> checks,
                       boolean verifyFirst) implements Stage {
        public AuthorStage(String name, String instructions, StagePolicy policy, List<OutputFile> outputs, List<Check> checks) {
            this(name, instructions, policy, outputs, checks, false);
        }

        /** A stage that checks the existing files first and asks the author only to repair what failed. */
        public static AuthorStage verifying(String name, String repairInstructions, StagePolicy policy, List<OutputFile> outputs,
                                            List<Check> checks) {
            return new AuthorStage(name, repairInstructions, policy, outputs, checks, true);
        }

        public AuthorStage {
            requireName(name);
            Objects.requireNonNull(instructions, "instructions");
            Objects.requireNonNull(policy, "policy");
            outputs = List.copyOf(outputs);
            checks = List.copyOf(checks);
            if (outputs.isEmpty()) throw new IllegalArgumentException("stage '" + name + "' declares no output files");
        }

        @Override
        public String kind() {
            return verifyFirst ? "verify" : "author";
        }
    }

    /**
     * Improve existing files in {@code rounds} rounds; each round that passes the checks is scored by
     * {@code scorer} and the best-scoring version (including the starting one) is kept.
     */
    record RefineStage(String name, String instructions, StagePolicy policy, List<OutputFile> outputs, List<Check> checks,
                       Check scorer, int rounds) implements Stage {
        public RefineStage {
            requireName(name);
            Objects.requireNonNull(instructions, "instructions");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(scorer, "scorer");
            outputs = List.copyOf(outputs);
            checks = List.copyOf(checks);
            if (rounds < 1 || rounds > 20) throw new IllegalArgumentException("refine stage '" + name + "': rounds must be 1..20, got " + rounds);
            if (outputs.isEmpty()) throw new IllegalArgumentException("stage '" + name + "' declares no output files");
        }

        @Override
        public String kind() {
            return "refine";
        }
    }

    /** A critic reads the scenario and writes feedback only; later stages see it in their prompts. */
    record ReviewStage(String name, String instructions, StagePolicy policy) implements Stage {
        public ReviewStage {
            requireName(name);
            Objects.requireNonNull(instructions, "instructions");
            Objects.requireNonNull(policy, "policy");
        }

        @Override
        public String kind() {
            return "review";
        }
    }

    /** A decision such as uniqueness: pass, reject the run, or pause it for a person. */
    record GateStage(String name, Gate gate) implements Stage {
        public GateStage {
            requireName(name);
            Objects.requireNonNull(gate, "gate");
        }

        @Override
        public String kind() {
            return "gate";
        }
    }
}
