package dev.scenarist.core.pack;

import dev.scenarist.core.model.CheckResult;

/**
 * One verification of a scenario's files. Checks run cheapest tier first; when any check of a tier fails,
 * more expensive tiers are not run (there is no point simulating a file that does not parse).
 */
public interface Check {
    /** Tier for ordering: 0 = instant (file exists), 10 = parse/schema, 50 = runs a process, 100 = simulation or a model. */
    int TIER_INSTANT = 0;
    int TIER_PARSE = 10;
    int TIER_PROCESS = 50;
    int TIER_EXPENSIVE = 100;

    String name();

    int tier();

    /**
     * Runs the check. Return {@link CheckResult.Failed} for what is wrong with the scenario and
     * {@link CheckResult.Errored} when the check itself could not run; do not throw for either.
     */
    CheckResult run(CheckContext context) throws InterruptedException;
}
