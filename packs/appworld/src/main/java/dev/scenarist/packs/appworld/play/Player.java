package dev.scenarist.packs.appworld.play;

import dev.scenarist.packs.appworld.internal.cel.CelPredicates;
import dev.scenarist.packs.appworld.internal.play.PlaySession;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.util.Objects;

/**
 * Plays scenarios: each play on a fresh phone seeded from the scenario, with simulated time only. See
 * {@link Cast} for who plays and {@link PlayResult} for how it can end.
 */
public final class Player {
    private final PlayOptions options;
    private final CelPredicates cel = new CelPredicates();

    public Player(PlayOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public PlayResult play(Scenario scenario, Cast cast) throws InterruptedException {
        return new PlaySession(scenario, options, cel).run(cast.agent(), cast.user(), cast.scripted());
    }

    /** The reference run: the oracle agent and the scripted user. */
    public PlayResult playOracle(Scenario scenario) throws InterruptedException {
        return play(scenario, Cast.oracle());
    }
}
