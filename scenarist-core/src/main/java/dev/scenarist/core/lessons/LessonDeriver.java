package dev.scenarist.core.lessons;

import dev.scenarist.core.analytics.AnalyticsReport.FailurePattern;
import java.util.List;

/**
 * Turns a failure pattern into a guidance line, deterministically: the same pattern always gives the same words, so
 * prompts (and the provider's prompt cache, and recorded cassettes) stay stable across refreshes. The count is not
 * part of the text for that reason; it is kept beside it.
 *
 * <p>The line says what went wrong (code and message pattern) and what to do instead: the finding's hint, which is
 * written for the model, or else its fix for people, or else a plain "avoid".
 */
public final class LessonDeriver {
    /** A pattern seen once may be chance; twice is a habit worth a line in every prompt. */
    public static final long MIN_OCCURRENCES = 2;
    /** Prompts stay short: only the most frequent patterns become lessons. */
    public static final int MAX_LESSONS = 10;
    static final int MAX_TEXT = 400;

    private LessonDeriver() {}

    /** The patterns worth a lesson, most frequent first (as {@code patterns} are ordered). */
    public static List<FailurePattern> worthALesson(List<FailurePattern> patterns) {
        return patterns.stream().filter(p -> p.occurrences() >= MIN_OCCURRENCES).limit(MAX_LESSONS).toList();
    }

    public static String text(FailurePattern p) {
        String advice = !p.hint().isBlank() ? p.hint() : !p.fix().isBlank() ? p.fix() : "avoid it";
        String where = p.check().equals(dev.scenarist.core.store.FindingRow.GUARDRAIL) ? "the reply check" : "check '" + p.check() + "'";
        String s = "Earlier runs often failed " + where + " with " + p.code() + " (\"" + p.messagePattern() + "\"): "
                + oneLine(advice) + (advice.strip().endsWith(".") ? "" : ".");
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
