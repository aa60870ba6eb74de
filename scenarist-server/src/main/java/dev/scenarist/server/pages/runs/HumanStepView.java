package dev.scenarist.server.pages.runs;

import dev.scenarist.server.pages.Html;
import java.util.List;
import java.util.Map;

/**
 * A person's step in a run's timeline (a {@code human} line of {@code steps.jsonl}): who did what, when — a file edited
 * at a gate (with the lines it changed), the checks re-run (passed or the findings' count), the run approved or rejected
 * (with the reason), the scenario approved or rejected in the review queue. Other kinds of line the page has no view of
 * are shown by their type and fields.
 */
final class HumanStepView {
    private HumanStepView() {}

    static String render(Step s) {
        Map<String, Object> raw = s.raw();
        if (!"human".equals(s.type())) {
            return "<li class=\"note\"><div class=\"attempt\"><b>" + Html.escape(s.type()) + "</b> <span class=\"small muted\">"
                    + Html.escape(excerpt(raw)) + "</span></div></li>";
        }
        String action = text(raw, "action");
        return "<li class=\"human\" data-action=\"" + Html.escape(action) + "\"><div class=\"attempt human-step\"><span class=\"state human\">person</span> "
                + what(action, raw) + " <span class=\"small muted\">by <code>" + Html.escape(text(raw, "who")) + "</code> at "
                + Html.escape(text(raw, "at")) + "</span></div></li>";
    }

    private static String what(String action, Map<String, Object> raw) {
        String stage = Html.escape(text(raw, "stage"));
        return switch (action) {
            case "edit" -> "edited <b class=\"mono\">" + Html.escape(text(raw, "file")) + "</b> at the gate after stage " + stage + " "
                    + (Boolean.TRUE.equals(raw.get("changed")) ? "(+" + number(raw, "lines_added") + " −" + number(raw, "lines_removed") + " lines)" : "(unchanged)");
            case "recheck" -> "re-ran the checks of stage " + stage + ": " + (Boolean.TRUE.equals(raw.get("passed")) ? "<b>passed</b>"
                    : "<b>not passed</b>, " + findings(raw) + " finding(s)");
            case "approve" -> "<b>approved</b> the run after stage " + stage + "; it continued from the next stage";
            case "reject" -> "<b>rejected</b> the run at the gate after stage " + stage + ": " + Html.escape(text(raw, "reason"));
            case "review.approve" -> "<b>approved</b> the scenario in the review queue, promoted into the dataset" + dataset(text(raw, "dataset"));
            case "review.reject" -> "<b>rejected</b> the scenario in the review queue: " + Html.escape(text(raw, "reason"));
            default -> Html.escape(action) + " <span class=\"small muted\">" + Html.escape(excerpt(raw)) + "</span>";
        };
    }

    /** Where a promoted scenario went, from the data folder's {@code datasets/} on (the line holds the absolute path). */
    private static String dataset(String path) {
        int at = path.replace('\\', '/').lastIndexOf("/datasets/");
        return path.isEmpty() ? "" : " <code>" + Html.escape(at < 0 ? path : path.replace('\\', '/').substring(at + 1)) + "</code>";
    }

    private static long findings(Map<String, Object> raw) {
        if (!(raw.get("checks") instanceof List<?> checks)) return 0;
        return checks.stream().mapToLong(c -> c instanceof Map<?, ?> m && m.get("findings") instanceof List<?> f ? f.size() : 0).sum();
    }

    private static String number(Map<String, Object> raw, String key) {
        return raw.get(key) instanceof Number n ? String.valueOf(n.longValue()) : "?";
    }

    private static String text(Map<String, Object> raw, String key) {
        Object v = raw.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    /** A line the page has no view of: its fields, cut short. */
    private static String excerpt(Map<String, Object> raw) {
        String s = dev.scenarist.core.model.Json.write(raw);
        return s.length() <= 300 ? s : s.substring(0, 299) + "…";
    }
}
