package dev.scenarist.packs.chains.pool;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One question of a chain.
 *
 * @param id           e.g. {@code step_01_inventory}; placeholders of later steps name it ({@code {{step_01_inventory.entries[0].item}}})
 * @param wordings     the canonical question and its variants (colloquial, pronoun-only), each possibly with placeholders
 * @param expectations deterministic checks on the reply and the session state after the step
 */
public record ChainStep(String id, Map<Wording, String> wordings, List<Expectation> expectations) {
    public ChainStep {
        Objects.requireNonNull(id, "id");
        if (!wordings.containsKey(Wording.CANONICAL)) throw new IllegalArgumentException("step " + id + " has no canonical question");
        wordings = java.util.Collections.unmodifiableMap(new EnumMap<>(wordings));
        expectations = List.copyOf(expectations);
    }

    public String question() {
        return wordings.get(Wording.CANONICAL);
    }

    /** The question in {@code w}, or the canonical one when this step has no such variant. */
    public String question(Wording w) {
        return wordings.getOrDefault(w, question());
    }
}
