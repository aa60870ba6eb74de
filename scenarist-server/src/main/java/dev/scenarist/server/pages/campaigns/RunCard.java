package dev.scenarist.server.pages.campaigns;

import dev.scenarist.core.model.RunState;
import dev.scenarist.core.store.RunRecord;
import dev.scenarist.server.CampaignRequests.StageInfo;
import dev.scenarist.server.pages.Badge;
import dev.scenarist.server.pages.Bar;
import dev.scenarist.server.pages.Html;
import dev.scenarist.server.pages.Numbers;
import java.util.List;

/**
 * One run's card: live state, current stage and attempt, a bar of stages passed. The outer element listens to the
 * campaign's stream for {@code run-<id>} and swaps in a fresh inner part; a card must stay on one line (an SSE data line).
 */
public final class RunCard {
    private RunCard() {}

    /** The SSE event name that carries this run's card. */
    public static String event(String runId) {
        return "run-" + runId;
    }

    /** The card with its listening wrapper, as the page and the {@code cards} event insert it. */
    public static String outer(RunRecord r, List<StageInfo> stages) {
        return "<article id=\"run-" + Html.escape(r.id()) + "\" class=\"run-card\" data-run=\"" + Html.escape(r.id()) + "\" sse-swap=\""
                + Html.escape(event(r.id())) + "\">" + inner(r, stages) + "</article>";
    }

    /** The card grid of a campaign (swapped in whole by the {@code cards} event). */
    public static String grid(List<RunRecord> runs, List<StageInfo> stages) {
        StringBuilder b = new StringBuilder("<div id=\"cards\" class=\"cards\">");
        for (RunRecord r : runs) b.append(outer(r, stages));
        return b.append("</div>").toString();
    }

    /** What a {@code run-<id>} event swaps into the wrapper. */
    public static String inner(RunRecord r, List<StageInfo> stages) {
        int total = stages.size();
        int index = r.progress().stageIndex();
        String state = r.state().label();
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"card ").append(Html.escape(state)).append("\"><div class=\"head\"><a href=\"/runs/").append(Html.escape(r.id()))
                .append("\" title=\"").append(Html.escape(r.id())).append("\">run #").append(r.ordinal()).append("</a>")
                .append(Badge.state(state)).append("</div>");
        b.append("<div class=\"where\">").append(where(r, stages)).append("</div>");
        int passed = r.state() == RunState.ACCEPTED ? Math.max(total, 1) : Math.min(index, total);
        String tone = r.state() == RunState.ACCEPTED ? "done" : r.state() == RunState.REJECTED || r.state() == RunState.FAILED_INFRA ? "bad" : "";
        b.append(Bar.of(passed, Math.max(total, 1), tone, "stages passed"));
        b.append("<div class=\"progress-label\">").append(total == 0 ? "" : passed + " of " + total + " stages · ")
                .append(Html.escape(Numbers.usage(r.progress().usage()))).append("</div>");
        String detail = r.rejectReason().map(x -> x.label().replace('_', ' ') + (r.detail().isEmpty() ? "" : ": ")).orElse("") + r.detail();
        if (!detail.isEmpty()) b.append("<div class=\"detail\">").append(Html.escape(oneLine(detail, 220))).append("</div>");
        if (r.state() == RunState.PAUSED) {
            b.append("<a class=\"button small\" href=\"/runs/").append(Html.escape(r.id())).append("/gate\">Review</a>");
        }
        return b.append("</div>").toString();
    }

    /** Where the run is: its stage by name and which attempt, in words. */
    private static String where(RunRecord r, List<StageInfo> stages) {
        int index = r.progress().stageIndex();
        int spent = r.progress().stageAttempts();
        return switch (r.state()) {
            case QUEUED -> "<span class=\"muted\">waiting to start</span>";
            case ACCEPTED -> "all stages passed";
            case CANCELLED -> "<span class=\"muted\">cancelled</span>";
            default -> {
                if (index >= stages.size() && !stages.isEmpty()) yield "all stages passed";
                String name = index < stages.size() ? stages.get(index).name() : "stage " + (index + 1);
                int max = index < stages.size() ? stages.get(index).maxAttempts() : 0;
                int attempt = r.state() == RunState.RUNNING ? spent + 1 : Math.max(spent, 1);
                yield "stage <b class=\"stage\">" + Html.escape(name) + "</b> · attempt <span class=\"attempt-no\">" + attempt + "</span>"
                        + (max > 0 ? " of " + max : "");
            }
        };
    }

    static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
