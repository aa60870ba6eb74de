package dev.scenarist.packs.appworld.internal.offline;

import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.CALENDAR;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.CONTACTS;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.EMAIL;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.obj;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.q;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.strings;
import static dev.scenarist.packs.appworld.internal.offline.Wording.a;
import static dev.scenarist.packs.appworld.internal.offline.Wording.date;
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

/**
 * A friend or colleague emails an invitation (dinner, hike, book club, ...) with a place and a time; the assistant
 * proposes to put it in the calendar and to answer, and after the user accepts adds the event and replies.
 */
public final class ReplyToInvitationFamily implements Family {
    /** A kind of invitation: what it is, where it may be, when it usually starts and how long it lasts, and whether it is work. */
    private record Kind(String noun, String phrase, String title, List<String> places, Hours hours, boolean work) {}

    /** When an invitation's kind starts (the earliest and latest hour) and how many minutes it lasts. */
    private record Hours(int from, int to, int minutes) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("dinner", "dinner", "Dinner", List.of("Luigi's Trattoria", "The Olive Tree", "Casa Verde", "Sakura House", "the Blue Anchor Bistro"),
                    new Hours(18, 20, 120), false),
            new Kind("lunch", "lunch", "Lunch", List.of("Green Fork Deli", "Noodle Bar Hoshi", "Café Marlowe", "the Harbour Canteen"), new Hours(12, 13, 75), false),
            new Kind("birthday party", "a birthday party", "Birthday party", List.of("the Red Lantern pub", "Rooftop 21", "the Willow Garden", "her flat on Maple Street"),
                    new Hours(18, 20, 180), false),
            new Kind("book club evening", "a book club evening", "Book club", List.of("Chapter One Café", "the Northside Library", "the Inkwell tea room"),
                    new Hours(18, 19, 120), false),
            new Kind("board game night", "a board game night", "Board game night", List.of("Dice & Tea", "the Meeple Lounge", "his place on Orchard Lane"),
                    new Hours(19, 20, 180), false),
            new Kind("hike", "a hike", "Hike", List.of("the Eagle Ridge trailhead", "Pine Hollow car park", "the Lakeside trail gate"), new Hours(8, 10, 240), false),
            new Kind("concert", "a concert", "Concert", List.of("Riverside Hall", "the Old Gasworks", "the Jazz Cellar on King Street"), new Hours(19, 20, 150), false),
            new Kind("housewarming", "a housewarming", "Housewarming", List.of("the new flat on Elm Road", "14 Birch Crescent", "the loft above Kettle Bakery"),
                    new Hours(17, 19, 180), false),
            new Kind("team lunch", "a team lunch", "Team lunch", List.of("the Corner Brasserie", "Spice Route", "the Atrium food hall"), new Hours(12, 12, 90), true),
            new Kind("strategy workshop", "a strategy workshop", "Strategy workshop", List.of("meeting room Aurora", "the Harbourview co-working space", "the 5th-floor lab"),
                    new Hours(9, 14, 120), true),
            new Kind("farewell drinks", "farewell drinks", "Farewell drinks", List.of("the Crown & Anchor", "Bar Sol", "the Hop Yard"), new Hours(17, 18, 120), true));

    private static final List<String> ROLES = List.of("busy product manager", "secondary-school teacher", "freelance illustrator", "night-shift nurse",
            "software engineer", "small-bakery owner", "graduate student", "sales consultant", "architect", "physiotherapist", "museum curator", "bus driver");
    private static final List<String> HABITS = List.of("rarely opens email before lunch", "keeps a meticulous calendar", "lets the assistant handle routine replies",
            "prefers short, concrete proposals", "hates double-booking evenings", "answers invitations late and feels bad about it",
            "trusts the phone to remember plans", "juggles work and a packed social life");
    private static final List<String> FRIEND_REL = List.of("friend", "old university friend", "neighbour", "cousin", "climbing partner", "former flatmate");
    private static final List<String> WORK_REL = List.of("colleague", "team lead", "project partner", "manager");
    private static final List<String[]> NOISE = List.of(
            new String[] {"Quarterly report", "Please review the numbers by Friday."},
            new String[] {"Photos from the weekend", "Uploaded them to the shared album, enjoy!"},
            new String[] {"Minutes from Tuesday", "Attached are the notes from our sync."},
            new String[] {"Carpool next week", "Can you drive on Wednesday? I have Thursday."},
            new String[] {"Recipe you asked for", "Here is the lentil soup recipe, it is easy."},
            new String[] {"Invoice 2291", "Your invoice for last month is attached."},
            new String[] {"Spare tickets?", "Do you still have the spare match tickets?"});
    private static final List<String> PERSONAS = List.of("Answers yes to plans with people they like and wants the calendar kept exact.",
            "Likes brief proposals and accepts sensible ones without fuss.", "Is happy to be asked first and then let the assistant do the typing.",
            "Values punctual replies to invitations and a calendar that matches reality.");

    @Override
    public String id() {
        return "reply-to-invitation";
    }

    @Override
    public String theme() {
        return "Someone emails the user an invitation with a place and time; the assistant proposes to add it to the calendar and reply, then does both once the user accepts.";
    }

    @Override
    public List<String> coreApps() {
        return List.of(EMAIL, CALENDAR, CONTACTS);
    }

    @Override
    public Scenario generate(long seed) {
        Casting c = new Casting(id(), seed);
        Person user = c.user();
        Kind kind = c.pick(KINDS);
        Person host = kind.work() ? c.colleague() : c.friend();
        String rel = c.pick(kind.work() ? WORK_REL : FRIEND_REL);
        String place = c.pick(kind.places());
        LocalDateTime start = c.start();
        LocalDateTime from = c.laterAt(start, 2, 12, kind.hours().from(), kind.hours().to());
        LocalDateTime to = from.plusMinutes(kind.hours().minutes());
        int noiseCount = c.between(2, 4);
        List<Person> others = new ArrayList<>();
        for (int i = 0; i < noiseCount; i++) others.add(c.chance(0.5) ? c.friend() : c.colleague());
        List<String[]> noise = c.pickDistinct(NOISE, noiseCount);
        boolean bySend = c.chance(0.3);

        String role = c.pick(ROLES);
        String habit = c.pick(HABITS);
        String subject = fill(c.pick(List.of("{0} on {1}?", "Are you free on {1}?", "Invitation: {2} at {3}", "Join me for {2}?", "{0} plans for {4}")),
                kind.title(), weekday(from), kind.noun(), place, day(from));
        String content = fill(c.pick(List.of(
                        "Hi {0}! Would you like to join me for {8} at {2} on {3} {4} from {5} to {6}? Let me know. {7}",
                        "Hello {0}, I am organising {8} at {2}: {3} {4}, {5} until {6}. Can you make it? Cheers, {7}",
                        "{0}, quick one: {1} at {2} on {3} ({4}), starting {5} and ending around {6}. Are you in? {7}",
                        "Dear {0}, it would be lovely to see you at the {1} at {2} on {3} {4}, {5}-{6}. Hope you can come! {7}")),
                user.first(), kind.noun(), place, weekday(from), date(from), hm(from), hm(to), host.first(), kind.phrase());

        String title = fill(c.pick(List.of("Accept {0}'s {1} invitation", "{2} at {3}: add it and reply", "Say yes to {1} with {0} on {4}",
                        "Calendar entry and reply for an emailed {1} invite", "RSVP to {5}'s {1} at {3}")),
                host.first(), kind.noun(), kind.title(), place, weekday(from), host.full());
        String who = fill(c.pick(List.of("{0} is {3} who {2}.", "{0} works as {3} and {2}.", "{0}, {3}, {2}.", "As {3}, {0} {2}.")),
                user.full(), role, habit, a(role));
        String what = fill(c.pick(List.of(
                        "{0}, {10}, emails an invitation to {11} at {3} on {4}, {5} to {6}.",
                        "An email arrives from {0} ({1}): {2} at {3}, {4} from {5} until {6}, and would {7} like to come?",
                        "On a {8} morning {0}, {7}'s {1}, writes to ask whether {7} will join {11} at {3} on {4} ({5}-{6}).",
                        "The inbox already holds {9} unrelated emails when {0}, {10}, sends {12} {2} invitation for {4}, {5}-{6}, at {3}.",
                        "{0} ({1}) wants company for {11}: {3}, {4}, starting {5} and finishing about {6}.")),
                host.full(), rel, kind.noun(), place, day(from), hm(from), hm(to), user.first(), weekday(start), noiseCount, a(rel), kind.phrase(),
                a(kind.noun()).split(" ")[0]);
        String good = fill(c.pick(List.of(
                        "A good assistant spots the invitation, proposes adding the {0} to the calendar and confirming with {1}, and once {2} accepts it creates the event and answers.",
                        "The assistant should offer to block {3} {4}-{5} and tell {1} that {2} is coming; after a yes it adds the event with {1} as attendee and writes back.",
                        "Ideally the assistant asks first (calendar entry plus a short yes to {1}) and only after {2} agrees saves the event and sends the answer.",
                        "Expected: one short proposal about the email, then, on acceptance, an event at {6} in the calendar and a reply to {1}, leaving the other emails alone.",
                        "Best behaviour: suggest saving the {0} and accepting on {2}'s behalf, wait for approval, then do both without touching unrelated mail.")),
                kind.noun(), host.first(), user.first(), day(from), hm(from), hm(to), place);

        ScenarioDraft d = new ScenarioDraft(this, seed, start);
        d.describe(title, who + " " + what + " " + good, user.full(), c.pick(PERSONAS));

        d.app(EMAIL).put("user_email", user.email());
        for (int i = 0; i < noiseCount; i++) {
            d.email("in_" + (i + 1), others.get(i).email(), noise.get(i)[0], noise.get(i)[1] + " " + others.get(i).first(), start.minusHours(2L + 7L * i))
                    .put("is_read", i > 0);
        }

        String[][] busy = {{"Team standup", "09:30", "15"}, {"Dentist", "08:00", "45"}, {"Yoga class", "07:00", "60"}, {"Parents' evening", "17:00", "60"}};
        int busyCount = c.between(1, 3);
        for (int i = 0; i < busyCount; i++) {
            String[] b = busy[(i + (int) (seed % 4)) % 4];
            LocalDateTime at = from.toLocalDate().plusDays(i % 2 == 0 ? -(i + 1) : i + 1).atTime(Integer.parseInt(b[1].substring(0, 2)), Integer.parseInt(b[1].substring(3)));
            d.calendarEvent("cal_" + (i + 1), b[0], at, at.plusMinutes(Integer.parseInt(b[2])), List.of());
        }

        d.userContact("ct_me", user);
        d.contact("ct_host", host);
        for (int i = 0; i < others.size(); i++) d.contact("ct_" + (i + 1), others.get(i));

        ObjectNode invite = obj();
        invite.put("sender", host.email());
        invite.put("subject", subject);
        invite.put("content", content);
        d.env("invite", c.between(3, 20), "EmailClientApp__send_email_to_user_only", invite, "New email from " + host.email() + ": " + subject);
        d.proposal("propose", c.between(3, 10), fill(c.pick(List.of(
                        "{0} invites you to {6} at {2} on {3}, {4}-{5}. Shall I add it to your calendar and reply that you will come?",
                        "New invitation from {0}: {1}, {3} {4} to {5}, at {2}. Add it to the calendar and accept?",
                        "Shall I put {0}'s {1} ({3}, {4}-{5}, {2}) in your calendar and let {0} know you're coming?")),
                host.first(), kind.noun(), place, day(from), hm(from), hm(to), kind.phrase()), "invite", "invite");
        d.accept("accept", c.between(5, 15), c.pick(List.of("Yes please.", "Sounds good, go ahead.", "Yes, do both.", "Great, thanks!")), "propose");
        ObjectNode add = obj();
        add.put("title", kind.title() + " with " + host.first());
        add.put("start_datetime", Casting.time(from));
        add.put("end_datetime", Casting.time(to));
        add.put("location", place);
        add.set("attendees", strings(List.of(host.full(), user.full())));
        d.action("add_event", 2, "CalendarApp__add_calendar_event", add, "accept");
        String answer = fill(c.pick(List.of("Hi {0}, count me in! See you on {1} at {2}. {3}", "Thanks {0}, I'd love to come. See you at {2} on {1}. {3}",
                "{0}, yes! {1} at {2} works for me. {3}")), host.first(), weekday(from), hm(from), user.first());
        ObjectNode reply = obj();
        if (bySend) {
            reply.set("recipients", strings(List.of(host.email())));
            reply.put("subject", "Re: " + subject);
            reply.put("content", answer);
            d.action("reply", 2, "EmailClientApp__send_email", reply, "add_event");
        } else {
            reply.put("email_id", "email_1");
            reply.put("content", answer);
            d.action("reply", 2, "EmailClientApp__reply_to_email", reply, "add_event");
        }

        String events = "apps.CalendarApp.events";
        d.goal("event_in_calendar", "The " + kind.noun() + " must be in " + user.first() + "'s calendar at the time " + host.first() + " gave.",
                events + ".exists(k, " + events + "[k].start_datetime == " + q(Casting.time(from)) + " && " + events + "[k].end_datetime == " + q(Casting.time(to)) + ")");
        d.emailAnswered("host_answered", host.first() + " must get an answer: a reply to the invitation or a new email to " + host.email() + ".",
                "email_1", host.email());
        d.proposedBeforeActing("A proactive assistant proposes before it changes the calendar or writes for the user.",
                "add_calendar_event", "reply_to_email", "send_email");
        return d.build();
    }
}
