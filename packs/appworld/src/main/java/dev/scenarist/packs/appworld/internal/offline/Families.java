package dev.scenarist.packs.appworld.internal.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The offline author's scenario families, in a fixed order: a campaign's runs take them in turn by seed, so the
 * first runs of a campaign cover every family before one repeats.
 */
public final class Families {
    private static final List<Family> ALL = families();

    private Families() {}

    private static List<Family> families() {
        List<Family> all = new ArrayList<>();
        // families: group A
        all.add(new ReplyToInvitationFamily());
        all.add(new ContactUpdateNewNumberFamily());
        all.add(new CalendarConflictRescheduleFamily());
        all.add(new ReminderCleanupCancelledEventFamily());
        // families: group B
        all.add(new ExpiringDiscountCheckoutFamily());
        all.add(new ApartmentPriceDropFamily());
        all.add(new ConversationSummaryNoteFamily());
        all.add(new RideDiversionFamily());
        // families: group C
        all.add(new DuplicateOrderCancellationFamily());
        all.add(new MissingGroupContactsFamily());
        all.add(new LeaseRenewalReminderFamily());
        all.add(new MeetingMovedByMessageFamily());
        return List.copyOf(all);
    }

    public static List<Family> all() {
        return ALL;
    }

    public static Optional<Family> byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The family whose turn it is for this seed. */
    public static Family forSeed(long seed) {
        return ALL.get((int) Math.floorMod(seed, (long) ALL.size()));
    }
}
