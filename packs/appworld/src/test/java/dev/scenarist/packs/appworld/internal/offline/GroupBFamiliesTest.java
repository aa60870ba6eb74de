package dev.scenarist.packs.appworld.internal.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.appworld.internal.check.Distractors;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The group-B families (expiring discount, apartment price drop, conversation summary, ride diversion) keep the family contract. */
class GroupBFamiliesTest {
    private static final int SEEDS = 12;

    private static void check(Family f) throws InterruptedException {
        List<Scenario> all = FamilyContract.assertGood(f, SEEDS);
        for (Scenario s : all) {
            int words = s.description().narrative().split("\\s+").length;
            assertThat(words).as(s.id() + " narrative words: " + s.description().narrative()).isBetween(40, 90);
            assertThat(s.description().persona()).as(s.id() + " persona").isPresent();
            assertThat(s.validation().goals().size()).as(s.id() + " goals").isBetween(2, 4);
            assertThat(s.validation().goals()).as(s.id()).anyMatch(g -> g.id().equals("proposed_before_acting"));
            assertThat(new Distractors().find(s)).as(s.id() + " has a wrong-item variant (no NO_DISTRACTOR)").isNotEmpty();
        }
        assertThat(f.theme()).isNotBlank();
        assertThat(Families.byId(f.id())).as(f.id() + " is registered").isPresent();
    }

    @Test
    void expiringDiscountCheckout() throws InterruptedException {
        check(new ExpiringDiscountCheckoutFamily());
    }

    @Test
    void apartmentPriceDrop() throws InterruptedException {
        check(new ApartmentPriceDropFamily());
    }

    @Test
    void conversationSummaryNote() throws InterruptedException {
        check(new ConversationSummaryNoteFamily());
    }

    @Test
    void rideDiversion() throws InterruptedException {
        check(new RideDiversionFamily());
    }
}
