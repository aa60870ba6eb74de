package dev.scenarist.core.catalog;

import dev.scenarist.core.author.AuthorException;
import dev.scenarist.core.pack.Critic;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides a borderline candidate (see {@link UniquenessVerdict.Borderline}): is it a new scenario (PASS) or a rewording
 * of the nearest accepted one (RETRY), with a reason. Asked only in the borderline band, and only when configured
 * ({@link UniquenessRules#askJudge()}); {@link #asking(Critic)} asks a model through the engine's critic, so the call is
 * paced, retried, accounted and recorded like a judge check's.
 */
@FunctionalInterface
public interface UniquenessJudge {
    sealed interface Answer {
        String reason();

        record Pass(String reason) implements Answer {}

        record Retry(String reason) implements Answer {}
    }

    /**
     * @param candidate the candidate's uniqueness text
     * @param nearest   the nearest accepted scenario (its text is {@code nearest.item().text()})
     * @throws AuthorException when the model could not be asked; the gate then applies {@link UniquenessRules#withoutJudge()}
     */
    Answer judge(String candidate, Similar nearest) throws AuthorException, InterruptedException;

    /** The purpose a critic-backed judge's requests carry ({@code <stage>:uniqueness:judge}), e.g. for recorded replies. */
    String PURPOSE = "uniqueness:judge";

    String SYSTEM = """
            You decide whether a newly generated test scenario is genuinely different from an existing one, or a rewording \
            of it. Different means another situation, other people or things involved, or another goal — not merely other \
            names, numbers or phrasing. Answer on the first line with exactly PASS (genuinely different) or RETRY \
            (a rewording), then one sentence saying why.""";

    /** A judge that asks the model behind {@code critic}; a reply that starts with neither PASS nor RETRY is an error. */
    static UniquenessJudge asking(Critic critic) {
        Objects.requireNonNull(critic, "critic");
        return (candidate, nearest) -> {
            String prompt = "## Existing scenario " + nearest.item().label() + "\n\n" + nearest.item().text().strip()
                    + "\n\n## New scenario\n\n" + candidate.strip()
                    + "\n\n## Why they were compared\n\n" + nearest.describe() + "\n\nPASS or RETRY?";
            return parse(critic.ask(PURPOSE, SYSTEM, prompt));
        };
    }

    /** Reads a judge's reply: the first word PASS or RETRY (any case, markdown emphasis ignored), the rest the reason. */
    static Answer parse(String reply) throws AuthorException {
        String text = reply == null ? "" : reply.strip().replaceFirst("^[*_#`\\s]+", "");
        String upper = text.toUpperCase(Locale.ROOT);
        String reason = text.replaceFirst("(?i)^(PASS|RETRY)[*_`]*[\\s:.,—-]*", "").strip();
        if (upper.startsWith("PASS")) return new Answer.Pass(reason);
        if (upper.startsWith("RETRY")) return new Answer.Retry(reason);
        throw new dev.scenarist.core.author.PermanentAuthorException("the uniqueness judge answered neither PASS nor RETRY: "
                + (text.length() > 120 ? text.substring(0, 120) + "…" : text));
    }
}
