package dev.scenarist.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.catalog.CatalogItem;
import dev.scenarist.core.catalog.Embedder;
import dev.scenarist.core.catalog.SemanticIndex;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HnswVectorSearchTest {
    private static final int DIMS = 32;

    /** Clustered random vectors: 50 centres, each entry a centre plus noise (as texts of one template are). */
    private static final Embedder CLUSTERED = new Embedder() {
        public String id() { return "clustered"; }
        public int dimensions() { return DIMS; }
        public float[] embed(String text) {
            int centre = Math.floorMod(text.hashCode(), 50);
            var c = new SplittableRandom(centre);
            var n = new SplittableRandom(text.hashCode() * 31L);
            float[] v = new float[DIMS];
            for (int i = 0; i < DIMS; i++) v[i] = (float) (c.nextGaussian() + 0.3 * n.nextGaussian());
            return v;
        }
    };

    @Test
    void theGraphFindsAtLeastNinetyFivePercentOfTheExactNearest() {
        var index = new SemanticIndex(CLUSTERED, Optional.of(new HnswVectorSearch(DIMS)));
        for (int i = 0; i < 5000; i++) index.add(new CatalogItem("s-" + i, "", "text " + i, i % 3 == 0 ? "a" : "b"));
        int k = 5;
        double found = 0, wanted = 0;
        for (int q = 0; q < 100; q++) {
            float[] v = CLUSTERED.embed("query " + q);
            var exact = index.exhaustive(v, k);
            var fast = index.nearest(CatalogItem.of("q" + q, ""), v, k, false);
            double kth = exact.getLast().cosine();
            found += Math.min(k, fast.stream().filter(m -> m.cosine() >= kth - 1e-6).count());
            wanted += exact.size();
        }
        assertThat(found / wanted).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aGroupFilterStillAnswersOnlyThatGroupAndEnoughOfThem() {
        var index = new SemanticIndex(CLUSTERED, Optional.of(new HnswVectorSearch(DIMS)));
        for (int i = 0; i < 2000; i++) index.add(new CatalogItem("s-" + i, "", "text " + i, i % 50 == 0 ? "rare" : "common"));
        var near = index.nearest(new CatalogItem("q", "", "query", "rare"), CLUSTERED.embed("query"), 5, true);
        assertThat(near).hasSize(5).allSatisfy(m -> assertThat(m.item().group()).isEqualTo("rare"));
    }
}
