package dev.scenarist.core.pack;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.workspace.Workspace;
import java.util.Map;
import java.util.Optional;

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

    /**
     * The run's parameters under the campaign's pack options (such as {@code tier}). Packs without options keep the
     * default, which refuses any option so that a mistyped or misplaced one is not silently ignored.
     *
     * @throws IllegalArgumentException naming the option, the allowed values and the fix
     */
    default Map<String, Object> parameters(long seed, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("pack '" + name() + "' takes no options, but got " + String.join(", ", new java.util.TreeSet<>(options.keySet()))
                    + "; remove " + (options.size() == 1 ? "it" : "them") + " (e.g. --tier is for packs with tiers such as 'mechanisms')");
        }
        return parameters(seed);
    }

    /**
     * Adds what an accepted scenario needs beyond its workspace files (builds, per-variant manifests, previews) into
     * {@code assembly.target()}, reading by-products its checks left in {@code assembly.artifacts()}. Runs once per
     * accepted run, before the scenario folder is written; the default adds nothing.
     */
    default void assemble(ScenarioAssembly assembly) throws InterruptedException {}

    /**
     * The checks {@code scenarist validate} runs on an existing scenario, by stage name. {@code target} names the file
     * the user named, if any, and the folders besides the scenario's they allowed reads from. The default is every
     * stage's checks.
     */
    default Map<String, java.util.List<Check>> validationChecks(ValidationTarget target) {
        Map<String, java.util.List<Check>> out = new java.util.LinkedHashMap<>();
        for (Stage s : pipeline().stages()) {
            if (!s.checks().isEmpty()) out.put(s.name(), s.checks());
        }
        return out;
    }

    /**
     * One sub-folder that groups this pack's promoted scenarios inside {@code datasets/<pack>/} (mechanisms: its
     * {@code tier<T>}), or empty for none. A pack chooses only this; the rest of the path is {@link #datasetPath}'s.
     */
    default Optional<String> datasetGroup(Map<String, Object> parameters) {
        return Optional.empty();
    }

    /**
     * Where {@code scenarist promote} puts an approved scenario, relative to the data folder — one rule for every
     * pack, so a dataset's layout can be found without knowing the pack: {@code datasets/<pack>/<scenario id>}, or
     * {@code datasets/<pack>/<group>/<scenario id>} when the pack groups its scenarios ({@link #datasetGroup}).
     */
    static String datasetPath(Pack pack, String scenarioId, Map<String, Object> parameters) {
        return "datasets/" + pack.name() + "/" + pack.datasetGroup(parameters).map(g -> g + "/").orElse("") + scenarioId;
    }

    /**
     * What this machine must provide for the pack's checks to run (sandbox, commands, engines), checked before a
     * campaign is stored and listed by {@code scenarist doctor}. The default needs nothing.
     */
    default java.util.List<Requirement> requirements() {
        return java.util.List.of();
    }

    /** The text the uniqueness gate compares between scenarios. */
    String uniquenessText(Workspace workspace);

    /** Similarity at or above which two scenarios are duplicates, in [0,1]. */
    default double duplicateThreshold() {
        return 0.85;
    }

    ScenarioSummary summarize(Workspace workspace);
}
