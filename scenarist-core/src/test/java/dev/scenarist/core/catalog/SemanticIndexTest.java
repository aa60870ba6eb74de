package dev.scenarist.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SemanticIndexTest {
    private static final Embedder RANDOM = new Embedder() {
        public String id() { return "random"; }
        public int dimensions() { return 19; }
        public float[] embed(String text) {
            var r = new SplittableRandom(text.hashCode());
            float[] v = new float[19];
            for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
            return v;
        }
    };

    @Test
    void theNearestAreTheLargestCosinesFoundByAnExactScan() {
        var index = new SemanticIndex(RANDOM);
        for (int i = 0; i < 5000; i++) index.add(new CatalogItem("s-" + i, "", "text " + i, i % 2 == 0 ? "even" : "odd"));
        float[] q = RANDOM.embed("query");
        var nearest = index.nearest(CatalogItem.of("q", "query"), q, 5, false);
        double best = -2;
        String bestId = null;
        for (int i = 0; i < 5000; i++) {
            double c = SemanticIndex.cosine(q, RANDOM.embed("text " + i));
            if (c > best) {
                best = c;
                bestId = "s-" + i;
            }
        }
        assertThat(nearest.getFirst().item().id()).isEqualTo(bestId);
        assertThat(nearest.getFirst().cosine()).isCloseTo(best, within(1e-5));
        assertThat(index.nearest(new CatalogItem("q", "", "query", "odd"), q, 5, true))
                .allSatisfy(m -> assertThat(m.item().group()).isEqualTo("odd"));
        // its own entry is never its neighbour
        assertThat(index.nearest(new CatalogItem("s-3", "", "text 3", ""), 1, false).getFirst().item().id()).isNotEqualTo("s-3");
    }
}
