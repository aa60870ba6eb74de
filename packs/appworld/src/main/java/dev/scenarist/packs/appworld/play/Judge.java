package dev.scenarist.packs.appworld.play;

import dev.scenarist.packs.appworld.internal.cel.CelFacts;
import dev.scenarist.packs.appworld.internal.cel.CelPredicates;
import dev.scenarist.packs.appworld.scenario.Validation;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's validation, compiled once, judging plays. The predicates see {@code state} (the final snapshot),
 * {@code apps} (its apps) and {@code log} (the tool calls: seq, time, actor, app, tool, args, outcome, result,
 * error). A goal is met when any of its predicates is true; a predicate that does not compile or fails to evaluate
 * makes the verdict {@link Verdict.NotJudged} — a broken predicate must never read as a pass (or a fail).
 */
public final class Judge {
    private final Validation validation;
    private final CelPredicates cel;
    private final List<List<CelPredicates.Compiled>> compiled = new ArrayList<>();

    public Judge(Validation validation) {
        this(validation, new CelPredicates());
    }

    Judge(Validation validation, CelPredicates cel) {
        this.validation = validation;
        this.cel = cel;
        for (Validation.Goal g : validation.goals()) compiled.add(g.predicates().stream().map(cel::compile).toList());
    }

    public Verdict judge(Transcript t) {
        CelFacts facts = CelFacts.of(t.snapshot(), t.log());
        List<Verdict.Met> met = new ArrayList<>();
        List<Verdict.Missed> missed = new ArrayList<>();
        for (int g = 0; g < compiled.size(); g++) {
            Validation.Goal goal = validation.goals().get(g);
            Verdict.Met hit = null;
            for (int i = 0; i < compiled.get(g).size(); i++) {
                switch (cel.evaluate(compiled.get(g).get(i), facts)) {
                    case CelPredicates.Error e -> {
                        return new Verdict.NotJudged(goal.id(), goal.predicates().get(i), e.message());
                    }
                    case CelPredicates.Value v -> {
                        if (v.value() && hit == null) hit = new Verdict.Met(goal.id(), i, goal.predicates().get(i));
                    }
                }
            }
            if (hit != null) met.add(hit);
            else missed.add(new Verdict.Missed(goal.id(), goal.rationale()));
        }
        return missed.isEmpty() ? new Verdict.Passed(met) : new Verdict.Failed(missed, met);
    }
}
