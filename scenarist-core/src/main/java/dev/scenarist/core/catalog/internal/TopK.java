package dev.scenarist.core.catalog.internal;

import java.util.Arrays;

/** The {@code k} ids with the largest scores (a min-heap); ties keep the id offered first. */
public final class TopK {
    private final int k;
    private final int[] ids;
    private final double[] scores;
    private final long[] order;
    private long offered;
    private int size;

    public TopK(int k) {
        this.k = k;
        this.ids = new int[k];
        this.scores = new double[k];
        this.order = new long[k];
    }

    public boolean full() {
        return size == k;
    }

    /** The smallest score kept (meaningful when {@link #full()}). */
    public double floor() {
        return size == 0 ? Double.NEGATIVE_INFINITY : scores[0];
    }

    public void offer(int id, double score) {
        long seq = offered++;
        if (size < k) {
            ids[size] = id;
            scores[size] = score;
            order[size] = seq;
            up(size++);
        } else if (score > scores[0]) {
            ids[0] = id;
            scores[0] = score;
            order[0] = seq;
            down(0);
        }
    }

    /** The ids kept, largest score first (ties: offered first). */
    public int[] ids() {
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Long.compare(order[a], order[b]));
        int[] out = new int[size];
        for (int i = 0; i < size; i++) out[i] = ids[idx[i]];
        return out;
    }

    /** Scores matching {@link #ids()}. */
    public double[] scores() {
        double[] s = Arrays.copyOf(scores, size);
        Arrays.sort(s);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) out[i] = s[size - 1 - i];
        return out;
    }

    private boolean less(int a, int b) {
        return scores[a] < scores[b] || (scores[a] == scores[b] && order[a] > order[b]);
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!less(i, parent)) return;
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int l = 2 * i + 1, r = l + 1, m = i;
            if (l < size && less(l, m)) m = l;
            if (r < size && less(r, m)) m = r;
            if (m == i) return;
            swap(i, m);
            i = m;
        }
    }

    private void swap(int a, int b) {
        int ti = ids[a];
        ids[a] = ids[b];
        ids[b] = ti;
        double ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
        long to = order[a];
        order[a] = order[b];
        order[b] = to;
    }
}
