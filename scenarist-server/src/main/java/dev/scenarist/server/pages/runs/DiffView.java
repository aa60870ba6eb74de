package dev.scenarist.server.pages.runs;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.scenarist.server.pages.Html;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two versions of a scenario's files as a unified diff (three lines of context), one table per changed file, with the
 * old and new line numbers; an added or removed file shows whole. Computed by java-diff-utils (Myers).
 */
public final class DiffView {
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@.*");
    private static final int CONTEXT = 3;

    private DiffView() {}

    /** The changed files' diffs, or a line saying there is no change. */
    public static String render(SortedMap<String, String> before, SortedMap<String, String> after) {
        StringBuilder b = new StringBuilder();
        int changed = 0;
        for (String path : new TreeSet<>(union(before, after))) {
            String old = before.get(path);
            String now = after.get(path);
            if (old != null && old.equals(now)) continue;
            changed++;
            String what = old == null ? "added" : now == null ? "removed" : "changed";
            b.append("<div class=\"diff\" data-file=\"").append(Html.escape(path)).append("\"><div class=\"file\">").append(Html.escape(path))
                    .append(" <span class=\"muted\">").append(what).append("</span></div>").append(table(path, old, now)).append("</div>");
        }
        if (changed == 0) return "<p class=\"empty diff-none\">No file changed.</p>";
        return "<div class=\"diffs\"><p class=\"small muted\">" + changed + " file" + (changed == 1 ? "" : "s") + " changed</p>" + b + "</div>";
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        var s = new java.util.HashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    private static String table(String path, String old, String now) {
        List<String> a = lines(old);
        List<String> c = lines(now);
        Patch<String> patch = DiffUtils.diff(a, c);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(path, path, a, patch, CONTEXT);
        StringBuilder b = new StringBuilder("<table>");
        int oldNo = 0;
        int newNo = 0;
        for (int i = 2; i < unified.size(); i++) { // the first two lines are the ---/+++ file names, shown above instead
            String line = unified.get(i);
            Matcher h = HUNK.matcher(line);
            if (h.matches()) {
                oldNo = Integer.parseInt(h.group(1));
                newNo = Integer.parseInt(h.group(2));
                b.append("<tr class=\"hunk\"><td class=\"n\"></td><td class=\"n\"></td><td class=\"t\">").append(Html.escape(line)).append("</td></tr>");
                continue;
            }
            char kind = line.isEmpty() ? ' ' : line.charAt(0);
            String text = line.isEmpty() ? "" : line.substring(1);
            switch (kind) {
                case '+' -> row(b, "add", "", String.valueOf(newNo++), "+" + text);
                case '-' -> row(b, "del", String.valueOf(oldNo++), "", "-" + text);
                default -> row(b, "ctx", String.valueOf(oldNo++), String.valueOf(newNo++), " " + text);
            }
        }
        return b.append("</table>").toString();
    }

    private static void row(StringBuilder b, String cls, String oldNo, String newNo, String text) {
        b.append("<tr class=\"").append(cls).append("\"><td class=\"n\">").append(oldNo).append("</td><td class=\"n\">").append(newNo)
                .append("</td><td class=\"t\">").append(Html.escape(text)).append("</td></tr>");
    }

    private static List<String> lines(String s) {
        if (s == null || s.isEmpty()) return List.of();
        String[] parts = s.split("\\R", -1);
        int n = s.endsWith("\n") ? parts.length - 1 : parts.length; // a final newline ends the last line, it starts none
        return java.util.Arrays.asList(parts).subList(0, n);
    }
}
