package dev.scenarist.core.pack;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.workspace.Workspace;
import java.util.Map;

/**
 * A scenario domain: its pipeline and checks, how it describes and fingerprints a scenario, and its offline author.
 */
public interface Pack {
    String name();

    String description();

    /**
     * A fingerprint of the pack's definition (templates, checks, offline recordings). A campaign stores it,
     * and refuses to resume when it has changed.
     */
    String definitionHash();

    /** The pack context placed first in every prompt (domain rules, API reference): stable, so prompt caches hit. */
    String context();

    Pipeline pipeline();

    /**
     * The procedural or recorded author that works with no model at all.
     *
     * @throws IllegalStateException (or a pack-specific subclass) naming the fix when the pack has none
     */
    Author offlineAuthor();

    /**
     * The run's parameters, chosen deterministically from its seed (same seed, same parameters). Values must be
     * JSON types (strings, numbers, booleans, lists, maps): they are stored as JSON and come back as such.
     */
    Map<String, Object> parameters(long seed);

    /** The text the uniqueness gate compares between scenarios. */
    String uniquenessText(Workspace workspace);

    /** Similarity at or above which two scenarios are duplicates, in [0,1]. */
    default double duplicateThreshold() {
        return 0.85;
    }

    ScenarioSummary summarize(Workspace workspace);
}
