package dev.scenarist.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LexicalIndexTest {
    private static LexicalIndex catalog(int n, long seed, List<String> texts) {
        var index = new LexicalIndex(LexicalThresholds.DEFAULTS);
        var r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            String t = SyntheticTexts.text(r);
            texts.add(t);
            index.add(new CatalogItem("s-" + i, "Scenario " + i, t, "g" + (i % 4)));
        }
        return index;
    }

    @Test
    void everyPlantedNearDuplicateIsFoundAsItsOriginalsDuplicate() {
        List<String> texts = new ArrayList<>();
        var index = catalog(3000, 7, texts);
        var r = new SplittableRandom(99);
        for (int q = 0; q < 60; q++) {
            int original = r.nextInt(texts.size());
            String copy = SyntheticTexts.nearCopy(texts.get(original), r);
            var nearest = index.nearest(CatalogItem.of("candidate", copy), 3, false);
            assertThat(nearest).as("a near copy of s-%d: %s", original, copy).isNotEmpty();
            assertThat(nearest.getFirst().scores().reaches(LexicalThresholds.DEFAULTS, 0)).as(copy).isTrue();
            assertThat(nearest.stream().map(m -> m.item().id())).contains("s-" + original);
        }
    }

    @Test
    void theCandidatesFindAtLeastNinetyFivePercentOfWhatBruteForceFinds() {
        List<String> texts = new ArrayList<>();
        var index = catalog(3000, 11, texts);
        var r = new SplittableRandom(5);
        int k = 5;
        double found = 0, wanted = 0;
        for (int q = 0; q < 80; q++) {
            // half near copies, half new texts (whose nearest are only loosely alike: the hard case)
            String probe = q % 2 == 0 ? SyntheticTexts.nearCopy(texts.get(r.nextInt(texts.size())), r) : SyntheticTexts.text(r);
            var exact = index.exhaustive(CatalogItem.of("q", probe), k, false);
            var fast = index.nearest(CatalogItem.of("q", probe), k, false);
            double kth = exact.getLast().scores().strength(LexicalThresholds.DEFAULTS);
            // ties count: any result as strong as brute force's k-th is a right answer
            found += Math.min(k, fast.stream().filter(m -> m.scores().strength(LexicalThresholds.DEFAULTS) >= kth - 1e-9).count());
            wanted += exact.size();
        }
        assertThat(found / wanted).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theExhaustiveAnswerIsOrderedStrongestFirstAndLeavesTheProbeOut() {
        List<String> texts = new ArrayList<>();
        var index = catalog(500, 3, texts);
        var exact = index.exhaustive(new CatalogItem("s-10", "", texts.get(10), ""), 10, false);
        assertThat(exact).extracting(m -> m.item().id()).doesNotContain("s-10");
        for (int i = 1; i < exact.size(); i++) {
            assertThat(exact.get(i).scores().strength(LexicalThresholds.DEFAULTS))
                    .isLessThanOrEqualTo(exact.get(i - 1).scores().strength(LexicalThresholds.DEFAULTS));
        }
    }

    @Test
    void withSameGroupOnlyAnIdenticalTextOfAnotherGroupIsNotSeen() {
        var index = new LexicalIndex(LexicalThresholds.DEFAULTS);
        String text = "book a table for four at the harbour restaurant on friday";
        index.add(new CatalogItem("calendar-1", "", text, "calendar+contacts"));
        index.add(new CatalogItem("other-1", "", "water the plants on the balcony every second day", "calendar+messages"));
        var probe = new CatalogItem("new", "", text, "calendar+messages");
        assertThat(index.nearest(probe, 3, true)).extracting(m -> m.item().id()).containsExactly("other-1");
        assertThat(index.nearest(probe, 3, false).getFirst().item().id()).isEqualTo("calendar-1");
        assertThat(index.exhaustive(probe, 3, true)).extracting(m -> m.item().id()).containsExactly("other-1");
    }

    @Test
    void aMatchNamesTheSharedPhrasesLongestFirstAndTheRarestSharedWords() {
        var index = new LexicalIndex(LexicalThresholds.DEFAULTS);
        index.add(new CatalogItem("s-1", "Harbour dinner", "Anna asks to book a table for four at the harbour restaurant on Friday", ""));
        index.add(new CatalogItem("s-2", "", "Bruno asks to book a taxi to the airport on Monday", ""));
        var m = index.nearest(CatalogItem.of("c", "Chen asks to book a table for four at the harbour restaurant on Sunday"), 1, false).getFirst();
        assertThat(m.item().id()).isEqualTo("s-1");
        assertThat(m.sharedPhrases().getFirst()).isEqualTo("asks to book a table for four at the harbour restaurant on");
        assertThat(m.sharedWords()).contains("harbour", "table").doesNotContain("anna", "friday");
    }
}
