package dev.scenarist.app.appworld;

import dev.scenarist.packs.appworld.phone.SimClock;
import dev.scenarist.packs.appworld.phone.log.LogEntry;
import dev.scenarist.packs.appworld.phone.tools.Actor;
import dev.scenarist.packs.appworld.phone.tools.ToolResult;
import dev.scenarist.packs.appworld.play.Judge;
import dev.scenarist.packs.appworld.play.PlayOptions;
import dev.scenarist.packs.appworld.play.PlayResult;
import dev.scenarist.packs.appworld.play.Player;
import dev.scenarist.packs.appworld.play.Transcript;
import dev.scenarist.packs.appworld.play.Verdict;
import dev.scenarist.packs.appworld.scenario.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plays scenarios with the {@link Player} and judges each play with the scenario's validation. A play that could not
 * be judged (a predicate that fails, the agent's model failing for good, a seed the phone refuses) is
 * {@link PlayOutcome.Status#NOT_JUDGED}: never a pass.
 */
public final class ScenarioPlays {
    private final Player player;

    public ScenarioPlays(PlayOptions options) {
        this.player = new Player(options);
    }

    public PlayOutcome play(LoadedScenario loaded, PlayCast casting) throws InterruptedException {
        var scenario = loaded.scenario();
        PlayResult result = player.play(scenario, casting.castFor(scenario));
        var who = new PlayOutcome.Who(casting.agentName(), casting.userName());
        List<Validation.Goal> goals = scenario.validation().goals();
        return switch (result) {
            case PlayResult.Unplayable u -> new PlayOutcome(loaded, who, notJudged("the scenario cannot be played: "
                    + u.problem().location() + ": " + u.problem().message(), goals), Optional.empty(), List.of());
            case PlayResult.AgentFailed f -> new PlayOutcome(loaded, who, notJudged("the play stopped: " + f.problem(), goals),
                    Optional.empty(), log(f.transcript()));
            case PlayResult.Played p -> new PlayOutcome(loaded, who, judge(loaded, p.transcript()),
                    Optional.of(p.ending().name().toLowerCase(Locale.ROOT)), log(p.transcript()));
        };
    }

    private static PlayOutcome.Judgement judge(LoadedScenario loaded, Transcript t) {
        List<Validation.Goal> goals = loaded.scenario().validation().goals();
        return switch (new Judge(loaded.scenario().validation()).judge(t)) {
            case Verdict.Passed ok -> new PlayOutcome.Judgement(PlayOutcome.Status.PASS, Optional.empty(), goals(goals, ok.met()));
            case Verdict.Failed f -> new PlayOutcome.Judgement(PlayOutcome.Status.FAIL, Optional.empty(), goals(goals, f.met()));
            case Verdict.NotJudged n -> notJudged("goal " + n.goalId() + ": predicate " + n.predicate() + " could not be evaluated: "
                    + n.reason(), goals);
        };
    }

    private static PlayOutcome.Judgement notJudged(String reason, List<Validation.Goal> goals) {
        return new PlayOutcome.Judgement(PlayOutcome.Status.NOT_JUDGED, Optional.of(reason), unknown(goals));
    }

    /** Every goal in the validation's order, met (with the predicate that met it) or missed. */
    private static List<PlayOutcome.Goal> goals(List<Validation.Goal> goals, List<Verdict.Met> met) {
        Map<String, Verdict.Met> byId = met.stream().collect(Collectors.toMap(Verdict.Met::goalId, Function.identity(), (a, b) -> a));
        List<PlayOutcome.Goal> out = new ArrayList<>();
        for (Validation.Goal g : goals) {
            Verdict.Met m = byId.get(g.id());
            out.add(new PlayOutcome.Goal(g.id(), m != null, g.rationale(), Optional.ofNullable(m).map(Verdict.Met::predicate)));
        }
        return out;
    }

    /** Goals of a play that was not judged: none counts as met. */
    private static List<PlayOutcome.Goal> unknown(List<Validation.Goal> goals) {
        return goals.stream().map(g -> new PlayOutcome.Goal(g.id(), false, g.rationale(), Optional.empty())).toList();
    }

    /** The agent's and the user's tool calls, in log order. */
    static List<PlayOutcome.Call> log(Transcript t) {
        return t.calls().stream().filter(c -> c.actor() == Actor.AGENT || c.actor() == Actor.USER)
                .map(c -> new PlayOutcome.Call(c.seq(), SimClock.format(c.time()), c.actor().wireName(), c.app() + "__" + c.tool(),
                        c.arguments(), c.result() instanceof ToolResult.Error e ? Optional.of(e.message()) : Optional.<String>empty()))
                .toList();
    }
}
