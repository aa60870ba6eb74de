package dev.scenarist.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.catalog.CatalogItem;
import dev.scenarist.core.catalog.Embedder;
import dev.scenarist.core.catalog.UniquenessIndex;
import dev.scenarist.core.catalog.UniquenessPolicy;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vectors kept beside the catalog, with the real model: a restart embeds nothing it kept; a torn tail, another
 * model or another text means only that the vector is computed again; processes appending together lose nothing.
 */
class VectorFilesTest {
    private static MiniLmEmbedder model;

    static final List<String> TEXTS = List.of(
            "Book a table for four at the harbour restaurant on Friday evening",
            "Water the balcony plants every second day while Grace is away",
            "Split the electricity bill with the flatmates and file the receipt",
            "Move the dentist appointment to next Tuesday and tell the office",
            "Order a birthday cake for Mia and have it delivered on Sunday morning");

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        model = new MiniLmEmbedder();
    }

    /** Counts the texts it really embeds. */
    static final class Counting implements Embedder {
        final AtomicInteger calls = new AtomicInteger();
        final String id;

        Counting(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int dimensions() {
            return model.dimensions();
        }

        @Override
        public float[] embed(String text) {
            calls.incrementAndGet();
            return model.embed(text);
        }
    }

    private static UniquenessIndex index(Embedder e, VectorFiles files) {
        return new UniquenessIndex(p -> Optional.of(UniquenessPolicy.DEFAULTS), Optional.of(e), Optional::empty, files);
    }

    private static void loadCatalog(UniquenessIndex ix) {
        for (int i = 0; i < TEXTS.size(); i++) ix.add("home", "home-" + i, "t" + i, TEXTS.get(i));
    }

    private static final String PARAPHRASE = "Reserve a dinner table for four people at the restaurant by the harbour this Friday night";

    @Test
    void a_restart_reads_the_vectors_and_embeds_only_the_candidate() {
        var first = new Counting(MiniLmEmbedder.ID);
        loadCatalog(index(first, new VectorFiles(tmp)));
        assertThat(first.calls).hasValue(TEXTS.size());
        assertThat(tmp.resolve("home.vectors")).exists();

        var restarted = new Counting(MiniLmEmbedder.ID);
        var ix = index(restarted, new VectorFiles(tmp));
        loadCatalog(ix);
        assertThat(restarted.calls).as("every vector from the file").hasValue(0);
        var verdict = ix.verdict("home", CatalogItem.of("candidate", PARAPHRASE)).orElseThrow();
        assertThat(restarted.calls).as("the candidate only").hasValue(1);
        assertThat(verdict.nearest().getFirst().item().id()).isEqualTo("home-0");
        assertThat(verdict.nearest().getFirst().measure()).isEqualTo(dev.scenarist.core.catalog.Measure.EMBEDDING_COSINE);
    }

    @Test
    void another_model_or_another_text_is_embedded_again() {
        loadCatalog(index(new Counting(MiniLmEmbedder.ID), new VectorFiles(tmp)));
        var other = new Counting("another-model");
        loadCatalog(index(other, new VectorFiles(tmp)));
        assertThat(other.calls).hasValue(TEXTS.size());

        var same = new Counting(MiniLmEmbedder.ID);
        var ix = index(same, new VectorFiles(tmp));
        ix.add("home", "home-0", "t0", TEXTS.get(0) + " (edited)");
        ix.add("home", "home-1", "t1", TEXTS.get(1));
        assertThat(same.calls).as("the edited text only").hasValue(1);
    }

    @Test
    void a_torn_tail_is_ignored_then_cut_back_by_the_next_writer() throws IOException {
        loadCatalog(index(new Counting(MiniLmEmbedder.ID), new VectorFiles(tmp)));
        Path file = tmp.resolve("home.vectors");
        long whole = Files.size(file);
        try (var f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(whole - 100); // the last record cut short, as a crash in the middle of its write leaves it
        }

        var restarted = new Counting(MiniLmEmbedder.ID);
        loadCatalog(index(restarted, new VectorFiles(tmp)));
        assertThat(restarted.calls).as("the torn record's scenario only").hasValue(1);
        assertThat(Files.size(file)).as("cut back to the last good record, the recomputed one appended").isEqualTo(whole);

        var again = new Counting(MiniLmEmbedder.ID);
        loadCatalog(index(again, new VectorFiles(tmp)));
        assertThat(again.calls).hasValue(0);
    }

    @Test
    void garbage_after_the_header_or_a_foreign_file_is_never_fatal() throws IOException {
        Path file = tmp.resolve("home.vectors");
        Files.write(file, "not a vectors file at all".getBytes());
        var c = new Counting(MiniLmEmbedder.ID);
        loadCatalog(index(c, new VectorFiles(tmp)));
        assertThat(c.calls).hasValue(TEXTS.size());
        var again = new Counting(MiniLmEmbedder.ID);
        loadCatalog(index(again, new VectorFiles(tmp)));
        assertThat(again.calls).as("started anew, then kept").hasValue(0);
    }

    /**
     * Three JVMs append to one file at once (each a thousand records, with fsync): every record of every process is
     * there, whole, and readable.
     */
    @Test
    void processes_appending_together_lose_no_record() throws Exception {
        int processes = 3, each = 300;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> started = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            started.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), VectorAppender.class.getName(),
                    tmp.toString(), "p" + p, Integer.toString(each)).inheritIO().start());
        }
        for (Process p : started) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        var files = new VectorFiles(tmp);
        for (int p = 0; p < processes; p++) {
            for (int i = 0; i < each; i++) {
                var v = files.find("shared", "p" + p + "-" + i, "text " + i, "fake");
                assertThat(v).as("p%d-%d", p, i).isPresent();
                assertThat(v.get()[0]).isEqualTo((float) p);
                assertThat(v.get()[1]).isEqualTo((float) i);
            }
        }
        long record = 4 + (2 + 5 + 32 + 2 + 4 + 4 + 4 * 8) + 4; // ids p0-0..p0-9 are 4 bytes, the rest longer: at least this
        assertThat(Files.size(files.file("shared"))).isGreaterThanOrEqualTo(VectorFiles.HEADER.length + processes * each * (record - 1));
    }
}
