package dev.scenarist.app.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns sized to their widest cell. */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) r.add(String.valueOf(c));
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String render() {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) w[i] = header.get(i).length();
        for (List<String> r : rows) for (int i = 0; i < w.length && i < r.size(); i++) w[i] = Math.max(w[i], r.get(i).length());
        StringBuilder b = new StringBuilder();
        append(b, header, w);
        for (int i = 0; i < w.length; i++) b.append("-".repeat(w[i])).append(i + 1 < w.length ? "  " : "\n");
        for (List<String> r : rows) append(b, r, w);
        return b.toString();
    }

    private static void append(StringBuilder b, List<String> cells, int[] w) {
        for (int i = 0; i < w.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            b.append(c);
            if (i + 1 < w.length) b.append(" ".repeat(w[i] - c.length() + 2));
        }
        b.append('\n');
    }
}
