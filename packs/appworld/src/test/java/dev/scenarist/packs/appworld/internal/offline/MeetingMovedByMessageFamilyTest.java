package dev.scenarist.packs.appworld.internal.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.appworld.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingMovedByMessageFamilyTest {
    private final Family family = new MeetingMovedByMessageFamily();

    @Test
    void generatesGoodDistinctScenarios() throws InterruptedException {
        List<Scenario> scenarios = FamilyContract.assertGood(family, 12);
        for (Scenario s : scenarios) {
            int words = DraftC.words(s.description().narrative());
            assertThat(words).as(s.id() + ": " + s.description().narrative()).isBetween(40, 90);
            assertThat(s.description().persona()).as(s.id()).isPresent();
            assertThat(s.description().persona().get().name()).as(s.id()).isNotBlank();
            assertThat(s.validation().goals()).as(s.id()).hasSizeBetween(2, 4);
            assertThat(s.validation().goals()).as(s.id()).anyMatch(g -> g.id().equals("proposed_before_acting"));
        }
    }

    @Test
    void isRegistered() {
        assertThat(Families.byId(family.id())).isPresent();
        assertThat(family.theme()).isNotBlank();
    }
}
