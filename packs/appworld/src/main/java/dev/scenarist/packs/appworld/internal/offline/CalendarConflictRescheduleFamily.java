package dev.scenarist.packs.appworld.internal.offline;

import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.CALENDAR;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.EMAIL;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.obj;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.q;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.strings;
import static dev.scenarist.packs.appworld.internal.offline.Wording.a;
import static dev.scenarist.packs.appworld.internal.offline.Wording.day;
import static dev.scenarist.packs.appworld.internal.offline.Wording.fill;
import static dev.scenarist.packs.appworld.internal.offline.Wording.hm;
import static dev.scenarist.packs.appworld.internal.offline.Wording.weekday;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.internal.offline.Casting.Person;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A colleague puts a meeting in the user's calendar on top of an existing, movable event (a 1:1, a coffee, ...); the
 * other person of that event names a free slot by email (just now, or in an older email). The assistant proposes to
 * move the clashing event to that slot and tell its partner, and after the user accepts does both.
 */
public final class CalendarConflictRescheduleFamily implements Family {
    private static final List<String> MEETINGS = List.of("Budget review", "Quarterly planning", "Client call with Northwind", "Design critique",
            "Hiring debrief", "Vendor demo", "Security audit kickoff", "Board prep session", "Roadmap alignment", "Incident postmortem");
    /** A movable event kind: its title pattern ({0} = the partner's first name) and the narrative's noun. */
    private record Movable(String title, String noun) {}

    private static final List<Movable> MOVABLES = List.of(new Movable("1:1 with {0}", "weekly 1:1"), new Movable("Coffee with {0}", "coffee catch-up"),
            new Movable("Mentoring session with {0}", "mentoring session"), new Movable("Pairing session with {0}", "pairing session"),
            new Movable("Interview prep with {0}", "interview prep"), new Movable("Call with {0}", "phone call"));
    private static final List<String> ROLES = List.of("engineering manager", "account director", "data scientist", "people-operations partner",
            "operations lead", "staff designer", "finance controller", "product owner", "research scientist", "customer success lead");
    private static final List<String> TRAITS = List.of("guards every slot of the calendar", "hates cancelling on people", "accepts most meeting invites without looking",
            "prefers moving small meetings over skipping big ones", "lives in back-to-back meetings", "wants partners told whenever plans change");
    private static final List<String[]> NOISE = List.of(new String[] {"Expense report", "Your March expenses were approved."},
            new String[] {"Offsite venue", "Two venues left on the shortlist, thoughts?"}, new String[] {"Lunch order", "Pizza or sushi on Thursday?"},
            new String[] {"Release notes", "Draft of the release notes attached."}, new String[] {"Parking permit", "Your new permit is ready at reception."});
    private static final List<String> PERSONAS = List.of("Accepts reschedules that keep the important meeting and tell the other person.",
            "Likes the assistant to fix clashes but wants to approve each change.", "Answers proposals quickly and expects them carried out exactly.",
            "Trusts suggested free slots when they come from the person affected.");

    @Override
    public String id() {
        return "calendar-conflict-reschedule";
    }

    @Override
    public String theme() {
        return "A new meeting lands on top of an existing event; the assistant proposes moving the smaller event to a free slot named in an email and telling its partner, then does it once the user accepts.";
    }

    @Override
    public List<String> coreApps() {
        return List.of(CALENDAR, EMAIL);
    }

    @Override
    public Scenario generate(long seed) {
        Casting c = new Casting(id(), seed);
        Person user = c.user();
        Person organizer = c.colleague();
        Person partner = c.colleague();
        LocalDateTime start = c.start();
        LocalDate meetingDay = start.toLocalDate().plusDays(c.between(1, 6));
        while (meetingDay.getDayOfWeek().getValue() >= 6) meetingDay = meetingDay.plusDays(1);
        String meeting = c.pick(MEETINGS);
        LocalDateTime newStart = meetingDay.atTime(c.between(10, 14), c.chance(0.5) ? 0 : 30);
        LocalDateTime newEnd = newStart.plusMinutes(c.chance(0.5) ? 60 : 90);
        Movable movable = c.pick(MOVABLES);
        String movableTitle = fill(movable.title(), partner.first());
        LocalDateTime oldStart = newStart.plusMinutes(15L * c.between(0, 2));
        LocalDateTime oldEnd = oldStart.plusMinutes(15L * c.between(2, 4));
        long minutes = java.time.Duration.between(oldStart, oldEnd).toMinutes();
        boolean sameDay = c.chance(0.5);
        LocalDateTime slot;
        if (sameDay) {
            LocalDateTime after = newEnd.isAfter(oldEnd) ? newEnd : oldEnd;
            slot = after.plusMinutes(after.getMinute() % 30 == 0 ? 60 : 60 + 30 - after.getMinute() % 30);
        } else {
            LocalDate next = meetingDay.plusDays(1);
            while (next.getDayOfWeek().getValue() >= 6) next = next.plusDays(1);
            slot = next.atTime(c.between(9, 11), c.chance(0.5) ? 0 : 30);
        }
        LocalDateTime slotEnd = slot.plusMinutes(minutes);
        boolean slotJustNow = c.chance(0.5);
        boolean bySend = !slotJustNow && c.chance(0.5);
        int noiseCount = c.between(1, 3);
        List<Person> others = new ArrayList<>();
        for (int i = 0; i < noiseCount; i++) others.add(c.colleague());
        List<String[]> noise = c.pickDistinct(NOISE, noiseCount);
        List<String> eventIds = c.pickDistinct(List.of("ev_11", "ev_23", "ev_37", "ev_42", "ev_58", "ev_64", "ev_79"), 5);
        String movableId = eventIds.get(0);

        String slotText = fill("{0} {1}-{2}", day(slot), hm(slot), hm(slotEnd));
        String title = fill(c.pick(List.of("Move the {0} clashing with {1}", "{1} overlaps {2}: reschedule", "Resolve a {3} calendar clash",
                        "Make room for {1} by moving {2}", "Double-booked on {3}: shift the {0}")),
                movable.noun(), meeting, movableTitle, weekday(newStart));
        String who = fill(c.pick(List.of("{0} is {1} who {2}.", "{0} works as {1} and {2}.", "{0}, {1}, {2}.", "As {1}, {0} {2}.")),
                user.full(), a(c.pick(ROLES)), c.pick(TRAITS));
        String what = fill(c.pick(List.of(
                        "{0} adds {1} to the calendar for {2}, {3}-{4}, right over {5} at {6}.",
                        "A new meeting, {1}, arrives from {0}: {2} {3} to {4}, colliding with {5} ({6}).",
                        "{0} books {1} on {2} from {3}; it overlaps the {7} with {8} starting {6}.",
                        "On {2} the calendar suddenly shows {1} ({3}-{4}, set by {0}) on top of {5}.")),
                organizer.full(), meeting, day(newStart), hm(newStart), hm(newEnd), movableTitle, hm(oldStart), movable.noun(), partner.full());
        String source = slotJustNow
                ? fill(c.pick(List.of("{0} then emails that {1} works instead.", "Minutes later {0} writes offering {1}.",
                        "{0} notices too and suggests {1} by email.")), partner.first(), slotText)
                : fill(c.pick(List.of("An older email from {0} already said {1} would suit them.", "Last week {0} mentioned by email that {1} is free.",
                        "The inbox holds {0}'s earlier note offering {1} as a fallback.")), partner.first(), slotText);
        String good = fill(c.pick(List.of(
                        "A good assistant proposes moving the {0} to that slot and telling {1}; after {2} accepts it edits the event and emails {1}.",
                        "The assistant should suggest the move, wait for a yes, then reschedule the {0} and let {1} know.",
                        "Expected: keep {3} where it is, propose shifting {1}'s {0}, and only after approval move it and write to {1}.",
                        "Ideally it asks first, then changes just that event's time and sends {1} a short note.")),
                movable.noun(), partner.first(), user.first(), meeting);

        ScenarioDraft d = new ScenarioDraft(this, seed, start);
        d.describe(title, who + " " + what + " " + source + " " + good, user.full(), c.pick(PERSONAS));

        d.calendarEvent(movableId, movableTitle, oldStart, oldEnd, List.of(partner.full(), user.full()));
        d.calendarEvent(eventIds.get(1), "Team standup", meetingDay.atTime(9, 0), meetingDay.atTime(9, 15), List.of());
        d.calendarEvent(eventIds.get(2), fill(c.pick(List.of("Lunch with {0}", "Drinks with {0}", "Walk with {0}")), partner.first()),
                meetingDay.plusDays(3).atTime(12, 30), meetingDay.plusDays(3).atTime(13, 30), List.of(partner.full(), user.full()));
        if (c.chance(0.6)) {
            d.calendarEvent(eventIds.get(3), c.pick(List.of("Yoga", "Evening run", "Choir rehearsal")), meetingDay.atTime(19, 0), meetingDay.atTime(20, 0), List.of());
        }
        if (c.chance(0.6)) {
            LocalDate next = meetingDay.plusDays(1);
            d.calendarEvent(eventIds.get(4), c.pick(List.of("Focus block", "Dentist", "Car service")), next.atTime(14, 0), next.atTime(15, 30), List.of());
        }

        d.app(EMAIL).put("user_email", user.email());
        for (int i = 0; i < noiseCount; i++) {
            d.email("msg_" + (i + 1), others.get(i).email(), noise.get(i)[0], noise.get(i)[1], start.minusHours(3L + 5L * i));
        }
        String slotSubject = fill(c.pick(List.of("Our {0}", "Re: {0} this week", "If we need to move the {0}")), movable.noun());
        String slotBody = fill(c.pick(List.of(
                        "Hi {0}, if our {1} has to move, {2} {3} to {4} works for me. {5}",
                        "{0}, should anything clash with our {1}: I'm free {2} from {3} until {4}. Cheers, {5}",
                        "Hello {0}! Fallback for the {1}: {2}, {3}-{4}. {5}")),
                user.first(), movable.noun(), day(slot), hm(slot), hm(slotEnd), partner.first());
        String partnerEmailId = "email_1";
        if (!slotJustNow) {
            partnerEmailId = "msg_p";
            d.email(partnerEmailId, partner.email(), slotSubject, slotBody, start.minusDays(2).plusHours(3)).put("is_read", true);
        }

        ObjectNode added = obj();
        added.put("who_add", organizer.full());
        added.put("title", meeting);
        added.put("start_datetime", Casting.time(newStart));
        added.put("end_datetime", Casting.time(newEnd));
        added.set("attendees", strings(List.of(organizer.full(), user.full())));
        d.env("meeting_added", c.between(3, 20), "CalendarApp__add_calendar_event_by_attendee", added,
                "New calendar event by " + organizer.full() + ": " + meeting + " at " + Casting.time(newStart));
        String proposeAfter = "meeting_added";
        if (slotJustNow) {
            ObjectNode mail = obj();
            mail.put("sender", partner.email());
            mail.put("subject", slotSubject);
            mail.put("content", slotBody);
            d.env("slot_offer", c.between(3, 15), "EmailClientApp__send_email_to_user_only", mail, "New email from " + partner.email() + ": " + slotSubject, "meeting_added");
            proposeAfter = "slot_offer";
        }
        d.proposal("propose", c.between(3, 10), fill(c.pick(List.of(
                        "{0} was booked over your {1} on {2}. Shall I move the {1} to {3} and tell {4}?",
                        "Clash on {2}: {0} overlaps {5}. {4} can do {3}; move it there and let {4} know?",
                        "Shall I reschedule {5} to {3} (free, and fine for {4}) so {0} can stay, and email {4}?")),
                meeting, movable.noun(), weekday(newStart), slotText, partner.first(), movableTitle), "meeting_added", proposeAfter);
        d.accept("accept", c.between(5, 15), c.pick(List.of("Yes, do that.", "Good idea, go ahead.", "Yes please.", "OK, move it.")), "propose");
        ObjectNode move = obj();
        move.put("event_id", movableId);
        move.put("start_datetime", Casting.time(slot));
        move.put("end_datetime", Casting.time(slotEnd));
        d.action("move", 2, "CalendarApp__edit_calendar_event", move, "accept");
        String note = fill(c.pick(List.of("Hi {0}, {1} landed on our slot, so I moved our {2} to {3} {4}. Thanks! {5}",
                "{0}, our {2} is now {3} at {4}. See you then, {5}", "Thanks {0}: moved the {2} to {3}, {4}. {5}")),
                partner.first(), meeting, movable.noun(), day(slot), hm(slot), user.first());
        ObjectNode tell = obj();
        if (bySend) {
            tell.set("recipients", strings(List.of(partner.email())));
            tell.put("subject", "New time for our " + movable.noun());
            tell.put("content", note);
            d.action("tell", 2, "EmailClientApp__send_email", tell, "move");
        } else {
            tell.put("email_id", partnerEmailId);
            tell.put("content", note);
            d.action("tell", 2, "EmailClientApp__reply_to_email", tell, "move");
        }

        String ev = "apps.CalendarApp.events";
        String mv = ev + "[" + q(movableId) + "]";
        d.goal("event_moved", "The " + movable.noun() + " must move to the free slot " + partner.first() + " named.",
                q(movableId) + " in " + ev + " && " + mv + ".start_datetime == " + q(Casting.time(slot)) + " && " + mv + ".end_datetime == " + q(Casting.time(slotEnd)));
        d.emailAnswered("partner_told", partner.first() + " must learn the new time: a reply to their email or a new email to " + partner.email() + ".",
                partnerEmailId, partner.email());
        d.goal("new_meeting_kept", meeting + " stays where " + organizer.first() + " put it.",
                ev + ".exists(k, " + ev + "[k].title == " + q(meeting) + " && " + ev + "[k].start_datetime == " + q(Casting.time(newStart))
                        + " && " + ev + "[k].end_datetime == " + q(Casting.time(newEnd)) + ")");
        d.proposedBeforeActing("A proactive assistant proposes before it moves an event or writes for the user.",
                "edit_calendar_event", "reply_to_email", "send_email");
        return d.build();
    }
}
