package dev.scenarist.packs.appworld.internal.offline;

import dev.scenarist.packs.appworld.scenario.Scenario;
import java.util.List;

/**
 * One scenario family of the offline author: a procedural generator of whole, valid, discriminative scenarios of one
 * kind (reply to an invitation, reschedule a calendar conflict, …). Everything that varies — people, times, places,
 * amounts, the distractor data, the wording of the narrative — comes from the seed, so the same seed gives the same
 * scenario and different seeds give scenarios the uniqueness gate tells apart.
 */
public interface Family {
    /** A short id, lower-case with '-', e.g. {@code reply-to-invitation}; also the scenario ids' prefix. */
    String id();

    /** What the family is about, one line (the description stage's theme). */
    String theme();

    /** The apps its scenarios are about: their {@code core_apps}, the uniqueness group. */
    List<String> coreApps();

    /**
     * The whole scenario for this seed: description (with {@link #coreApps()}), apps, events and validation. It must
     * read back through {@code ScenarioReader}, pass every {@code ScenarioChecks} step with no error (the oracle passes,
     * the do-nothing and wrong agents fail), and its id must be {@code id() + "-" + seed}.
     */
    Scenario generate(long seed);
}
