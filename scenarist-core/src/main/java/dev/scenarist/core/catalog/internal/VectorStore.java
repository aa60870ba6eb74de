package dev.scenarist.core.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Normalised vectors in blocks of contiguous floats, searched exactly by dot product (= cosine). The dot product keeps
 * four partial sums so the multiply-adds overlap (Java will not reorder one float sum). At 100 000 × 384 a scan reads
 * 150 MB, about 15 ms on this project's 2-vCPU machines — the reason a {@code VectorSearch} can take over. Not
 * thread-safe by itself: its owner locks.
 */
public final class VectorStore {
    private static final int BLOCK = 4096;
    private final int dims;
    private final List<float[]> blocks = new ArrayList<>();
    private int size;

    public VectorStore(int dims) {
        if (dims < 1) throw new IllegalArgumentException("dimensions must be positive, got " + dims);
        this.dims = dims;
    }

    public int size() {
        return size;
    }

    /** Adds the unit vector; returns its ordinal. */
    public int add(float[] unit) {
        if (unit.length != dims) throw new IllegalArgumentException("expected a vector of " + dims + " dimensions, got " + unit.length);
        int block = size / BLOCK;
        if (block == blocks.size()) blocks.add(new float[BLOCK * dims]);
        System.arraycopy(unit, 0, blocks.get(block), (size % BLOCK) * dims, dims);
        return size++;
    }

    /** The cosine of the unit {@code query} with entry {@code ordinal}. */
    public double cosine(float[] query, int ordinal) {
        return dot(query, blocks.get(ordinal / BLOCK), (ordinal % BLOCK) * dims);
    }

    /** The {@code k} stored vectors of largest dot product with the unit {@code query} among those {@code keep} accepts. */
    public TopK search(float[] query, int k, IntPredicate keep) {
        if (query.length != dims) throw new IllegalArgumentException("expected a query of " + dims + " dimensions, got " + query.length);
        TopK top = new TopK(Math.max(1, k));
        for (int b = 0; b < blocks.size(); b++) {
            float[] block = blocks.get(b);
            int n = Math.min(BLOCK, size - b * BLOCK);
            for (int i = 0; i < n; i++) {
                int ordinal = b * BLOCK + i;
                double s = dot(query, block, i * dims);
                if ((!top.full() || s > top.floor()) && keep.test(ordinal)) top.offer(ordinal, s);
            }
        }
        return top;
    }

    /** Dot product of {@code q} with the vector at {@code offset} of {@code data}. */
    public static double dot(float[] q, float[] data, int offset) {
        int n = q.length;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            int o = offset + i;
            s0 += q[i] * data[o];
            s1 += q[i + 1] * data[o + 1];
            s2 += q[i + 2] * data[o + 2];
            s3 += q[i + 3] * data[o + 3];
        }
        float s = (s0 + s1) + (s2 + s3);
        for (; i < n; i++) s += q[i] * data[offset + i];
        return s;
    }

    public static float[] normalised(float[] v) {
        double sq = 0;
        for (float x : v) sq += (double) x * x;
        float[] out = new float[v.length];
        if (sq == 0) return out;
        float inv = (float) (1 / Math.sqrt(sq));
        for (int i = 0; i < v.length; i++) out[i] = v[i] * inv;
        return out;
    }
}
