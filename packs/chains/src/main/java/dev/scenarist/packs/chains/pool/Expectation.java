package dev.scenarist.packs.chains.pool;

import java.util.Objects;

/**
 * A deterministic check of a step: {@code semantic_memory.selected_item == "{{step_01_inventory.entries[0].item}}"}.
 *
 * @param source   the check as written
 * @param check    its parts; the operand may hold placeholders, resolved when the step runs
 * @param kind     what the rubric counts it as (defaults from the path: semantic_memory → carryover, session → state, response → answer)
 * @param priority how bad a failure is (defaults from the kind: carryover P0, answer/state P1, presentation P2)
 * @param location file:line where it is written
 */
public record Expectation(String source, Check check, CheckKind kind, Priority priority, String location) {
    public Expectation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(location, "location");
    }

    /** {@code path op operand}; for {@code exists} and {@code missing} the operand is empty. */
    public record Check(String path, Operator op, String operand) {}

    public enum Operator {
        EQUALS("=="), NOT_EQUALS("!="), AT_LEAST(">="), AT_MOST("<="), CONTAINS("contains"), EXISTS("exists"), MISSING("missing");

        public final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public boolean takesOperand() {
            return this != EXISTS && this != MISSING;
        }
    }
}
