package dev.scenarist.packs.appworld.internal.offline;

import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.MESSAGING;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.entryHas;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.message;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.obj;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.q;
import static dev.scenarist.packs.appworld.internal.offline.Wording.day;
import static dev.scenarist.packs.appworld.internal.offline.Wording.fivePartWording;
import static dev.scenarist.packs.appworld.internal.offline.Wording.hm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.internal.offline.Casting.Person;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A colleague writes in a chat that a meeting moved to another time: the assistant proposes moving that calendar event
 * (not one of its look-alikes), and after the user accepts edits it.
 */
public final class MeetingMovedByMessageFamily implements Family {
    private static final List<String> TOPICS = List.of("Design review", "Sprint planning", "Budget sync", "Roadmap review", "Client check-in",
            "Hiring debrief", "Launch retro", "Vendor call", "Data quality review", "Onboarding walkthrough", "Pricing workshop", "Security briefing");
    private static final List<String> TEAMS = List.of("mobile team", "EMEA", "platform", "marketing", "support", "finance");
    private static final List<String> ROOMS = List.of("Room Atlas", "Orion room", "Studio 2", "Video call", "3rd floor lounge", "Boardroom");
    private static final List<String> ROLES = List.of("product manager", "team lead", "UX researcher", "account manager", "data analyst", "project coordinator");
    private static final List<String> REASONS = List.of("the client's flight got delayed", "half the team is stuck in a training",
            "the room was double-booked", "the release is slipping by a few hours", "finance needs the morning for the audit",
            "the external guest can only join later");
    private static final List<String> PERSONAS = List.of(
            "Keeps a packed calendar and trusts the assistant with routine changes once it names the meeting and the new time.",
            "Detail-oriented; accepts a move only when the proposal states the old and the new slot.",
            "Always in meetings and answers proposals with a short yes between calls.",
            "Hates double-booking and wants the calendar to match what colleagues say in chat.");

    @Override
    public String id() {
        return "meeting-moved-by-message";
    }

    @Override
    public String theme() {
        return "A colleague messages that a meeting moved to another time; the assistant proposes editing that calendar event, not its look-alikes.";
    }

    @Override
    public List<String> coreApps() {
        return List.of("MessagingApp", "CalendarApp");
    }

    @Override
    public Scenario generate(long seed) {
        Casting c = new Casting(id(), seed);
        Person user = c.user();
        Person colleague = c.colleague();
        Person friend = c.friend();
        LocalDateTime start = c.start();
        ScenarioDraft d = new ScenarioDraft(this, seed, start);
        String topic = c.pick(TOPICS);
        String topicLower = topic.toLowerCase(Locale.ROOT);
        boolean withName = c.chance(0.5);
        String title = withName ? topic + " with " + colleague.first() : topic;
        int duration = c.pick(List.of(30, 45, 60, 90));
        LocalDateTime old = start.toLocalDate().plusDays(c.between(1, 5)).atTime(c.between(9, 14), c.pick(List.of(0, 30)));
        LocalDateTime oldEnd = old.plusMinutes(duration);
        boolean nextDay = c.chance(0.3);
        LocalDateTime moved = nextDay ? old.plusDays(1) : old.plusHours(c.chance(0.5) || old.getHour() < 11 ? c.between(1, 3) : -c.between(1, 2));
        LocalDateTime movedEnd = moved.plusMinutes(duration);
        String reason = c.pick(REASONS);
        String team = c.pick(TEAMS);
        String room = c.pick(ROOMS);

        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < 6) ids.add("ev_" + c.between(100, 999));
        List<String> eids = new ArrayList<>(ids);
        String target = eids.getFirst();

        // the calendar: the meeting, its look-alikes, and something unrelated
        d.calendarEvent(target, title, old, oldEnd, List.of(user.full(), colleague.full())).put("location", room);
        List<String> lookAlikes = new ArrayList<>();
        List<String> lookAlikeStarts = new ArrayList<>();
        LocalDateTime prep = old.minusDays(1).withHour(16).withMinute(0);
        d.calendarEvent(eids.get(1), topic + " prep", prep, prep.plusMinutes(30), List.of(user.full()));
        lookAlikes.add(eids.get(1));
        lookAlikeStarts.add(Casting.time(prep));
        LocalDateTime nextWeek = old.plusDays(7);
        d.calendarEvent(eids.get(2), title, nextWeek, nextWeek.plusMinutes(duration), List.of(user.full(), colleague.full())).put("location", room);
        lookAlikes.add(eids.get(2));
        lookAlikeStarts.add(Casting.time(nextWeek));
        if (c.chance(0.6)) {
            LocalDateTime other = old.plusDays(c.pick(List.of(-1, 2, 3))).withHour(c.between(9, 15));
            d.calendarEvent(eids.get(3), topic + " - " + team, other, other.plusMinutes(60), List.of(user.full())).put("location", c.pick(ROOMS));
            lookAlikes.add(eids.get(3));
            lookAlikeStarts.add(Casting.time(other));
        }
        LocalDateTime gym = start.toLocalDate().plusDays(c.between(0, 4)).atTime(c.pick(List.of(7, 18, 19)), 0);
        d.calendarEvent(eids.get(4), c.pick(List.of("Gym", "Dentist", "Piano lesson", "Parents' evening")), gym, gym.plusMinutes(60), List.of());

        // the chats
        String convId = "conv_" + c.between(10, 49);
        String otherConv = "conv_" + c.between(50, 99);
        d.app(MESSAGING).put("user_name", user.full());
        message(d.conversation(convId, null, List.of(user.full(), colleague.full())), colleague.full(),
                c.pick(List.of("Thanks for the notes yesterday!", "Did you see the new draft?", "I'll send the agenda for the " + topicLower + " later.")),
                start.minusHours(c.between(15, 60)));
        message(d.conversation(otherConv, null, List.of(user.full(), friend.full())), friend.full(),
                c.pick(List.of("Movie on Friday?", "Got your package, thanks!", "Call me when you're free.")),
                start.minusHours(c.between(1, 14)));

        String oldHm = hm(old);
        String newHm = hm(moved);
        String newWords = Casting.spoken(moved);
        String oldDay = day(old);
        String content = c.pick(List.of(
                "Heads-up: the " + title + " on " + oldDay + " moved from " + oldHm + " to " + (nextDay ? newWords : newHm) + " (until " + hm(movedEnd)
                        + "). Same place.",
                "Hi " + user.first() + ", " + reason + ", so we're shifting the " + title + " to " + newWords + "-" + hm(movedEnd) + ". Can you make it?",
                "Quick one: " + title + " is now " + newWords + " instead of " + oldHm + " on " + oldDay + ", because " + reason + "."));
        String notification = "New message from " + colleague.full() + ": " + content;

        String first = user.first();
        String userName = first + " " + user.last();
        String cfirst = colleague.first();
        int alike = lookAlikes.size();
        String role = c.pick(ROLES);
        String[] opening = {
                user.full() + " works as a " + role + " and lives by the shared calendar, which holds several " + topicLower + " entries right now.",
                userName + "'s calendar is crowded with look-alike meetings: the " + title + ", a prep slot and " + (alike > 2 ? "a " + team + " session" : "next week's repeat") + ".",
                "As a " + role + ", " + userName + " attends many " + topicLower + " meetings and often mixes them up.",
                userName + " coordinates with " + colleague.full() + " mostly through chat messages rather than email, even for scheduling.",
                "In a busy week, " + user.full() + "'s agenda lists the " + title + " in " + room + " alongside similarly named events."};
        String[] happening = {
                cfirst + " messages that the " + title + " on " + oldDay + " has moved from " + oldHm + " to " + (nextDay ? newWords : newHm) + ", because " + reason + ".",
                "A chat from " + colleague.full() + " arrives: " + reason + ", so the " + title + " now runs " + newWords + " until " + hm(movedEnd) + ".",
                "Because " + reason + ", " + cfirst + " writes to say the " + title + " shifts to " + newWords + "; the other " + topicLower + " entries stay put.",
                "Today " + cfirst + " sends word over the messaging app that the " + title + " is rescheduled from " + Casting.spoken(old) + " to " + newWords + ".",
                "A new message from " + cfirst + ": " + reason + ", and the " + title + " moves to " + newWords + "."};
        String[] good = {
                "A good assistant proposes updating that one event and, after " + first + " agrees, edits it to the new time, leaving the similar events alone.",
                "The assistant should pick the right entry among the look-alikes, ask before changing it, and then move only that meeting.",
                "Ideally it suggests the change, waits for approval, and edits the event's start and end without touching the " + alike + " other "
                        + topicLower + " slots.",
                "What helps is a short proposal naming the old and new times; after a yes, the calendar shows the meeting at " + newHm + " and nothing else moved.",
                "A proactive assistant notices the change, asks " + first + " whether to apply it, and then reschedules exactly that event."};
        String[] titles = {
                "Move the " + title + " to " + newHm,
                cfirst + " reschedules the " + topicLower + " by message",
                "Chat says the " + title + " moved: update the calendar",
                "Keep the calendar in step with " + cfirst + "'s message about the " + topicLower,
                topic + " shifted to " + day(moved)};
        int[] w = fivePartWording(seed);
        String narrative = opening[w[0]] + " " + happening[w[1]] + " " + good[w[2]];
        String scenarioTitle = titles[w[3]];

        d.describe(scenarioTitle, narrative, user.full(), c.pick(PERSONAS));

        ObjectNode trig = obj();
        trig.put("conversation_id", convId);
        trig.put("sender", colleague.full());
        trig.put("content", content);
        d.env("moved", c.between(3, 15), "MessagingApp__create_and_add_message", trig, notification);
        d.proposal("propose", c.between(3, 10), c.pick(List.of(
                cfirst + " says the " + title + " on " + oldDay + " moved to " + newWords + "-" + hm(movedEnd) + ". Shall I move it in your calendar?",
                "The " + title + " (" + Casting.spoken(old) + ") is now " + newWords + ", per " + cfirst + ". Do you want me to update the event?")), "moved", "moved");
        d.accept("accept", c.between(5, 15), c.pick(List.of("Yes, move it.", "Please do.", "Yes, thanks.")), "propose");
        ObjectNode edit = obj();
        edit.put("event_id", target);
        edit.put("start_datetime", Casting.time(moved));
        edit.put("end_datetime", Casting.time(movedEnd));
        d.action("edit", c.between(1, 4), "CalendarApp__edit_calendar_event", edit, "accept");

        String ev = "apps.CalendarApp.events";
        String newStart = q(Casting.time(moved));
        String newEnd = q(Casting.time(movedEnd));
        d.goal("meeting_moved", "The " + title + " must now be at " + Casting.time(moved) + ": the event edited, or replaced by a new one at that time.",
                q(target) + " in " + ev + " && " + ev + "[" + q(target) + "].start_datetime == " + newStart + " && " + ev + "[" + q(target)
                        + "].end_datetime == " + newEnd,
                "!(" + q(target) + " in " + ev + ") && " + ev + ".exists(k, " + ev + "[k].start_datetime == " + newStart + " && " + ev
                        + "[k].end_datetime == " + newEnd + ")");
        List<String> keep = new ArrayList<>();
        for (int i = 0; i < lookAlikes.size(); i++) keep.add(entryHas(ev, lookAlikes.get(i), "start_datetime", lookAlikeStarts.get(i)));
        d.goal("look_alikes_untouched", "Events with similar titles are other meetings and must keep their times.", String.join(" && ", keep));
        d.proposedBeforeActing("A proactive assistant proposes before it changes the calendar.", "edit_calendar_event", "add_calendar_event", "delete_calendar_event");
        return d.build();
    }
}
