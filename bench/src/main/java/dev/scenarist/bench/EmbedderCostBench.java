package dev.scenarist.bench;

import dev.scenarist.embeddings.MiniLmEmbedder;
import dev.scenarist.embeddings.VectorFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What semantic uniqueness costs a process: loading all-MiniLM-L6-v2 (at the first embedding), one embedding per
 * scenario text, and keeping and reading the vectors file. The texts: the title and narrative of every accepted
 * scenario under {@code <data-dir>/scenarios/<pack>} (their {@code metadata.json}), e.g. after
 * {@code scenarist generate --pack appworld --count 50}.
 * <pre>java -cp bench/target/classes:scenarist-app/target/scenarist.jar dev.scenarist.bench.EmbedderCostBench DATA_DIR [PACK]</pre>
 */
public final class EmbedderCostBench {
    private EmbedderCostBench() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        String pack = args.length > 1 ? args[1] : "appworld";
        List<String> texts = texts(data.resolve("scenarios").resolve(pack));
        if (texts.isEmpty()) throw new IllegalArgumentException("no metadata.json under " + data.resolve("scenarios").resolve(pack));

        long t0 = System.nanoTime();
        var lazy = MiniLmEmbedder.lazily();
        long wired = System.nanoTime() - t0;
        long first0 = System.nanoTime();
        float[] firstVector = lazy.embed(texts.getFirst());
        long first = System.nanoTime() - first0;
        System.out.printf("wiring the lazy embedder: %.1f ms; first embedding (model load + one text): %d ms, of which load %d ms%n",
                wired / 1e6, first / 1_000_000, lazy.loadMillis());

        int rounds = 3;
        double[] perText = new double[texts.size() * rounds];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (String t : texts) {
                long s = System.nanoTime();
                lazy.embed(t);
                perText[n++] = (System.nanoTime() - s) / 1e6;
            }
        }
        Arrays.sort(perText);
        double mean = Arrays.stream(perText).average().orElse(0);
        int chars = texts.stream().mapToInt(String::length).sum() / texts.size();
        System.out.printf("embedding one scenario text (%d texts x %d rounds, mean %d chars): mean %.1f ms, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                texts.size(), rounds, chars, mean, perText[perText.length / 2], perText[(int) (perText.length * 0.95)], perText[perText.length - 1]);

        // how near the accepted scenarios are to each other in meaning: the highest cosine per pair of families,
        // among scenarios with the same core apps (what the appworld gate compares) and overall
        List<float[]> vectors = new ArrayList<>();
        for (String t : texts) vectors.add(lazy.embed(t));
        java.util.Map<String, Double> maxSameApps = new java.util.TreeMap<>(), maxAny = new java.util.TreeMap<>();
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                double c = dev.scenarist.core.catalog.SemanticIndex.cosine(vectors.get(i), vectors.get(j));
                String a = families.get(i), b = families.get(j);
                String key = a.compareTo(b) <= 0 ? a + " / " + b : b + " / " + a;
                maxAny.merge(key, c, Math::max);
                if (apps.get(i).equals(apps.get(j))) maxSameApps.merge(key, c, Math::max);
            }
        }
        System.out.println("highest cosine per family pair, same core apps (the gate's comparison; duplicate at 0.92, borderline from 0.85):");
        maxSameApps.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %.3f  %s%n", e.getValue(), e.getKey()));
        System.out.printf("highest cosine of any two scenarios, any apps: %.3f (%s)%n",
                maxAny.values().stream().mapToDouble(d -> d).max().orElse(0),
                maxAny.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse(""));

        Path dir = Files.createTempDirectory("vectors-bench");
        var files = new VectorFiles(dir);
        long w0 = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) files.keep(pack, "s-" + i, texts.get(i), MiniLmEmbedder.ID, firstVector);
        long write = System.nanoTime() - w0;
        var reread = new VectorFiles(dir);
        long r0 = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) reread.find(pack, "s-" + i, texts.get(i), MiniLmEmbedder.ID).orElseThrow();
        long read = System.nanoTime() - r0;
        System.out.printf("vectors file: %d records, %d bytes; appending each (fsync) %.2f ms; reading them all at start %.1f ms%n",
                texts.size(), Files.size(files.file(pack)), write / 1e6 / texts.size(), read / 1e6);
    }

    private static final Pattern TITLE = Pattern.compile("\"class_name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NARRATIVE = Pattern.compile("\"description\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final Pattern FAMILY = Pattern.compile("\"family\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern APPS = Pattern.compile("\"apps\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final List<String> families = new ArrayList<>();
    private static final List<String> apps = new ArrayList<>();

    private static List<String> texts(Path scenarios) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(scenarios)) return out;
        try (Stream<Path> dirs = Files.list(scenarios)) {
            for (Path d : dirs.sorted().toList()) {
                Path meta = d.resolve("metadata.json");
                if (!Files.exists(meta)) continue;
                String json = Files.readString(meta);
                Matcher t = TITLE.matcher(json), nar = NARRATIVE.matcher(json);
                if (!(t.find() && nar.find())) continue;
                Matcher f = FAMILY.matcher(json), a = APPS.matcher(json);
                List<String> core = new ArrayList<>();
                if (a.find()) for (String x : a.group(1).split(",")) core.add(x.strip().replace("\"", ""));
                core.sort(null);
                String group = String.join(" ", core);
                families.add(f.find() ? f.group(1) : "?");
                apps.add(group);
                // as the appworld pack's uniqueness text: the apps line, the title, the narrative
                out.add("apps:" + group + "\n" + t.group(1) + "\n" + nar.group(1));
            }
        }
        return out;
    }
}
