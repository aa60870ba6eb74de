package dev.scenarist.packs.chains.internal.analyst;

import dev.scenarist.packs.chains.pool.Priority;

/**
 * One problem the analyst found, an item of the backlog.
 *
 * @param title stable across scenarios (so the backlog groups the same defect), e.g.
 *              {@code context lost on pronoun_only follow-up: semantic_memory.selected_item}
 * @param check the failed check, or empty for a judgement of the model
 */
public record Defect(Priority priority, Location at, String title, String detail, String check) {
    /** Where: scenario, step and wording; a field is empty when the defect is about more than one. */
    public record Location(String scenarioId, String stepId, String wording) {}
}
