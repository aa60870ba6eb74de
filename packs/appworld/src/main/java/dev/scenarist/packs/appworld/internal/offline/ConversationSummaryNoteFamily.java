package dev.scenarist.packs.appworld.internal.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.scenarist.packs.appworld.internal.offline.Wording.fill;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.MESSAGING;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.message;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.obj;
import static dev.scenarist.packs.appworld.internal.offline.Wording.phrasing;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.q;

/**
 * Friends settle a plan in a group conversation (who, when, where, who brings what) and ask someone to write it down.
 * A good assistant proposes a note titled after the conversation with the decisions and a short message to the group
 * that it is noted; after the user accepts it writes that note and posts in that conversation, not another.
 */
public final class ConversationSummaryNoteFamily implements Family {
    /** A plan: the conversation title, three decisive messages, the summary and a phrase for the narrative. */
    private record Plan(String title, List<String> messages, String summary, String gist) {}

    private static final List<String> CITIES = List.of("Lisbon", "Porto", "Ghent", "Krakow", "Valencia", "Bologna", "Edinburgh", "Salzburg", "Ljubljana", "Seville");
    private static final List<String> PARKS = List.of("Parkview Meadow", "the riverside park", "Hillcrest Gardens", "Lakeshore beach", "Greenfield Common");
    private static final List<String> BOOKS = List.of("The Remains of the Day", "Piranesi", "Klara and the Sun", "The Overstory", "Station Eleven",
            "A Gentleman in Moscow", "Circe", "The Dispossessed");
    private static final List<String> TRAILS = List.of("Eagle Ridge loop", "Falls trail", "Old Mill path", "Summit Crest route", "Pine Valley circuit");
    private static final List<String> DISHES = List.of("potato salad", "grilled vegetables", "lemonade", "a fruit tart", "hummus and bread", "veggie burgers");
    private static final List<String> NOTE_TITLES = List.of("Groceries", "Gift ideas", "Project checklist", "Recipes to try", "Books to read",
            "Packing list", "Car maintenance", "Passwords hint", "Garden plans", "Workout plan");

    @Override
    public String id() {
        return "conversation-summary-note";
    }

    @Override
    public String theme() {
        return "Friends settle a plan in a group chat; the assistant proposes to keep the decisions in a note named after the plan and tell the group.";
    }

    @Override
    public List<String> coreApps() {
        return List.of("MessagingApp", "NoteApp");
    }

    @Override
    public Scenario generate(long seed) {
        Casting c = new Casting(id(), seed);
        Casting.Person user = c.user();
        Casting.Person f1 = c.friend();
        Casting.Person f2 = c.friend();
        Casting.Person other = c.friend();
        Casting.Person colleague = c.colleague();
        LocalDateTime start = c.start();
        LocalDateTime day = c.laterAt(start, 5, 25, 9, 18);
        String when = Casting.spoken(day);
        Plan plan = plan(c, (int) Math.floorMod(seed * 5 + c.between(0, 4), 6L), f1, f2, when);

        ScenarioDraft d = new ScenarioDraft(this, seed, start);
        d.app(MESSAGING).put("user_name", user.full());
        List<String> convIds = c.pickDistinct(List.of("conv_21", "conv_22", "conv_23", "conv_24", "conv_25", "conv_26", "conv_27"), 3);
        String group = convIds.get(0);
        message(d.conversation(group, plan.title(), List.of(user.full(), f1.full(), f2.full())), f1.full(),
                "Let's finally fix the details for " + plan.title() + ".", start.minusHours(c.between(2, 20)));
        String otherTitle = c.pick(List.of("Family", "Neighbours", "Running club", "Choir"));
        message(d.conversation(convIds.get(1), otherTitle, List.of(user.full(), other.full(), f1.full())), other.full(),
                c.pick(List.of("Who has the spare key?", "Photos are in the shared album.", "Next meeting is moved, details soon.")),
                start.minusDays(c.between(1, 4)).withHour(19));
        message(d.conversation(convIds.get(2), colleague.full(), List.of(user.full(), colleague.full())), colleague.full(),
                c.pick(List.of("Can you send me the figures?", "Meeting room is booked.", "Thanks for today!")), start.minusHours(c.between(15, 30)));

        ObjectNode notes = d.app("NoteApp");
        notes.set("folders", ScenarioDraft.strings(List.of("Inbox", "Personal", "Work")));
        ArrayNode ns = notes.putArray("notes");
        List<String> titles = c.pickDistinct(NOTE_TITLES, c.between(2, 3));
        for (int i = 0; i < titles.size(); i++) {
            String at = Casting.time(start.minusDays(c.between(2, 30)).withHour(c.between(8, 21)));
            ns.addObject().put("note_id", "note_" + (50 + i)).put("folder", i == 0 ? "Work" : "Personal").put("title", titles.get(i))
                    .put("content", c.pick(List.of("To be completed.", "See list below: ...", "Draft."))).put("created_at", at).put("updated_at", at);
        }

        List<String> senders = List.of(f1.full(), f2.full(), f1.full());
        String prev = null;
        for (int i = 0; i < 3; i++) {
            String id = "message_" + (i + 1);
            String content = plan.messages().get(i);
            ObjectNode args = obj().put("conversation_id", group).put("sender", senders.get(i)).put("content", content);
            String notification = "New message from " + senders.get(i) + ": " + content;
            if (prev == null) d.env(id, 5, "MessagingApp__create_and_add_message", args, notification);
            else d.env(id, c.between(8, 15), "MessagingApp__create_and_add_message", args, notification, prev);
            prev = id;
        }
        Map<String, String> v = new HashMap<>();
        v.put("user", user.first());
        v.put("a", f1.first());
        v.put("b", f2.first());
        v.put("t", plan.title());
        v.put("gist", plan.gist());
        v.put("when", when);
        v.put("other", otherTitle);
        d.proposal("propose", 5, fill(phrasing(seed, List.of(
                "{a} and {b} have settled {t}: {gist}. Shall I save these decisions in a note titled '{t}' and tell the group it's noted?",
                "The plan for {t} is decided ({gist}). Want me to write a note '{t}' with the details and let {a} and {b} know?")), v), prev, prev);
        d.accept("accept", 10, c.pick(List.of("Yes, good idea.", "Please do.", "Yes, thanks!", "Sure.")), "propose");
        d.action("write_note", 2, "NoteApp__create_note", obj().put("folder", "Personal").put("title", plan.title()).put("content", plan.summary()), "accept");
        d.action("tell_group", 2, "MessagingApp__send_message", obj().put("conversation_id", group)
                .put("content", "Noted! I saved the plan for " + plan.title() + " in my notes."), "write_note");

        d.goal("summary_note", "A note titled after the plan, '" + plan.title() + "', must hold the decisions.",
                "apps.NoteApp.notes.exists(n, apps.NoteApp.notes[n].title == " + q(plan.title()) + ")");
        String convs0 = "apps.MessagingApp.conversations";
        d.goal("group_told", "The group that made the plan must hear from the user that it is noted.",
                q(group) + " in " + convs0 + " && " + convs0 + "[" + q(group) + "].messages.exists(m, m.sender == " + q(user.full()) + " && m.timestamp > "
                        + q(Casting.time(start)) + ")");
        d.proposedBeforeActing("A proactive assistant proposes before it writes notes or messages for the user.", "create_note", "send_message");

        String title = fill(phrasing(seed, List.of("Note the decisions for {t}", "Keep the {t} plan in a note", "Write down what the group settled",
                "Summarise the {t} chat")), v);
        String who = fill(phrasing(seed, List.of(
                "{user} is in a group chat called '{t}' with {a} and {b}, and also follows the {other} group.",
                "{a}, {b} and {user} have been trying for weeks to organise {t} in their shared conversation.",
                "Planning {t} falls to a three-person chat: {user}, {a} and {b}.",
                "In the messaging app, {user} shares the thread '{t}' with friends {a} and {b}; other threads, like {other}, are busy too.")), v);
        String what = fill(phrasing(seed, List.of(
                "This morning the friends agree on everything: {gist}. {a} asks who will write it down.",
                "Within a minute three messages settle it: {gist}.",
                "{b} and {a} decide the details: {gist}, and {a} wants it written somewhere.",
                "A quick exchange fixes the plan, namely {gist}; nobody has noted it yet.",
                "The conversation finally ends with decisions for {when}: {gist}.")), v);
        String good = fill(phrasing(seed, List.of(
                "A good assistant proposes a note titled '{t}' with these decisions plus a short message to the group, and does both after {user} agrees.",
                "The assistant should offer to record the plan in a note named '{t}' and confirm in that chat, acting only once approved.",
                "Ideally it suggests a summary note called '{t}', waits for a yes, writes it, then tells {a} and {b} in their thread.",
                "What helps: asking whether to save the decisions as a note '{t}', then, after consent, creating it and posting that it is noted.",
                "A proactive helper drafts the proposal, saves the note under the title '{t}' once {user} accepts, and replies in the group, not in {other}.",
                "The right move is to propose the note and a confirmation message, and after approval to create the '{t}' note and message the group.")), v);
        d.describe(title, who + " " + what + " " + good, user.full(),
                c.pick(List.of("An organised friend who likes plans written down and says yes to tidy summaries.",
                        "A forgetful but cheerful person who relies on notes for every plan.",
                        "A teacher who keeps notes for everything and prefers short, concrete proposals.",
                        "A busy engineer who skims group chats and appreciates having decisions summarised.")));
        return d.build();
    }

    private static Plan plan(Casting c, int kind, Casting.Person f1, Casting.Person f2, String when) {
        Map<String, String> v = new HashMap<>();
        v.put("when", when);
        v.put("a", f1.first());
        v.put("b", f2.first());
        switch (kind) {
            case 0 -> {
                String city = c.pick(CITIES);
                String hotel = c.pick(List.of("Hotel Aurora", "the Old Port Guesthouse", "Casa Verde apartments", "the Central Hostel"));
                String train = String.format(java.util.Locale.ROOT, "%02d:%02d", c.between(6, 10), 10 * c.between(0, 5));
                v.put("city", city);
                v.put("hotel", hotel);
                v.put("train", train);
                return new Plan(city + " weekend", List.of(
                        fill("How about we leave on {when}? I found rooms at {hotel}.", v),
                        fill("Works for me. {hotel} is fine, and there is a train at {train}.", v),
                        fill("Settled then: {when}, {hotel}, the {train} train. Someone write it down please!", v)),
                        fill("Trip to {city}: leave {when} on the {train} train; stay at {hotel}.", v),
                        fill("leaving for {city} on {when} by the {train} train and staying at {hotel}", v));
            }
            case 1 -> {
                String book = c.pick(BOOKS);
                String host = c.pick(List.of(f1.first(), f2.first()));
                v.put("book", book);
                v.put("host", host);
                return new Plan("Book club", List.of(
                        fill("Next book: {book}? We could meet {when}.", v),
                        fill("Yes to {book}. {host} can host this time.", v),
                        fill("Great: {book}, {when}, at {host}'s place. Can someone note this?", v)),
                        fill("Book club: read {book}; meet {when} at {host}'s place.", v),
                        fill("reading {book} and meeting at {host}'s place on {when}", v));
            }
            case 2 -> {
                String park = c.pick(PARKS);
                List<String> dishes = c.pickDistinct(DISHES, 2);
                v.put("park", park);
                v.put("d1", dishes.get(0));
                v.put("d2", dishes.get(1));
                return new Plan("Summer barbecue", List.of(
                        fill("Barbecue at {park} on {when}?", v),
                        fill("Perfect. I'll bring {d2}.", v),
                        fill("And I bring {d1}. Done: {park}, {when}. Who keeps track of this?", v)),
                        fill("Barbecue at {park}, {when}. {a} brings {d1}, {b} brings {d2}.", v),
                        fill("a barbecue at {park} on {when}, with {d1} from {a} and {d2} from {b}", v));
            }
            case 3 -> {
                String trail = c.pick(TRAILS);
                String meet = c.pick(List.of("the station car park", "the visitor centre", "the bakery on Main Street", "the old bridge"));
                v.put("trail", trail);
                v.put("meet", meet);
                return new Plan("Hiking day", List.of(
                        fill("Let's do the {trail} on {when}.", v),
                        fill("Agreed. Meet at {meet}?", v),
                        fill("Deal: {trail}, {when}, meeting at {meet}. Somebody save this!", v)),
                        fill("Hike: {trail} on {when}; meet at {meet}.", v),
                        fill("hiking the {trail} on {when} and meeting at {meet}", v));
            }
            case 4 -> {
                String game = c.pick(List.of("Catan", "Wingspan", "Ticket to Ride", "Carcassonne", "Azul"));
                String snacks = c.pick(List.of(f1.first(), f2.first()));
                v.put("game", game);
                v.put("snacks", snacks);
                return new Plan("Game night", List.of(
                        fill("Game night {when}? I vote for {game}.", v),
                        fill("{game} it is. {snacks} brings snacks.", v),
                        fill("OK so: {when}, {game}, snacks by {snacks}. Let's write that down.", v)),
                        fill("Game night {when}: playing {game}; {snacks} brings snacks.", v),
                        fill("playing {game} on {when} with snacks from {snacks}", v));
            }
            default -> {
                String friend = c.pick(List.of("Nadia", "Pieter", "Rosa", "Bilal", "Ines", "Tobias"));
                String venue = c.pick(List.of("La Piazza", "the Blue Door bar", "Golden Dragon", "the rooftop at Hotel Mira"));
                int gift = 5 * c.between(4, 12);
                v.put("friend", friend);
                v.put("venue", venue);
                v.put("gift", Integer.toString(gift));
                return new Plan(friend + "'s birthday", List.of(
                        fill("Surprise dinner for {friend} at {venue} on {when}?", v),
                        fill("Love it. Gift budget {gift} each?", v),
                        fill("Yes: {venue}, {when}, {gift} each for the gift. Let's keep a note of it.", v)),
                        fill("{friend}'s surprise birthday dinner: {venue}, {when}; gift budget {gift} each.", v),
                        fill("a surprise dinner for {friend} at {venue} on {when} with {gift} each for a gift", v));
            }
        }
    }
}
