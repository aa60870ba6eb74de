package dev.scenarist.packs.chains;

import dev.scenarist.core.author.Author;

/** Who judges after the deterministic checks: the offline rubric scorer, or a model with the rubric. */
public sealed interface AnalystSpec {
    /** the documented deterministic formula over the checks' results: no model, reproducible, free */
    record Offline() implements AnalystSpec {}

    /** a model asked through core's Author API ({@code provider:model}, built by the app's model wiring) */
    record Model(Author author) implements AnalystSpec {}
}
