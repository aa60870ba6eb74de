package dev.scenarist.packs.appworld.internal.offline;

import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.MESSAGING;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.message;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.obj;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.q;
import static dev.scenarist.packs.appworld.internal.offline.Wording.fivePartWording;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.internal.offline.Casting.Person;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A group conversation gains people who are not in the user's contacts, and a message shares their email and phone:
 * the assistant proposes adding them, and after the user accepts adds exactly them (no duplicates of people already
 * saved).
 */
public final class MissingGroupContactsFamily implements Family {
    private record Group(String title, String activity, String meetup) {}

    private static final List<Group> GROUPS = List.of(
            new Group("Saturday Hiking Crew", "weekend hikes", "the ridge trail walk on Saturday"),
            new Group("Riverside Book Club", "a monthly book club", "the next book night"),
            new Group("Class 3B Parents", "school parents' news", "the bake sale"),
            new Group("Five-a-side Thursdays", "Thursday football", "next week's match"),
            new Group("Allotment Plot 14", "community gardening", "the spring planting day"),
            new Group("Choir Altos", "choir practice", "Sunday's rehearsal"),
            new Group("Boulder Buddies", "indoor climbing", "Wednesday's bouldering session"),
            new Group("Board Game Night", "board game evenings", "Friday's game night"),
            new Group("Street Party Committee", "street party planning", "the summer street party"),
            new Group("Sourdough Swap", "bread baking", "the starter swap at the market"));
    private static final List<String> RELATIONS = List.of("cousin", "flatmate", "old school friend", "neighbour", "running partner", "colleague");
    private static final List<String> PERSONAS = List.of(
            "Likes an orderly address book and says yes when the assistant offers to save people properly.",
            "Sociable and always joining new groups; happy to let the assistant handle contact details after a quick check.",
            "Cautious about duplicates; accepts only proposals that name exactly who will be added.",
            "Rarely opens the contacts app and appreciates short, concrete offers.");

    @Override
    public String id() {
        return "missing-group-contacts";
    }

    @Override
    public String theme() {
        return "A group chat includes newcomers who are not in the user's contacts; the assistant proposes adding them with the details they shared.";
    }

    @Override
    public List<String> coreApps() {
        return List.of("ContactsApp", "MessagingApp");
    }

    @Override
    public Scenario generate(long seed) {
        Casting c = new Casting(id(), seed);
        Person user = c.user();
        LocalDateTime start = c.start();
        ScenarioDraft d = new ScenarioDraft(this, seed, start);
        Group group = c.pick(GROUPS);
        Person organizer = c.friend();
        List<Person> known = new ArrayList<>();
        int knownCount = c.between(1, 2);
        for (int i = 0; i < knownCount; i++) known.add(c.friend());
        List<Person> newcomers = new ArrayList<>();
        int newCount = c.between(1, 2);
        for (int i = 0; i < newCount; i++) newcomers.add(c.friend());
        List<Person> unrelated = new ArrayList<>();
        int unrelatedCount = c.between(1, 2);
        for (int i = 0; i < unrelatedCount; i++) unrelated.add(c.colleague());
        boolean selfIntro = newCount == 1 && c.chance(0.5);
        String relation = c.pick(RELATIONS);

        // contacts: the user, the group's known members, people outside the group
        int n = 1;
        d.userContact("c" + n++, user);
        List<Person> members = new ArrayList<>();
        members.add(organizer);
        members.addAll(known);
        for (Person p : members) d.contact("c" + n++, p).put("description", c.pick(List.of("Met through " + group.title(), "Friend", "Neighbour", "From the gym")));
        for (Person p : unrelated) d.contact("c" + n++, p).put("description", "Work");

        // conversations: the group (with the newcomers) and a one-to-one
        String groupId = "conv_" + c.between(100, 499);
        String otherId = "conv_" + c.between(500, 999);
        d.app(MESSAGING).put("user_name", user.full());
        List<String> participants = new ArrayList<>(List.of(user.full(), organizer.full()));
        known.forEach(p -> participants.add(p.full()));
        newcomers.forEach(p -> participants.add(p.full()));
        ObjectNode g = d.conversation(groupId, group.title(), participants);
        message(g, organizer.full(), "Welcome to " + group.title() + ", everyone! This is where we sort out " + group.activity() + ".",
                start.minusDays(c.between(10, 40)));
        message(g, known.getFirst().full(), c.pick(List.of("Count me in for " + group.meetup() + ".", "Who else is coming to " + group.meetup() + "?",
                "Great to have a proper chat for this!")), start.minusDays(c.between(1, 8)));
        Person buddy = unrelated.getFirst();
        message(d.conversation(otherId, null, List.of(user.full(), buddy.full())), buddy.full(),
                c.pick(List.of("Can you send me the slides later?", "Running ten minutes late.", "Lunch tomorrow?")),
                start.minusHours(c.between(2, 30)));

        // the trigger: contact details in the group chat
        String sender;
        String content;
        Person first = newcomers.getFirst();
        if (selfIntro) {
            sender = first.full();
            content = c.pick(List.of(
                    "Hi all, " + first.full() + " here, " + organizer.first() + "'s " + relation + ". Happy to join " + group.title() + "! You can reach me at "
                            + first.email() + " or " + first.phone() + ".",
                    "Hello everyone! I'm " + first.full() + " (" + organizer.first() + "'s " + relation + "). Looking forward to " + group.meetup()
                            + ". My email is " + first.email() + ", phone " + first.phone() + "."));
        } else {
            sender = organizer.full();
            StringBuilder details = new StringBuilder();
            for (Person p : newcomers) {
                if (!details.isEmpty()) details.append("; ");
                details.append(p.full()).append(": ").append(p.email()).append(", ").append(p.phone());
            }
            content = c.pick(List.of(
                    "Welcome " + names(newcomers) + " to " + group.title() + "! For everyone's address book: " + details + ". See you at " + group.meetup() + ".",
                    "I've added " + names(newcomers) + " to the chat ahead of " + group.meetup() + ". Their details, so you can reach them: " + details + "."));
        }
        String notification = "New message from " + sender + ": " + content;

        // the narrative
        String userName = user.first() + " " + user.last();
        String knownNames = names(members);
        String newNames = names(newcomers);
        String orgFirst = organizer.first();
        String[] opening = {
                user.full() + " belongs to the " + group.title() + " chat, a group about " + group.activity() + " run by " + organizer.full() + ".",
                userName + " keeps a tidy address book and chats daily in " + group.title() + ", the group " + orgFirst + " set up for " + group.activity() + ".",
                "In the " + group.title() + " conversation, " + organizer.full() + " coordinates " + group.activity() + " for " + participants.size()
                        + " people, " + userName + " among them.",
                userName + " joined " + orgFirst + "'s " + group.title() + " thread a few weeks ago to keep up with " + group.activity() + ".",
                "Every week the " + group.title() + " chat buzzes with plans for " + group.activity() + ", and " + user.full() + " follows it on the phone."};
        String[] happening = {
                (selfIntro ? first.full() + ", " + orgFirst + "'s " + relation + ", introduces themself with an email address and phone number"
                        : orgFirst + " now welcomes " + newNames + " and shares their email addresses and phone numbers")
                        + ", while " + knownNames + " are already saved as contacts.",
                "A new message introduces " + newNames + " with contact details ahead of " + group.meetup() + "; " + knownNames + " have long been in "
                        + user.first() + "'s contacts.",
                "Ahead of " + group.meetup() + ", the thread gains " + newNames + ", whose email and number arrive in a message, though only " + knownNames
                        + " appear in the address book.",
                user.first() + "'s contacts already hold " + knownNames + ", but " + newNames + ", introduced today with email and phone, are missing.",
                "Today's message brings " + newNames + " into the conversation before " + group.meetup() + "; unlike " + knownNames
                        + ", they are strangers to the contacts app."};
        String[] good = {
                "A good assistant compares the participants with the contacts, proposes adding only the missing people, and after approval creates them with the shared details.",
                "The assistant should offer to save " + newNames + " and, once " + user.first() + " says yes, add exactly " + (newCount == 1 ? "that person" : "those two")
                        + " without duplicating " + organizer.full() + ".",
                "Ideally it asks first, then adds each newcomer with the email and phone from the message, leaving existing contacts alone.",
                "A proactive assistant notices the unknown " + (newCount == 1 ? "name" : "names") + ", suggests saving them, waits for " + user.first()
                        + "'s answer and adds them with their addresses and numbers.",
                "What helps is a short proposal listing " + newNames + "; after acceptance, new contacts for them and no second entries for people already saved."};
        String[] titles = {
                "Save the new members of " + group.title(),
                "Add " + newNames + " to contacts",
                "Unknown faces in the " + group.title() + " chat",
                "Contacts for " + orgFirst + "'s " + group.activity() + " newcomers",
                group.title() + ": missing contacts after new members join"};
        int[] w = fivePartWording(seed);
        String narrative = opening[w[0]] + " " + happening[w[1]] + " " + good[w[2]];
        String title = titles[w[3]];

        d.describe(title, narrative, user.full(), c.pick(PERSONAS));

        ObjectNode trig = obj();
        trig.put("conversation_id", groupId);
        trig.put("sender", sender);
        trig.put("content", content);
        d.env("intro", c.between(3, 15), "MessagingApp__create_and_add_message", trig, notification);
        d.proposal("propose", c.between(3, 10), c.pick(List.of(
                newNames + (newCount == 1 ? " is" : " are") + " in your " + group.title() + " chat but not in your contacts. Shall I add "
                        + (newCount == 1 ? "them" : "both") + " with the email and phone from the message?",
                "New in " + group.title() + ": " + newNames + ". Do you want me to save " + (newCount == 1 ? "this contact" : "these contacts")
                        + " with the details shared in the chat?")), "intro", "intro");
        d.accept("accept", c.between(5, 15), c.pick(List.of("Yes, add them.", "Sure, go ahead.", "Yes please.")), "propose");
        String after = "accept";
        for (int i = 0; i < newCount; i++) {
            Person p = newcomers.get(i);
            ObjectNode args = obj();
            args.put("first_name", p.first());
            args.put("last_name", p.last());
            args.put("email", p.email());
            args.put("phone", p.phone());
            args.put("description", "Member of " + group.title());
            String eid = "add_" + (i + 1);
            d.action(eid, c.between(1, 4), "ContactsApp__add_new_contact", args, after);
            after = eid;
        }

        String contactsMap = "apps.ContactsApp.contacts";
        for (Person p : newcomers) {
            d.goal(p.first().toLowerCase(Locale.ROOT) + "_added", p.full() + " is in the group but not in the contacts; a contact with the address they shared must exist.",
                    contactsMap + ".exists(k, " + contactsMap + "[k].email == " + q(p.email()) + ")");
        }
        StringBuilder once = new StringBuilder();
        for (Person p : members) {
            if (!once.isEmpty()) once.append(" && ");
            once.append("size(").append(contactsMap).append(".filter(k, ").append(contactsMap).append("[k].email == ").append(q(p.email())).append(")) == 1");
        }
        d.goal("members_not_duplicated", "Group members already saved (" + knownNames + ") must not be added a second time.", once.toString());
        d.proposedBeforeActing("A proactive assistant asks before it adds contacts.", "add_new_contact");
        return d.build();
    }

    private static String names(List<Person> people) {
        List<String> full = people.stream().map(Person::full).toList();
        if (full.size() == 1) return full.getFirst();
        return String.join(", ", full.subList(0, full.size() - 1)) + " and " + full.getLast();
    }
}
