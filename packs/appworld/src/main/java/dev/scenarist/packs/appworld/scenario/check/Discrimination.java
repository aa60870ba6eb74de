package dev.scenarist.packs.appworld.scenario.check;

import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.appworld.play.Verdict;
import java.util.List;

/**
 * Whether a scenario's validation tells good from bad: the oracle passes, the do-nothing agent fails, and every
 * wrong agent fails. {@code findings} name each agent that slipped through and the goals that let it.
 */
public record Discrimination(Verdict oracle, Verdict noop, List<WrongRun> wrong, List<Finding> findings) {
    public Discrimination {
        wrong = List.copyOf(wrong);
        findings = List.copyOf(findings);
    }

    /** One wrong agent's play: what it did wrong and the verdict. */
    public record WrongRun(String agent, String wrongdoing, Verdict verdict) {}

    public boolean discriminative() {
        return findings.stream().noneMatch(Finding::isError);
    }
}
