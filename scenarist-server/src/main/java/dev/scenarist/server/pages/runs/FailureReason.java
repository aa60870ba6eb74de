package dev.scenarist.server.pages.runs;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.RejectReason;
import dev.scenarist.core.store.AttemptRecord;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.server.pages.Html;
import java.util.List;
import java.util.Optional;

/**
 * Why a run did not become a scenario, in plain words: what happened (by reject reason or state), the engine's own one-line
 * explanation, and the first error finding of its last failed attempt with how a person fixes it.
 */
public final class FailureReason {
    private FailureReason() {}

    /** The box for a run that failed, was rejected, cancelled or paused; empty for a run that is fine or still going. */
    public static String render(RunRecord r, List<AttemptRecord> attempts) {
        Optional<String> headline = headline(r, attempts);
        if (headline.isEmpty()) return "";
        StringBuilder b = new StringBuilder("<section class=\"failure\" id=\"failure\"><h2>").append(Html.escape(title(r)))
                .append(r.state() == dev.scenarist.core.model.RunState.REJECTED ? r.rejectReason().map(x -> " <span class=\"small muted\" id=\"reject-reason\">reason: "
                        + Html.escape(x.label()) + "</span>").orElse("") : "")
                .append("</h2><p id=\"failure-reason\">")
                .append(Html.escape(headline.get())).append("</p>");
        if (!r.detail().isEmpty()) b.append("<p class=\"small\">Engine's note: ").append(Html.escape(r.detail())).append("</p>");
        firstError(r, attempts).ifPresent(f -> b.append("<p id=\"first-error\"><b>First error:</b> <code>").append(Html.escape(f.code())).append("</code>")
                .append(f.location().isEmpty() ? "" : " at <code>" + Html.escape(f.location()) + "</code>").append(" — ").append(Html.escape(f.message()))
                .append(f.fix().isEmpty() ? "" : "<br><b>Fix:</b> " + Html.escape(f.fix())).append("</p>"));
        if (r.state() == dev.scenarist.core.model.RunState.PAUSED) {
            b.append("<p><a class=\"button\" id=\"open-gate\" href=\"/runs/").append(Html.escape(r.id())).append("/gate\">Review this run</a></p>");
        }
        return b.append("</section>").toString();
    }

    private static String title(RunRecord r) {
        return switch (r.state()) {
            case REJECTED -> "Rejected";
            case FAILED_INFRA -> "Failed on infrastructure";
            case CANCELLED -> "Cancelled";
            case PAUSED -> "Paused";
            default -> "";
        };
    }

    static Optional<String> headline(RunRecord r, List<AttemptRecord> attempts) {
        return switch (r.state()) {
            case REJECTED -> Optional.of(switch (r.rejectReason().orElse(RejectReason.GATE)) {
                case CHECKS_EXHAUSTED -> lastFailedStage(attempts).map(s -> "Stage '" + s + "' used all its attempts and its checks still failed,"
                        + " so the run was rejected. The last attempt's errors are below.").orElse("A stage used all its attempts without passing its checks.");
                case DUPLICATE -> "The scenario came out too close to one already accepted, so it was not kept (uniqueness gate).";
                case BUDGET -> "The campaign's budget (runs, tokens, cost or wall time) ran out before this run finished.";
                case GATE -> "A gate of the pipeline decided against this scenario.";
                case PERSON -> "A person reviewing the run rejected it" + (r.detail().isEmpty() ? "." : ": " + r.detail());
            });
            case FAILED_INFRA -> Optional.of("The model service or the sandbox failed (not the content): retries ran out."
                    + " The scenario was not judged; 'Retry failed' on the campaign runs it again.");
            case CANCELLED -> Optional.of("The run was cancelled before it finished.");
            case PAUSED -> Optional.of("The run is paused, waiting for a person" + (r.detail().isEmpty() ? "." : ": " + r.detail())
                    + " Open its gate to review, edit, re-check and approve or reject it.");
            default -> Optional.empty();
        };
    }

    private static Optional<String> lastFailedStage(List<AttemptRecord> attempts) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (attempts.get(i).verdict() == dev.scenarist.core.store.AttemptVerdict.FAILED) return Optional.of(attempts.get(i).stage());
        }
        return Optional.empty();
    }

    private static Optional<Finding> firstError(RunRecord r, List<AttemptRecord> attempts) {
        Optional<Finding> fromProgress = r.progress().lastFindings().stream().filter(Finding::isError).findFirst();
        if (fromProgress.isPresent()) return fromProgress;
        for (int i = attempts.size() - 1; i >= 0; i--) {
            Optional<Finding> f = attempts.get(i).findings().stream().filter(Finding::isError).findFirst();
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }
}
