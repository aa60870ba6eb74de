package dev.scenarist.core.catalog.internal;

/**
 * Python's {@code difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()} over two token sequences (tokens as int
 * ids): {@code 2·M / (|a| + |b|)}, where M is the number of tokens in the matching blocks found by difflib's algorithm —
 * the longest contiguous matching block (the one starting earliest in {@code a}, then earliest in {@code b}, when several
 * are equally long), then the same recursively to the left and to the right of it. This is Ratcliff/Obershelp "gestalt
 * pattern matching"; it is not the longest common subsequence, and it differs from difflib's default only in that no
 * token is ever treated as junk ({@code autojunk} drops tokens that fill more than 1 % of a sequence of 200 or more).
 * Both empty: 1.0. Costs O(|a|·|b|) in the worst case, so the index runs it only on candidates, after a cheap bound.
 */
public final class SequenceRatio {
    private SequenceRatio() {}

    public static double ratio(int[] a, int[] b) {
        int total = a.length + b.length;
        if (total == 0) return 1.0;
        return 2.0 * matches(a, b) / total;
    }

    /**
     * difflib's {@code quick_ratio}: {@code 2·|a ∩ b| / (|a| + |b|)} counting tokens as a multiset — an upper bound of
     * {@link #ratio}. {@code sortedA} and {@code sortedB} are the sequences' tokens sorted.
     */
    public static double upperBound(int[] sortedA, int[] sortedB) {
        int total = sortedA.length + sortedB.length;
        if (total == 0) return 1.0;
        int i = 0, j = 0, common = 0;
        while (i < sortedA.length && j < sortedB.length) {
            if (sortedA[i] == sortedB[j]) {
                common++;
                i++;
                j++;
            } else if (sortedA[i] < sortedB[j]) i++;
            else j++;
        }
        return 2.0 * common / total;
    }

    /** The number of matched tokens M (difflib's sum of the matching blocks' sizes). */
    static int matches(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) return 0;
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        // an explicit stack of (alo, ahi, blo, bhi) ranges, as difflib's get_matching_blocks queue
        int[] stack = new int[4 * (Math.min(a.length, b.length) + 2) * 2];
        int sp = 0;
        stack[sp++] = 0;
        stack[sp++] = a.length;
        stack[sp++] = 0;
        stack[sp++] = b.length;
        int total = 0;
        while (sp > 0) {
            int bhi = stack[--sp], blo = stack[--sp], ahi = stack[--sp], alo = stack[--sp];
            // longest match in a[alo:ahi] × b[blo:bhi]: earliest i, then earliest j, as difflib's find_longest_match
            int besti = alo, bestj = blo, bestsize = 0;
            java.util.Arrays.fill(prev, blo, bhi + 1, 0);
            for (int i = alo; i < ahi; i++) {
                int ai = a[i];
                for (int j = blo; j < bhi; j++) {
                    int k = ai == b[j] ? (j > blo ? prev[j] : 0) + 1 : 0;
                    cur[j + 1] = k;
                    if (k > bestsize) {
                        besti = i - k + 1;
                        bestj = j - k + 1;
                        bestsize = k;
                    }
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            if (bestsize == 0) continue;
            total += bestsize;
            if (sp + 8 > stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            if (alo < besti && blo < bestj) {
                stack[sp++] = alo;
                stack[sp++] = besti;
                stack[sp++] = blo;
                stack[sp++] = bestj;
            }
            if (besti + bestsize < ahi && bestj + bestsize < bhi) {
                stack[sp++] = besti + bestsize;
                stack[sp++] = ahi;
                stack[sp++] = bestj + bestsize;
                stack[sp++] = bhi;
            }
        }
        return total;
    }
}
