package dev.scenarist.core.pack;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.workspace.Workspace;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario domain: what every pack must answer — its pipeline and checks, how it describes and fingerprints a
 * scenario, its parameters per seed, and its offline author. What only some packs do (take options, assemble extra
 * files, choose validation checks, group datasets, need things of the machine, set a duplicate threshold) is an
 * optional {@link PackCapability} the pack implements; {@link Capabilities} answers for any pack, with the defaults.
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

    /**
     * This pack as the given optional capability, if it has it. A pack declares a capability by implementing its
     * interface, which this default finds; a pack that delegates (a wrapper) overrides it to answer for what it wraps.
     * Ask through {@link Capabilities}, which applies the default for a pack without one.
     */
    default <C extends PackCapability> Optional<C> capability(Class<C> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /** The text the uniqueness gate compares between scenarios. */
    String uniquenessText(Workspace workspace);

    ScenarioSummary summarize(Workspace workspace);
}
