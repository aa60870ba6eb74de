package dev.scenarist.bench;

import dev.scenarist.core.catalog.CatalogItem;
import dev.scenarist.core.catalog.Embedder;
import dev.scenarist.core.catalog.LexicalIndex;
import dev.scenarist.core.catalog.LexicalMatch;
import dev.scenarist.core.catalog.LexicalThresholds;
import dev.scenarist.core.catalog.SemanticIndex;
import dev.scenarist.core.catalog.SemanticMatch;
import dev.scenarist.embeddings.HnswVectorSearch;
import dev.scenarist.embeddings.MiniLmEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Uniqueness lookups at catalog scale: a catalog of {@code --entries} synthetic scenario texts (deterministic from
 * {@code --seed}; 2 % of them planted near copies of earlier ones), then {@code --queries} lookups — half near copies of
 * catalog entries (each should find its original among the k nearest), half new texts — timed one by one (p50/p95/p99), and
 * recall@k against brute force on {@code --exact-queries} of them.
 *
 * <ul>
 *   <li><b>lexical</b>: {@link LexicalIndex#nearest} vs {@link LexicalIndex#exhaustive}. Recall@k counts an answer right
 *       when it is as strong as brute force's k-th (ties count). Duplicate recall: of the queries brute force finds a
 *       duplicate for, the share the index finds one for.</li>
 *   <li><b>semantic</b>: all-MiniLM-L6-v2 in process, searched by an HNSW graph ({@code --search hnsw}, default) or the
 *       exact scan ({@code --search scan}). {@code --semantic-real} distinct texts are really embedded (the
 *       per-text embedding time is reported); each other entry's vector is a random blend of two of those plus Gaussian
 *       noise ({@code --noise} per dimension), normalised, since embedding 100 000 texts takes ~15 minutes on this
 *       machine. Recall@k is checked against the exact float
 *       scan of every entry. Queries are real embeddings of new texts and near copies.</li>
 * </ul>
 * One JSON line on stdout at the end; progress on stderr.
 */
public final class UniquenessBench {
    private UniquenessBench() {}

    public static void main(String[] args) {
        Map<String, String> opt = options(args);
        int entries = Integer.parseInt(opt.getOrDefault("entries", "100000"));
        int queries = Integer.parseInt(opt.getOrDefault("queries", "1000"));
        int exactQueries = Integer.parseInt(opt.getOrDefault("exact-queries", "200"));
        int k = Integer.parseInt(opt.getOrDefault("k", "5"));
        long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
        int semanticReal = Integer.parseInt(opt.getOrDefault("semantic-real", "2000"));
        double noise = Double.parseDouble(opt.getOrDefault("noise", "0.01"));
        boolean semantic = !opt.getOrDefault("semantic", "true").equals("false");

        var r = new SplittableRandom(seed);
        List<String> texts = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            texts.add(i > 100 && r.nextInt(50) == 0 ? SyntheticScenarios.nearCopy(texts.get(r.nextInt(i)), r) : SyntheticScenarios.text(r));
        }
        List<String> probes = new ArrayList<>(queries);
        int[] origin = new int[queries];
        for (int q = 0; q < queries; q++) {
            if (q % 2 == 0) {
                origin[q] = r.nextInt(entries);
                probes.add(SyntheticScenarios.nearCopy(texts.get(origin[q]), r));
            } else {
                origin[q] = -1;
                probes.add(SyntheticScenarios.text(r));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("entries", entries);
        result.put("queries", queries);
        result.put("k", k);
        result.put("seed", seed);
        result.put("lexical", lexical(texts, probes, origin, k, exactQueries));
        if (semantic) result.put("semantic", semantic(texts, probes, k, Math.min(semanticReal, entries), noise, 
                opt.getOrDefault("search", "hnsw").equals("scan") ? 0 : Integer.parseInt(opt.getOrDefault("ef", String.valueOf(HnswVectorSearch.DEFAULT_EF)))));
        System.out.println(dev.scenarist.core.model.Json.write(result));
    }

    private static Map<String, Object> lexical(List<String> texts, List<String> probes, int[] origin, int k, int exactQueries) {
        var thresholds = LexicalThresholds.DEFAULTS;
        var index = new LexicalIndex(thresholds);
        long t0 = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) index.add(new CatalogItem("s-" + i, "", texts.get(i), ""));
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf(Locale.ROOT, "lexical: indexed %d texts in %.1f s%n", texts.size(), buildSeconds);
        for (int w = 0; w < Math.min(300, probes.size()); w++) index.nearest(CatalogItem.of("q", probes.get(w)), k, false); // warm-up
        long[] nanos = new long[probes.size()];
        List<List<LexicalMatch>> answers = new ArrayList<>();
        int planted = 0, plantedFound = 0;
        for (int q = 0; q < probes.size(); q++) {
            long s = System.nanoTime();
            var a = index.nearest(CatalogItem.of("q", probes.get(q)), k, false);
            nanos[q] = System.nanoTime() - s;
            answers.add(a);
            if (origin[q] >= 0) {
                planted++;
                String want = "s-" + origin[q];
                if (a.stream().anyMatch(m -> m.item().id().equals(want))) plantedFound++;
            }
        }
        // recall against brute force on a subset (the exhaustive scan is slow)
        double found = 0, wanted = 0;
        int dupExact = 0, dupFound = 0, plantedExact = 0, plantedExactFound = 0, plantedSubsetFound = 0;
        long exactNanos = 0;
        int step = Math.max(1, probes.size() / Math.max(1, exactQueries));
        int measured = 0;
        for (int q = 0; q < probes.size() && measured < exactQueries; q += step, measured++) {
            long s = System.nanoTime();
            var exact = index.exhaustive(CatalogItem.of("q", probes.get(q)), k, false);
            exactNanos += System.nanoTime() - s;
            var fast = answers.get(q);
            if (origin[q] >= 0) {
                String want = "s-" + origin[q];
                plantedExact++;
                if (exact.stream().anyMatch(m -> m.item().id().equals(want))) plantedExactFound++;
                if (fast.stream().anyMatch(m -> m.item().id().equals(want))) plantedSubsetFound++;
            }
            double kth = exact.getLast().scores().strength(thresholds);
            found += Math.min(k, fast.stream().filter(m -> m.scores().strength(thresholds) >= kth - 1e-9).count());
            wanted += exact.size();
            if (exact.getFirst().scores().reaches(thresholds, 0)) {
                dupExact++;
                if (!fast.isEmpty() && fast.getFirst().scores().reaches(thresholds, 0)) dupFound++;
            }
        }
        Map<String, Object> out = latency(nanos);
        out.put("build_seconds", round(buildSeconds));
        out.put("recall_at_k", round(found / wanted));
        out.put("duplicate_recall", dupExact == 0 ? 1.0 : round((double) dupFound / dupExact));
        out.put("brute_force_duplicates", dupExact);
        out.put("planted_found", round((double) plantedFound / planted));
        out.put("exact_queries", measured);
        // on the brute-force subset: how often the original of a near copy is among the k nearest, by brute force and by
        // the index (below 1 when the catalog holds several texts at least as near, e.g. its own planted copies)
        out.put("planted_in_top_k_brute_force", round((double) plantedExactFound / Math.max(1, plantedExact)));
        out.put("planted_in_top_k_index_same_queries", round((double) plantedSubsetFound / Math.max(1, plantedExact)));
        out.put("brute_force_mean_ms", round(exactNanos / 1e6 / measured));
        System.err.println("lexical: " + out);
        return out;
    }

    /** {@code ef} ≤ 0: the exact scan; else HNSW searched with that ef. */
    private static Map<String, Object> semantic(List<String> texts, List<String> probes, int k, int real, double noise, int ef) {
        int exactQueries = 200;
        boolean hnsw = ef > 0;
        long t0 = System.nanoTime();
        Embedder embedder = new MiniLmEmbedder();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        var index = new SemanticIndex(embedder, hnsw ? Optional.of(new HnswVectorSearch(embedder.dimensions(), HnswVectorSearch.DEFAULT_M,
                HnswVectorSearch.DEFAULT_EF_CONSTRUCTION, ef)) : Optional.empty());
        float[][] base = new float[real][];
        t0 = System.nanoTime();
        for (int i = 0; i < real; i++) {
            base[i] = embedder.embed(texts.get(i));
            if (i % 500 == 499) System.err.printf(Locale.ROOT, "semantic: embedded %d of %d%n", i + 1, real);
        }
        double embedMs = (System.nanoTime() - t0) / 1e6 / real;
        var r = new SplittableRandom(7);
        long buildStart = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            float[] v;
            if (i < real) v = base[i];
            else {
                // a blend of two real embeddings, plus a little noise: a continuum between real texts, as a catalog's
                // many variations of a few situations are (copies of one point with noise alone would be hundreds of
                // near-ties, which no text catalog has)
                float[] b1 = base[r.nextInt(real)], b2 = base[r.nextInt(real)];
                float a = (float) r.nextDouble();
                v = new float[b1.length];
                for (int d = 0; d < b1.length; d++) v[d] = a * b1[d] + (1 - a) * b2[d] + (float) (r.nextGaussian() * noise);
            }
            index.add(new CatalogItem("s-" + i, "", "", ""), v);
            if (i % 20000 == 19999) System.err.printf(Locale.ROOT, "semantic: indexed %d%n", i + 1);
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        int nq = Math.min(probes.size(), 500);
        float[][] qv = new float[nq][];
        long embedQ = 0;
        for (int q = 0; q < nq; q++) {
            long s = System.nanoTime();
            qv[q] = embedder.embed(probes.get(q));
            embedQ += System.nanoTime() - s;
        }
        for (int w = 0; w < Math.min(100, nq); w++) index.nearest(CatalogItem.of("q", ""), qv[w], k, false); // warm-up
        long[] nanos = new long[nq];
        List<List<SemanticMatch>> answers = new ArrayList<>();
        for (int q = 0; q < nq; q++) {
            long s = System.nanoTime();
            answers.add(index.nearest(CatalogItem.of("q", ""), qv[q], k, false));
            nanos[q] = System.nanoTime() - s;
        }
        // recall against the exact float scan of every entry
        double found = 0, wanted = 0;
        int measured = 0;
        long exactNanos = 0;
        for (int q = 0; q < nq && measured < Math.min(exactQueries, 200); q += Math.max(1, nq / 200), measured++) {
            long s = System.nanoTime();
            var exact = index.exhaustive(qv[q], k);
            exactNanos += System.nanoTime() - s;
            double kth = exact.getLast().cosine();
            found += Math.min(k, answers.get(q).stream().filter(m -> m.cosine() >= kth - 1e-6).count());
            wanted += exact.size();
        }
        Map<String, Object> out = latency(nanos);
        out.put("search", hnsw ? "hnsw ef=" + ef : "exact scan");
        out.put("build_seconds", round(buildSeconds));
        out.put("model_load_seconds", round(loadSeconds));
        out.put("embedded_texts", real);
        out.put("embed_ms_per_text", round(embedMs));
        out.put("query_embed_mean_ms", round(embedQ / 1e6 / nq));
        out.put("noise", noise);
        out.put("recall_at_k", round(found / wanted));
        out.put("exact_queries", measured);
        out.put("brute_force_mean_ms", round(exactNanos / 1e6 / measured));
        System.err.println("semantic: " + out);
        return out;
    }

    private static Map<String, Object> latency(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("p50_ms", round(s[(int) (s.length * 0.50)] / 1e6));
        out.put("p95_ms", round(s[Math.min(s.length - 1, (int) (s.length * 0.95))] / 1e6));
        out.put("p99_ms", round(s[Math.min(s.length - 1, (int) (s.length * 0.99))] / 1e6));
        out.put("mean_ms", round(Arrays.stream(s).average().orElse(0) / 1e6));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'; options: --entries --queries "
                        + "--exact-queries --k --seed --semantic true|false --search hnsw|scan --ef N --semantic-real N --noise SIGMA");
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }
}
