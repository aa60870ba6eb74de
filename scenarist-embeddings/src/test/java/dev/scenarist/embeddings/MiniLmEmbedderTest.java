package dev.scenarist.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.core.catalog.CatalogItem;
import dev.scenarist.core.catalog.SemanticIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new MiniLmEmbedder();
    }

    @Test
    void aParaphraseIsNearerThanAnotherSituation() {
        float[] dinner = embedder.embed("Book a table for four at the harbour restaurant on Friday evening");
        float[] paraphrase = embedder.embed("Reserve a dinner table for four people at the restaurant by the harbour this Friday night");
        float[] plants = embedder.embed("Water the balcony plants every second day while Grace is away");
        assertThat(dinner).hasSize(MiniLmEmbedder.DIMENSIONS);
        assertThat(SemanticIndex.cosine(dinner, paraphrase)).isGreaterThan(0.75).isGreaterThan(SemanticIndex.cosine(dinner, plants) + 0.4);
    }

    @Test
    void theSemanticIndexFindsTheParaphraseFirst() {
        var index = new SemanticIndex(embedder);
        index.add(new CatalogItem("s-1", "Dinner", "Book a table for four at the harbour restaurant on Friday evening", ""));
        index.add(new CatalogItem("s-2", "Plants", "Water the balcony plants every second day while Grace is away", ""));
        index.add(new CatalogItem("s-3", "Bill", "Split the electricity bill with the flatmates and file the receipt", ""));
        var nearest = index.nearest(CatalogItem.of("c", "Reserve a dinner table for four people at the restaurant by the harbour this Friday night"), 2, false);
        assertThat(nearest.getFirst().item().id()).isEqualTo("s-1");
        // deterministic: the same text, the same vector
        assertThat(embedder.embed("same text")).isEqualTo(embedder.embed("same text"));
    }
}
