package dev.scenarist.packs.appworld.scenario.check;

import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.appworld.internal.cel.CelPredicates;
import dev.scenarist.packs.appworld.internal.check.Distractors;
import dev.scenarist.packs.appworld.internal.check.FlowRules;
import dev.scenarist.packs.appworld.internal.check.OracleRunRules;
import dev.scenarist.packs.appworld.internal.check.ValidationRules;
import dev.scenarist.packs.appworld.phone.Phone;
import dev.scenarist.packs.appworld.phone.seed.SeedException;
import dev.scenarist.packs.appworld.play.Cast;
import dev.scenarist.packs.appworld.play.Judge;
import dev.scenarist.packs.appworld.play.OracleAgent;
import dev.scenarist.packs.appworld.play.PlayOptions;
import dev.scenarist.packs.appworld.play.PlayResult;
import dev.scenarist.packs.appworld.play.Player;
import dev.scenarist.packs.appworld.play.Verdict;
import dev.scenarist.packs.appworld.scenario.EventAction;
import dev.scenarist.packs.appworld.scenario.Scenario;
import dev.scenarist.packs.appworld.scenario.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The appworld scenario checks, one entry point per pipeline step: {@link #apps} after apps and data,
 * {@link #events} after the events flow (static rules, then the oracle run), {@link #validation} after validation
 * (static rules, then discriminative validation). Each finding's code is a {@link CheckCode}, which names its
 * {@link Section}.
 */
public final class ScenarioChecks {
    /** Wrong-item agents per scenario: one per write action, at most this many (each is a full play). */
    static final int MAX_WRONG_ITEM_AGENTS = 3;
    private final Player player;
    private final CelPredicates cel = new CelPredicates();
    private final OracleRunRules runRules = new OracleRunRules();

    public ScenarioChecks(PlayOptions options) {
        this.player = new Player(options);
    }

    /** The seed loads into a phone. */
    public List<Finding> apps(Scenario s) {
        try {
            Phone.builder().startAt(s.startTime()).seed(s.apps()).build();
            return List.of();
        } catch (SeedException e) {
            return List.of(CheckCode.APPS_SEED.error(e.getMessage().substring(e.path().length() + 2), e.path()));
        }
    }

    /** The flow's static rules; when they pass, the oracle run's findings. */
    public List<Finding> events(Scenario s) throws InterruptedException {
        List<Finding> out = new ArrayList<>(staticEvents(s));
        if (out.stream().anyMatch(Finding::isError)) return out;
        out.addAll(runRules.check(s, player.playOracle(s)));
        return out;
    }

    public List<Finding> staticEvents(Scenario s) {
        return new FlowRules(Phone.builder().build().registry(), cel).check(s);
    }

    /** The predicates' static rules; when they pass, discriminative validation's findings. */
    public List<Finding> validation(Scenario s) throws InterruptedException {
        List<Finding> out = new ArrayList<>(new ValidationRules(cel).check(s.validation()));
        if (out.stream().anyMatch(Finding::isError)) return out;
        out.addAll(discriminate(s).findings());
        return out;
    }

    /** Every step's checks in pipeline order, stopping at the first section with errors. */
    public List<Finding> all(Scenario s) throws InterruptedException {
        List<Finding> out = new ArrayList<>(apps(s));
        if (out.stream().anyMatch(Finding::isError)) return out;
        out.addAll(events(s));
        if (out.stream().anyMatch(Finding::isError)) return out;
        out.addAll(validation(s));
        return out;
    }

    /** Plays the oracle, the do-nothing agent and the wrong agents, and judges each. */
    public Discrimination discriminate(Scenario s) throws InterruptedException {
        Judge judge = new Judge(s.validation());
        List<Finding> findings = new ArrayList<>();
        Verdict oracle = verdict(judge, player.playOracle(s), "oracle", findings);
        switch (oracle) {
            case Verdict.Failed f -> findings.add(CheckCode.ORACLE_FAILS_VALIDATION.error("the oracle run misses " + missed(f), "$.validation"));
            case Verdict.NotJudged n -> findings.add(notJudged("oracle", n));
            case Verdict.Passed p -> { }
        }
        Verdict noop = verdict(judge, player.play(s, Cast.noop()), "noop", findings);
        mustFail("noop", "does nothing", noop, CheckCode.NOOP_PASSES_VALIDATION, findings);
        List<Discrimination.WrongRun> wrong = new ArrayList<>();
        if (s.events().stream().anyMatch(e -> e.action() instanceof EventAction.Proposal)) {
            wrong.add(wrongRun(s, judge, Cast.scripted(OracleAgent::impatient), "acts as soon as the trigger arrives, without proposing or waiting for acceptance", findings));
        }
        List<Distractors.Swap> swaps = new Distractors().find(s);
        if (swaps.isEmpty() && s.events().stream().anyMatch(e -> e.action() instanceof EventAction.AgentAction)) {
            findings.add(CheckCode.NO_DISTRACTOR.warning("no oracle write has an argument with another item of its kind in the seed, so acting on a wrong item is not tested", "$.apps"));
        }
        for (Distractors.Swap w : swaps.stream().limit(MAX_WRONG_ITEM_AGENTS).toList()) {
            String label = "wrong-item:" + w.eventId();
            wrong.add(wrongRun(s, judge, Cast.scripted(cues -> OracleAgent.rewriting(cues, label, w.eventId(), w::apply)),
                    "in " + w.eventId() + ", " + w.arg() + " is \"" + w.to() + "\" instead of \"" + w.from() + "\"", findings));
        }
        return new Discrimination(oracle, noop, wrong, findings);
    }

    private Discrimination.WrongRun wrongRun(Scenario s, Judge judge, Cast cast, String wrongdoing, List<Finding> findings) throws InterruptedException {
        PlayResult r = player.play(s, cast);
        String name = r instanceof PlayResult.Played p ? p.transcript().agent() : "wrong agent";
        Verdict v = verdict(judge, r, name, findings);
        mustFail(name, wrongdoing, v, CheckCode.WRONG_AGENT_PASSES_VALIDATION, findings);
        return new Discrimination.WrongRun(name, wrongdoing, v);
    }

    private static void mustFail(String agent, String wrongdoing, Verdict v, CheckCode code, List<Finding> findings) {
        switch (v) {
            case Verdict.Passed p -> findings.add(code.error("agent " + agent + " (" + wrongdoing + ") passes; goals that let it: "
                    + p.met().stream().map(m -> m.goalId() + " by predicate " + m.index() + " `" + m.predicate() + "`").collect(Collectors.joining("; ")), "$.validation"));
            case Verdict.NotJudged n -> findings.add(notJudged(agent, n));
            case Verdict.Failed f -> { }
        }
    }

    private static Verdict verdict(Judge judge, PlayResult r, String agent, List<Finding> findings) {
        return switch (r) {
            case PlayResult.Played p -> judge.judge(p.transcript());
            case PlayResult.AgentFailed f -> {
                findings.add(CheckCode.PLAY_FAILED.error("the " + agent + " play failed: " + f.problem(), "$.events"));
                yield new Verdict.NotJudged("", "", f.problem());
            }
            case PlayResult.Unplayable u -> {
                findings.add(u.problem());
                yield new Verdict.NotJudged("", "", u.problem().message());
            }
        };
    }

    private static Finding notJudged(String agent, Verdict.NotJudged n) {
        return CheckCode.VALIDATION_NOT_JUDGED.error("on the " + agent + " run, goal " + n.goalId() + " predicate `" + n.predicate() + "` could not be evaluated: "
                + n.reason(), "$.validation");
    }

    private static String missed(Verdict.Failed f) {
        return f.missed().stream().map(m -> m.goalId() + " (" + m.rationale() + ")").collect(Collectors.joining("; "));
    }
}
