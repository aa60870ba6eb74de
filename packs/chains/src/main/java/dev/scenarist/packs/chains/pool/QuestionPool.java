package dev.scenarist.packs.chains.pool;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A question pool: one domain's scenarios, run together as a pack with one aggregate backlog.
 *
 * @param id     the pack id, the folder name under {@code artifacts/domain_runs/}
 * @param source where it was read from (a file path, or {@code bundled:NAME})
 */
public record QuestionPool(String id, String domain, String description, List<ChainScenario> scenarios, String source) {
    public QuestionPool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(description, "description");
        scenarios = List.copyOf(scenarios);
        Objects.requireNonNull(source, "source");
    }

    public Optional<ChainScenario> scenario(String scenarioId) {
        return scenarios.stream().filter(s -> s.id().equals(scenarioId)).findFirst();
    }

    public int stepCount() {
        return scenarios.stream().mapToInt(s -> s.steps().size()).sum();
    }
}
