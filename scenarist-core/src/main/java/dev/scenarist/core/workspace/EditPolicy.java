package dev.scenarist.core.workspace;

import dev.scenarist.core.model.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which files, or which regions of which files, a stage may change (PARE's "editable regions").
 * An entry is a path ({@code events.py}), a folder ending in {@code /} ({@code initialization/automation/n8n/}: any
 * file under it, for stages whose files are named by the author), or a path and a region ({@code scenario.py#events});
 * a region is the text between lines containing {@code scenarist:begin events} and {@code scenarist:end events}.
 * Everything outside an allowed region must stay byte-identical.
 */
public final class EditPolicy {
    private static final Pattern MARKER = Pattern.compile("scenarist:(begin|end)\\s+([A-Za-z0-9_.-]+)");

    /** The outcome: the edits that may be written, and findings for those that were reverted. */
    public record Decision(SortedMap<String, String> allowed, List<Finding> violations) {}

    private final Set<String> wholeFiles = new LinkedHashSet<>();
    private final Set<String> folders = new LinkedHashSet<>();
    private final Map<String, Set<String>> regions = new LinkedHashMap<>();

    public EditPolicy(List<String> editable) {
        for (String e : editable) {
            int hash = e.indexOf('#');
            if (hash < 0 && e.endsWith("/")) folders.add(e);
            else if (hash < 0) wholeFiles.add(e);
            else regions.computeIfAbsent(e.substring(0, hash), k -> new LinkedHashSet<>()).add(e.substring(hash + 1));
        }
    }

    public Decision decide(SortedMap<String, String> proposed, Workspace workspace) {
        SortedMap<String, String> allowed = new TreeMap<>();
        List<Finding> violations = new ArrayList<>();
        for (var e : proposed.entrySet()) {
            String path = e.getKey();
            if (wholeFiles.contains(path) || inFolder(path)) {
                allowed.put(path, e.getValue());
            } else if (regions.containsKey(path)) {
                Optional<String> old = workspace.read(path);
                Optional<Finding> problem = old.isEmpty() ? Optional.empty() : outsideRegions(path, old.get(), e.getValue(), regions.get(path));
                problem.ifPresentOrElse(violations::add, () -> allowed.put(path, e.getValue()));
            } else {
                violations.add(Finding.error("EDIT_OUTSIDE_POLICY", "this stage may not write " + path + "; the edit was reverted",
                        path, "change only " + describe()));
            }
        }
        return new Decision(allowed, violations);
    }

    /** Every file the policy lets a stage write, whole or in regions, and every folder it may write in (ending in /), sorted. */
    public java.util.SortedSet<String> files() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>(wholeFiles);
        out.addAll(folders);
        out.addAll(regions.keySet());
        return out;
    }

    /** Whether the stage may write this file at all (whole, in a folder it may write in, or in regions). */
    public boolean allows(String path) {
        return wholeFiles.contains(path) || inFolder(path) || regions.containsKey(path);
    }

    private boolean inFolder(String path) {
        for (String f : folders) if (path.startsWith(f) && path.length() > f.length()) return true;
        return false;
    }

    public String describe() {
        List<String> parts = new ArrayList<>(wholeFiles);
        folders.forEach(f -> parts.add("any file under " + f));
        regions.forEach((f, rs) -> rs.forEach(r -> parts.add(f + " (region '" + r + "' only)")));
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static Optional<Finding> outsideRegions(String path, String oldText, String newText, Set<String> editableRegions) {
        List<Line> oldFrame = frame(oldText, editableRegions);
        List<Line> newFrame = frame(newText, editableRegions);
        if (texts(oldFrame).equals(texts(newFrame))) return Optional.empty();
        int line = firstDifference(oldFrame, newFrame);
        return Optional.of(Finding.error("EDIT_OUTSIDE_REGION",
                "the edit changes " + path + " outside its editable region(s) " + editableRegions + "; the edit was reverted",
                path + ":" + line, "keep every line outside the scenarist:begin/end markers exactly as it was"));
    }

    /** A line outside the editable regions, with its 1-based number in the file it came from. */
    private record Line(int number, String text) {}

    /** The file without the bodies of its editable regions (markers kept). */
    private static List<Line> frame(String text, Set<String> editableRegions) {
        List<Line> out = new ArrayList<>();
        String inside = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            if (m.find()) {
                if (m.group(1).equals("begin") && editableRegions.contains(m.group(2))) inside = m.group(2);
                else if (m.group(1).equals("end") && m.group(2).equals(inside)) inside = null;
                out.add(new Line(i + 1, lines[i]));
            } else if (inside == null) {
                out.add(new Line(i + 1, lines[i]));
            }
        }
        return out;
    }

    private static List<String> texts(List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }

    /** The line number, in the proposed file, of the first line outside the regions that differs. */
    private static int firstDifference(List<Line> old, List<Line> proposed) {
        int n = Math.min(old.size(), proposed.size());
        for (int i = 0; i < n; i++) if (!old.get(i).text().equals(proposed.get(i).text())) return proposed.get(i).number();
        return proposed.isEmpty() ? 1 : proposed.get(n - 1).number() + 1;
    }
}
