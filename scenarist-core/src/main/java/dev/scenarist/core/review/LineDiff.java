package dev.scenarist.core.review;

import java.util.HashMap;
import java.util.Map;

/**
 * How many lines an edit added and removed, counted as multisets of lines: cheap, exact for additions and deletions,
 * and a moved line counts as unchanged — enough for a summary in the trajectory (the snapshots keep the texts).
 */
record LineDiff(int added, int removed) {
    static LineDiff between(String before, String after) {
        Map<String, Integer> counts = new HashMap<>();
        for (String l : lines(before)) counts.merge(l, 1, Integer::sum);
        for (String l : lines(after)) counts.merge(l, -1, Integer::sum);
        int added = 0, removed = 0;
        for (int c : counts.values()) {
            if (c > 0) removed += c;
            else added -= c;
        }
        return new LineDiff(added, removed);
    }

    private static String[] lines(String text) {
        return text.isEmpty() ? new String[0] : text.split("\n", -1);
    }
}
