package dev.scenarist.packs.appworld.internal.offline;

import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.CALENDAR;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.EMAIL;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.MESSAGING;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.REMINDER;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.obj;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.q;
import static dev.scenarist.packs.appworld.internal.offline.Wording.a;
import static dev.scenarist.packs.appworld.internal.offline.Wording.day;
import static dev.scenarist.packs.appworld.internal.offline.Wording.fill;
import static dev.scenarist.packs.appworld.internal.offline.Wording.hm;
import static dev.scenarist.packs.appworld.internal.offline.Wording.weekday;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.internal.offline.Casting.Person;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An attendee cancels a calendar event and says why (by email or chat); the user has one or two reminders that only
 * make sense for that event, a look-alike reminder for another event and unrelated ones. The assistant proposes to
 * delete the event's reminders, and after the user accepts deletes exactly those.
 */
public final class ReminderCleanupCancelledEventFamily implements Family {
    /**
     * A cancellable event: its title ({0} = the attendee's first name), the reminders that belong to it, a similar
     * event that stays and its look-alike reminder, when it usually starts, and whether the attendee is a colleague.
     */
    private record Kind(String title, List<String> reminders, String otherEvent, String lookalike, int hour, boolean work) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("Project review with {0}", List.of("Prepare slides for the project review", "Book a room for the project review"),
                    "Budget review", "Prepare slides for the budget review", 15, true),
            new Kind("Client workshop", List.of("Print handouts for the client workshop", "Order sandwiches for the workshop"),
                    "Team retro", "Print sticky-note templates for the retro", 10, true),
            new Kind("Dinner with {0}", List.of("Buy wine for dinner with {0}", "Confirm the table for dinner with {0}"),
                    "Lunch with the neighbours", "Buy flowers for lunch with the neighbours", 19, false),
            new Kind("Book club at {0}'s", List.of("Finish the novel before book club", "Bake lemon cookies for book club"),
                    "Pub quiz", "Revise capital cities before the pub quiz", 18, false),
            new Kind("Team offsite", List.of("Book train tickets for the offsite", "Pack the laptop charger for the offsite"),
                    "Sales kickoff", "Book train tickets for the sales kickoff", 9, true),
            new Kind("Moving day with {0}", List.of("Rent a van for moving day", "Collect boxes for moving day"),
                    "Garage clear-out", "Collect boxes for the garage clear-out", 8, false),
            new Kind("Piano lesson with {0}", List.of("Practise the Chopin nocturne before the lesson", "Bring the lesson fee in cash"),
                    "Choir rehearsal", "Practise the alto part before choir", 17, false),
            new Kind("Quarterly planning with {0}", List.of("Draft OKRs for quarterly planning", "Send the agenda for quarterly planning"),
                    "Hiring committee", "Draft questions for the hiring committee", 11, true));
    private static final List<String> UNRELATED = List.of("Buy milk", "Call the plumber", "Renew passport", "Pay the electricity bill", "Water the plants",
            "Pick up dry cleaning", "Book a haircut", "Return library books", "Take out the recycling", "Schedule the car service");
    private static final List<String> ROLES = List.of("project coordinator", "primary-school teacher", "freelance copywriter", "pharmacist",
            "event planner", "postdoc", "store manager", "electrician", "consultant", "orchestra violinist");
    private static final List<String> TRAITS = List.of("sets reminders for everything", "gets nagged by stale reminders", "likes a clean reminder list",
            "plans every event with a small to-do list", "forgets to tidy up after plans change", "wants only the right reminders removed");
    private static final List<String> PERSONAS = List.of("Happy to drop to-dos that no longer matter, but nothing else.",
            "Accepts tidy-ups that name the exact reminders.", "Prefers being asked before anything is deleted.",
            "Short answers; trusts the assistant once a proposal is specific.");

    @Override
    public String id() {
        return "reminder-cleanup-cancelled-event";
    }

    @Override
    public String theme() {
        return "An attendee cancels a calendar event; the assistant proposes to delete only the reminders tied to that event and does so once the user accepts.";
    }

    @Override
    public List<String> coreApps() {
        return List.of(CALENDAR, REMINDER);
    }

    @Override
    public Scenario generate(long seed) {
        Casting c = new Casting(id(), seed);
        Person user = c.user();
        Kind kind = c.pick(KINDS);
        Person attendee = kind.work() ? c.colleague() : c.friend();
        LocalDateTime start = c.start();
        LocalDateTime when = start.toLocalDate().plusDays(c.between(1, 5)).atTime(kind.hour(), c.chance(0.5) ? 0 : 30);
        LocalDateTime until = when.plusMinutes(60L + 30L * c.between(0, 4));
        String eventTitle = fill(kind.title(), attendee.first());
        int relatedCount = c.between(1, 2);
        List<String> related = new ArrayList<>();
        for (String r : c.pickDistinct(kind.reminders(), relatedCount)) related.add(fill(r, attendee.first()));
        int unrelatedCount = c.between(2, 3);
        List<String> unrelated = c.pickDistinct(UNRELATED, unrelatedCount);
        boolean byChat = c.chance(0.4);
        List<String> ids = c.pickDistinct(List.of("rem_a", "rem_b", "rem_c", "rem_d", "rem_e", "rem_f", "rem_g"), relatedCount + 1 + unrelatedCount);
        List<String> relatedIds = ids.subList(0, relatedCount);
        String lookalikeId = ids.get(relatedCount);
        List<String> keepIds = ids.subList(relatedCount, ids.size());
        LocalDateTime other = when.plusDays(c.between(1, 3)).withHour((kind.hour() + 2) % 24);

        String reason = c.pick(List.of("is off sick", "has a family emergency", "was called away on a trip", "double-booked by mistake", "needs to postpone to next month"));
        String relatedText = related.size() == 1 ? "'" + related.get(0) + "'" : "'" + related.get(0) + "' and '" + related.get(1) + "'";
        String title = fill(c.pick(List.of("Clear the reminders of a cancelled {0}", "{1} cancelled: drop its to-dos", "Tidy up after {2} calls off {1}",
                        "Remove {5} for {4}", "Cancelled {4}: clean the reminder list")),
                kind.work() ? "meeting" : "plan", eventTitle, attendee.first(), related.size(), weekday(when),
                related.size() == 1 ? "a stale reminder" : "two stale reminders");
        String who = fill(c.pick(List.of("{0} is {1} who {2}.", "{0} works as {1} and {2}.", "{0}, {1}, {2}.", "As {1}, {0} {2}.")),
                user.full(), a(c.pick(ROLES)), c.pick(TRAITS));
        String what = fill(c.pick(List.of(
                        "{0} cancels {1} ({2}, {3}) because {6} {4}, and explains it by {5}.",
                        "The calendar loses {1} on {2}: {0} deletes it and sends {7}; {6} {4}.",
                        "On {2} {1} was planned for {3}; {0} {4}, removes it and follows up by {5}.",
                        "{8} from {0} explains why {1}, set for {2} at {3}, is gone: {6} {4}.")),
                attendee.full(), eventTitle, day(when), hm(when), reason, byChat ? "chat message" : "email", attendee.first(),
                byChat ? "a chat message" : "an email", byChat ? "A chat message" : "An email");
        String state = fill(c.pick(List.of(
                        "Tied to it: {0}; also listed are {1} other reminders, one of them '{2}' for the {3}.",
                        "Among {4} reminders, only {0} belong to it; '{2}' is for the {3}, which still happens.",
                        "Reminders include {0}, plus '{2}' and {1} unrelated chores.")),
                relatedText, unrelatedCount, kind.lookalike(), kind.otherEvent(), ids.size());
        String good = fill(c.pick(List.of(
                        "A good assistant proposes deleting just those, and after {0} accepts removes them and keeps the rest.",
                        "The assistant should ask before deleting anything, then drop only the cancelled event's reminders.",
                        "Expected: one proposal naming the reminders, then, on approval, {3} and nothing else.",
                        "Ideally it offers the clean-up, waits for {0}'s yes, and leaves the {2} reminder alone.")),
                user.first(), relatedCount, kind.otherEvent(), relatedCount == 1 ? "one deletion" : "two deletions");

        ScenarioDraft d = new ScenarioDraft(this, seed, start);
        d.describe(title, who + " " + what + " " + state + " " + good, user.full(), c.pick(PERSONAS));

        String eventId = "evt_" + c.between(100, 999);
        d.calendarEvent(eventId, eventTitle, when, until, List.of(attendee.full(), user.full()));
        d.calendarEvent("evt_other", kind.otherEvent(), other, other.plusHours(1), List.of(user.full()));
        if (c.chance(0.6)) {
            LocalDateTime dayBefore = when.minusDays(1);
            d.calendarEvent("evt_gym", c.pick(List.of("Gym", "Swimming", "Dentist")), dayBefore.withHour(7), dayBefore.withHour(8), List.of());
        }

        for (int i = 0; i < relatedCount; i++) {
            d.reminder(relatedIds.get(i), related.get(i), when.minusHours(2L + 20L * i)).put("description", "For " + eventTitle);
        }
        d.reminder(lookalikeId, kind.lookalike(), other.minusHours(3)).put("description", "For the " + kind.otherEvent());
        for (int i = 0; i < unrelatedCount; i++) d.reminder(keepIds.get(1 + i), unrelated.get(i), start.plusDays(i + 1L).withHour(18));

        ObjectNode cancel = obj();
        cancel.put("event_id", eventId);
        cancel.put("who_delete", attendee.full());
        d.env("cancel", c.between(3, 20), "CalendarApp__delete_calendar_event_by_attendee", cancel, "Calendar event " + eventId + " deleted by " + attendee.full());
        String why = fill(c.pick(List.of("Sorry {0}, I have to cancel {1} on {2}: I {3}.", "{0}, {1} ({2}) is off, I {3}. Let's find another date.",
                "Hi {0}, bad news: I {3}, so {1} on {2} won't happen.")), user.first(), eventTitle, weekday(when), reason.replace("is off", "am off")
                .replace("has a", "have a").replace("was called", "was called").replace("needs to", "need to"));
        if (byChat) {
            d.app(MESSAGING).put("user_name", user.full());
            String convId = "chat_" + attendee.first().toLowerCase(Locale.ROOT);
            ScenarioDraft.message(d.conversation(convId, attendee.full(), List.of(user.full(), attendee.full())), attendee.full(),
                    "Looking forward to " + eventTitle + "!", start.minusDays(2));
            ObjectNode msg = obj();
            msg.put("conversation_id", convId);
            msg.put("sender", attendee.full());
            msg.put("content", why);
            d.env("explain", c.between(2, 10), "MessagingApp__create_and_add_message", msg, "New message from " + attendee.full() + ": " + why, "cancel");
        } else {
            d.app(EMAIL).put("user_email", user.email());
            ObjectNode mail = obj();
            String subject = eventTitle + " cancelled";
            mail.put("sender", attendee.email());
            mail.put("subject", subject);
            mail.put("content", why);
            d.env("explain", c.between(2, 10), "EmailClientApp__send_email_to_user_only", mail, "New email from " + attendee.email() + ": " + subject, "cancel");
        }
        d.proposal("propose", c.between(3, 10), fill(c.pick(List.of(
                        "{0} cancelled {1}. Shall I delete your reminder(s) {2}?",
                        "{1} on {3} is off. Delete {2}? Your other reminders stay.",
                        "Since {1} was cancelled by {0}, shall I remove {2} and keep '{4}'?")),
                attendee.first(), eventTitle, relatedText, weekday(when), kind.lookalike()), "cancel", "explain");
        d.accept("accept", c.between(5, 15), c.pick(List.of("Yes please.", "Yes, delete them.", "Go ahead.", "Sure.")), "propose");
        String after = "accept";
        for (int i = 0; i < relatedCount; i++) {
            ObjectNode del = obj();
            del.put("reminder_id", relatedIds.get(i));
            d.action("delete_" + (i + 1), 2, "ReminderApp__delete_reminder", del, after);
            after = "delete_" + (i + 1);
        }

        String rs = "apps.ReminderApp.reminders";
        StringBuilder gone = new StringBuilder();
        for (String id : relatedIds) gone.append(gone.isEmpty() ? "" : " && ").append("!(").append(q(id)).append(" in ").append(rs).append(")");
        StringBuilder kept = new StringBuilder();
        for (String id : keepIds) kept.append(kept.isEmpty() ? "" : " && ").append(q(id)).append(" in ").append(rs);
        d.goal("event_reminders_gone", "The reminders for the cancelled " + eventTitle + " must be gone.", gone.toString());
        d.goal("other_reminders_kept", "The look-alike reminder for the " + kind.otherEvent() + " and the unrelated ones must stay.", kept.toString());
        d.proposedBeforeActing("A proactive assistant proposes before it deletes anything.", "delete_reminder");
        return d.build();
    }
}
