package dev.scenarist.packs.appworld.internal.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scenarist.packs.appworld.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The group-A families (reply to an invitation, a contact's new number, a calendar conflict, a cancelled event's
 * reminders) against the shared contract, plus the narrative length and persona the brief asks for, and uniqueness
 * over more seeds than the contract plays.
 */
class GroupAFamiliesTest {
    private static final int SEEDS = 12;
    private static final int MANY_SEEDS = 40;
    private static final List<Family> GROUP_A = List.of(new ReplyToInvitationFamily(), new ContactUpdateNewNumberFamily(),
            new CalendarConflictRescheduleFamily(), new ReminderCleanupCancelledEventFamily());

    @Test
    void replyToInvitation() throws InterruptedException {
        check(new ReplyToInvitationFamily());
    }

    @Test
    void contactUpdateNewNumber() throws InterruptedException {
        check(new ContactUpdateNewNumberFamily());
    }

    @Test
    void calendarConflictReschedule() throws InterruptedException {
        check(new CalendarConflictRescheduleFamily());
    }

    @Test
    void reminderCleanupCancelledEvent() throws InterruptedException {
        check(new ReminderCleanupCancelledEventFamily());
    }

    @Test
    void registered() {
        for (Family f : GROUP_A) assertThat(Families.byId(f.id())).as(f.id()).get().isInstanceOf(f.getClass());
    }

    @Test
    void manySeedsStayDistinct() {
        for (Family f : GROUP_A) {
            List<Scenario> out = new ArrayList<>();
            for (long seed = 0; seed < MANY_SEEDS; seed++) out.add(f.generate(seed));
            FamilyContract.assertDistinct(out);
        }
    }

    private static void check(Family family) throws InterruptedException {
        assertThat(family.theme()).isNotBlank();
        for (Scenario s : FamilyContract.assertGood(family, SEEDS)) {
            int words = s.description().narrative().split("\\s+").length;
            assertThat(words).as(s.id() + " narrative words: " + s.description().narrative()).isBetween(40, 90);
            assertThat(s.description().persona()).as(s.id() + " persona").hasValueSatisfying(p -> {
                assertThat(p.name()).isNotBlank();
                assertThat(p.description()).isNotBlank();
            });
        }
    }
}
