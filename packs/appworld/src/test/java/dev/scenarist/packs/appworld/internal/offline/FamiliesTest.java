package dev.scenarist.packs.appworld.internal.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.appworld.internal.check.Distractors;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every family of {@link Families#all()} against the shared {@link FamilyContract} over 12 seeds, plus what the brief
 * asks of each scenario: a narrative of 40-90 words, a persona with a name and a description, 2-4 goals among them
 * "proposed before acting", and a wrong-item variant for the discrimination check; and uniqueness over more seeds than
 * the contract plays (40, or the 25 that five-part wording guarantees).
 */
class FamiliesTest {
    private static final int SEEDS = 12;
    private static final int MANY_SEEDS = 40;
    /**
     * The families whose narrative parts follow {@link Wording#fivePartWording}: it tells apart any 25 consecutive seeds,
     * not more, so their uniqueness is checked over 25.
     */
    private static final Set<String> FIVE_PART_WORDING = Set.of("duplicate-order-cancellation", "missing-group-contacts", "lease-renewal-reminder",
            "meeting-moved-by-message");

    static Stream<Named<Family>> families() {
        return Families.all().stream().map(f -> Named.of(f.id(), f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void keepsTheContract(Family family) throws InterruptedException {
        for (Scenario s : FamilyContract.assertGood(family, SEEDS)) {
            String narrative = s.description().narrative();
            assertThat(Wording.words(narrative)).as(s.id() + " narrative words: " + narrative).isBetween(40, 90);
            assertThat(s.description().persona()).as(s.id() + " persona").hasValueSatisfying(p -> {
                assertThat(p.name()).isNotBlank();
                assertThat(p.description()).isNotBlank();
            });
            assertThat(s.validation().goals()).as(s.id() + " goals").hasSizeBetween(2, 4);
            assertThat(s.validation().goals()).as(s.id()).anyMatch(g -> g.id().equals("proposed_before_acting"));
            assertThat(new Distractors().find(s)).as(s.id() + " has a wrong-item variant (no NO_DISTRACTOR)").isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void manySeedsStayDistinct(Family family) {
        List<Scenario> out = new ArrayList<>();
        int seeds = FIVE_PART_WORDING.contains(family.id()) ? 25 : MANY_SEEDS;
        for (long seed = 0; seed < seeds; seed++) out.add(family.generate(seed));
        FamilyContract.assertDistinct(out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void isRegisteredWithATheme(Family family) {
        assertThat(family.theme()).isNotBlank();
        assertThat(Families.byId(family.id())).as(family.id()).get().isSameAs(family);
    }

    @Test
    void twelveFamiliesWithDistinctIds() {
        assertThat(Families.all()).hasSize(12);
        assertThat(Families.all().stream().map(Family::id).distinct()).hasSize(12);
    }
}
