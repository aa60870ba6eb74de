package dev.scenarist.server.pages.campaigns;

import dev.scenarist.server.pages.Html;
import dev.scenarist.server.pages.Numbers;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One line of a campaign's live log, from an event as {@code /api/events} describes it (bus or store), in words: which
 * run, which stage, what came of it. Lines are prepended, newest first.
 */
public final class LogLine {
    public static final String EVENT = "log";

    private LogLine() {}

    /** @param runLabel names a run id for people ({@code run #3}) */
    public static String render(Instant at, Map<String, Object> e, Function<String, String> runLabel) {
        String type = str(e.get("type"));
        String run = e.get("run_id") == null ? "" : runLabel.apply(str(e.get("run_id"))) + " ";
        String text = switch (type) {
            case "campaign-started" -> "started: " + e.get("requested") + " requested, " + e.get("already_accepted") + " already accepted";
            case "run-started" -> run + "started";
            case "stage-started" -> run + "stage " + e.get("stage") + " started";
            case "check-finished" -> run + e.get("stage") + ": check " + e.get("check") + " " + lower(e.get("status")) + " in " + Numbers.millis(num(e.get("millis")));
            case "attempt-finished" -> run + e.get("stage") + " attempt " + e.get("stage_attempt") + ": " + lower(e.get("verdict"))
                    + (num(e.get("error_findings")) > 0 ? " (" + e.get("error_findings") + " error findings)" : "");
            case "infra-retry" -> run + e.get("stage") + ": infrastructure retry " + e.get("retry") + " in " + Numbers.millis(num(e.get("delay_millis")))
                    + " — " + e.get("error");
            case "circuit-changed" -> Boolean.TRUE.equals(e.get("paused")) ? "author calls paused: " + e.get("reason") : "author calls resumed";
            case "run-finished" -> run + "finished: " + lower(e.get("state")) + (str(e.get("detail")).isEmpty() ? "" : " — " + e.get("detail"));
            case "campaign-finished" -> "finished: " + lower(e.get("status")) + ", " + e.get("accepted") + " of " + e.get("requested") + " accepted"
                    + (str(e.get("reason")).isEmpty() ? "" : " — " + e.get("reason"));
            case "campaign-changed" -> "now " + lower(e.get("status")) + (str(e.get("stop_reason")).isEmpty() ? "" : " — " + e.get("stop_reason"));
            case "run-changed" -> run + "now " + lower(e.get("state")) + ", stage " + (num(e.get("stage_index")) + 1) + ", " + e.get("attempts") + " attempts";
            default -> run + type;
        };
        String tone = text.contains(": passed") || text.contains("accepted") && !text.contains("0 of") ? "ok"
                : text.contains(": failed") || text.contains("rejected") || text.contains("failed_infra") ? "bad" : "";
        return "<li><time>" + Numbers.clock(at) + "</time><span class=\"ev\">" + Html.escape(type) + "</span><span class=\"" + tone + "\">"
                + Html.escape(RunCard.oneLine(text, 400)) + "</span></li>";
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static String lower(Object o) {
        return str(o).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
