package dev.scenarist.packs.chains.internal.generate;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.packs.chains.internal.path.Placeholders;
import dev.scenarist.packs.chains.pool.ChainStep;
import dev.scenarist.packs.chains.pool.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every step has the acceptance matrix's wordings: each follow-up its canonical, colloquial and pronoun-only question;
 * the root question its canonical and colloquial one (a pronoun-only root would point back at nothing — the runner asks
 * a step without that variant canonically in the pronoun-only pass, which is what opens the context the follow-ups then
 * only point back to). A variant must differ from the canonical question, and a pronoun-only question must name nothing
 * the conversation selected: no placeholder, only "it", "that", "that day".
 */
public final class WordingsCheck implements Check {
    @Override
    public String name() {
        return "wordings";
    }

    @Override
    public int tier() {
        return TIER_PARSE + 1;
    }

    @Override
    public CheckResult run(CheckContext context) {
        if (!(PoolDraft.read(context.workspace()) instanceof PoolDraft.Read.Chain draft)) return CheckResult.passed(); // pool-format reports it
        List<Finding> findings = new ArrayList<>();
        List<ChainStep> steps = draft.chain().steps();
        for (int i = 0; i < steps.size(); i++) {
            ChainStep s = steps.get(i);
            String at = draft.stepLocation(i);
            List<Wording> needed = i == 0 ? List.of(Wording.COLLOQUIAL) : List.of(Wording.COLLOQUIAL, Wording.PRONOUN_ONLY);
            for (Wording w : needed) {
                if (!s.wordings().containsKey(w)) {
                    findings.add(Finding.error("WORDING_MISSING", "step " + s.id() + " has no " + w.key() + " wording", at,
                            "add under the step 'variants:' with '" + w.key() + ": …' (" + (w == Wording.COLLOQUIAL ? "how people actually type it"
                                    : "the follow-up pointing back with 'it' or 'that', naming nothing") + ")"));
                }
            }
            s.wordings().forEach((w, q) -> {
                if (w != Wording.CANONICAL && normal(q).equals(normal(s.question()))) {
                    findings.add(Finding.error("WORDING_SAME", "step " + s.id() + "'s " + w.key() + " wording is its canonical question again", at,
                            "reword it: " + (w == Wording.COLLOQUIAL ? "casual, as typed in a chat" : "point back with 'it' or 'that' instead of naming")));
                }
            });
            String pronoun = s.wordings().get(Wording.PRONOUN_ONLY);
            if (pronoun != null && !Placeholders.find(pronoun).isEmpty()) {
                findings.add(Finding.error("PRONOUN_NAMES", "step " + s.id() + "'s pronoun_only wording names what it asks about: {{"
                        + Placeholders.find(pronoun).getFirst() + "}}", at, "replace the placeholder with 'it', 'that' or 'that day'; the assistant"
                        + " must find the object in the conversation's memory"));
            }
        }
        return CheckResult.of(findings);
    }

    private static String normal(String q) {
        return q.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9{}._\\[\\]]+", " ").strip();
    }
}
