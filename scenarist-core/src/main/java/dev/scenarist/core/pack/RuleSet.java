package dev.scenarist.core.pack;

import java.util.Objects;

/**
 * One of the rule sets a pack can judge a scenario by ({@link ValidationPlan#ruleSets()}), named so that the person
 * can choose it ({@code validate --rules NAME}) and the report can say which applied.
 *
 * @param name    what the person types, e.g. "mujoco"
 * @param meaning one line on what passing means under it, e.g. "what MuJoCo accepts: loads and simulates 1 s cleanly"
 */
public record RuleSet(String name, String meaning) {
    public RuleSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meaning, "meaning");
    }
}
