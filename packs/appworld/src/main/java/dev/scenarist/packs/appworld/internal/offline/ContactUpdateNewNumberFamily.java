package dev.scenarist.packs.appworld.internal.offline;

import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.CONTACTS;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.MESSAGING;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.obj;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.q;
import static dev.scenarist.packs.appworld.internal.offline.Wording.a;
import static dev.scenarist.packs.appworld.internal.offline.Wording.fill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.internal.offline.Casting.Person;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A known contact writes in a chat that their phone number changed; contacts also hold look-alikes (same first name,
 * same family name). The assistant proposes to update that contact's phone, and after the user accepts edits exactly
 * that contact (and, in some scenarios, confirms in the chat).
 */
public final class ContactUpdateNewNumberFamily implements Family {
    /** Why the number changed: how the contact says it, and how a narrative says it. */
    private record Reason(String said, String told) {}

    private static final List<Reason> REASONS = List.of(
            new Reason("I switched carriers", "switched carriers"),
            new Reason("my old phone was stolen on the tram", "lost the old phone to a pickpocket"),
            new Reason("I moved back from Lisbon and got a local SIM", "came back from Lisbon with a new SIM"),
            new Reason("work took back the company phone", "had to hand back a company phone"),
            new Reason("I finally dropped my ancient prepaid plan", "dropped an old prepaid plan"),
            new Reason("the old number kept getting spam calls", "gave up a number flooded with spam calls"),
            new Reason("I got a dual-SIM phone and a fresh number", "started using a fresh dual-SIM number"));
    private static final List<String> GROUPS = List.of("Sunday football", "Book club", "Flat 4B", "Climbing crew", "Choir altos", "Allotment gang");
    private static final List<String> CHATTER = List.of("See you at the match?", "Thanks for dinner yesterday!", "Did you get the photos?",
            "Running ten minutes late.", "Happy birthday!!", "Can you bring the ladder back?", "Great idea, count me in.");
    private static final List<String> ROLES = List.of("retired librarian", "junior doctor", "wedding photographer", "logistics planner",
            "high-school coach", "UX researcher", "landscape gardener", "translator", "barista", "civil engineer");
    private static final List<String> TRAITS = List.of("keeps hundreds of contacts and never cleans them up", "texts far more than calls",
            "relies on the address book to reach family", "wants the phone book to stay accurate", "is bad at copying numbers by hand",
            "mixes up people with similar names");
    private static final List<String> PERSONAS = List.of("Wants contacts accurate and accepts small, clear changes.",
            "Prefers the assistant to ask before touching the address book.", "Says yes quickly when a proposal names the exact person and number.",
            "Dislikes typos in phone numbers and likes confirmations sent to friends.");

    @Override
    public String id() {
        return "contact-update-new-number";
    }

    @Override
    public String theme() {
        return "A known contact messages that their phone number changed; the assistant proposes to update that one contact (not a look-alike) and does it once the user accepts.";
    }

    @Override
    public List<String> coreApps() {
        return List.of(CONTACTS, MESSAGING);
    }

    @Override
    public Scenario generate(long seed) {
        Casting c = new Casting(id(), seed);
        Person user = c.user();
        Person target = c.friend();
        Person sameFirstBase = c.friend();
        Person sameFirst = new Person(target.first(), sameFirstBase.last().equals(target.last()) ? "Lindqvist".equals(target.last()) ? "Moreau" : "Lindqvist" : sameFirstBase.last(),
                target.first().toLowerCase(Locale.ROOT) + "." + sameFirstBase.email().substring(sameFirstBase.email().indexOf('.') + 1), sameFirstBase.phone());
        Person relBase = c.friend();
        Person sameLast = new Person(relBase.first(), target.last(),
                relBase.first().toLowerCase(Locale.ROOT) + "." + target.last().toLowerCase(Locale.ROOT) + "@" + relBase.email().substring(relBase.email().indexOf('@') + 1),
                relBase.phone());
        int unrelatedCount = c.between(1, 3);
        List<Person> unrelated = new ArrayList<>();
        for (int i = 0; i < unrelatedCount; i++) unrelated.add(c.chance(0.5) ? c.friend() : c.colleague());
        String newPhone = c.phone();
        Reason reason = c.pick(REASONS);
        boolean inGroup = c.chance(0.4);
        String group = c.pick(GROUPS);
        boolean acknowledge = c.chance(0.5);
        LocalDateTime start = c.start();

        List<String> ids = c.pickDistinct(List.of("c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09"), 4 + unrelatedCount);
        String targetId = ids.get(0);

        String content = fill(c.pick(List.of(
                        "Hi {0}, {1}, so my number is now {2}. Please save it!",
                        "New number alert: {2} ({1}). The old one stops working this week. {3}",
                        "Quick note: {1}. Reach me on {2} from now on. {3}",
                        "{0}, please update my contact: {2}. {4}",
                        "Hey all, {1}; my new number is {2}. {3}")),
                user.first(), reason.said(), newPhone, target.first(), reason.said().substring(0, 1).toUpperCase(Locale.ROOT) + reason.said().substring(1) + ".");
        if (inGroup && content.startsWith(user.first() + ",")) content = content.replace(user.first() + ", please update my contact", "Everyone, please update my contact");

        String title = fill(c.pick(List.of("Save {0}'s new phone number", "{0} changed numbers: update the right contact", "New number for {1}, not {2}",
                        "Update {0}'s phone after a {3} message", "{1} has a new mobile")),
                target.first(), target.full(), sameFirst.full(), inGroup ? "group chat" : "direct");
        String who = fill(c.pick(List.of("{0} is {1} who {2}.", "{0} works as {1} and {2}.", "{0}, {1}, {2}.", "As {1}, {0} {2}.")),
                user.full(), a(c.pick(ROLES)), c.pick(TRAITS));
        String where = inGroup ? "the " + group + " group chat" : "their one-to-one chat";
        String what = fill(c.pick(List.of(
                        "{0} {1} and posts the new number {2} in {3}.",
                        "In {3}, {0} writes that they {1}; from now on the number is {2}.",
                        "A message from {0} lands in {3}: new number {2}, because they {1}.",
                        "{0}, still saved with the old number, announces {2} in {3}: they {1}.")),
                target.full(), reason.told(), newPhone, where);
        String trap = fill(c.pick(List.of(
                        "The address book also lists {0} and {1}, easy to confuse.",
                        "Careful: {0} shares the first name and {1} the family name.",
                        "Look-alikes {0} and {1} sit right next to the right card.",
                        "There are {2} contacts, among them {0} and {1}.")),
                sameFirst.full(), sameLast.full(), 4 + unrelatedCount);
        String good = fill(c.pick(List.of(
                        "A good assistant proposes replacing {0}'s phone with {1} and, once {2} agrees, edits only that card{3}.",
                        "The assistant should ask {2} first, then change the phone of {0} alone{3}.",
                        "Expected: a proposal naming {0} and {1}; after a yes, one contact edit{3}.",
                        "Ideally it offers the update, waits for approval, and leaves the look-alikes untouched{3}.")),
                target.first(), newPhone, user.first(), acknowledge ? ", then confirms in the chat" : "");

        ScenarioDraft d = new ScenarioDraft(this, seed, start);
        d.describe(title, who + " " + what + " " + trap + " " + good, user.full(), c.pick(PERSONAS));

        d.userContact(ids.get(1), user);
        d.contact(targetId, target);
        d.contact(ids.get(2), sameFirst);
        d.contact(ids.get(3), sameLast);
        for (int i = 0; i < unrelatedCount; i++) d.contact(ids.get(4 + i), unrelated.get(i));

        d.app(MESSAGING).put("user_name", user.full());
        String direct = "chat_" + target.first().toLowerCase(Locale.ROOT);
        String lookalike = "chat_" + sameFirst.first().toLowerCase(Locale.ROOT) + "_" + sameFirst.last().toLowerCase(Locale.ROOT);
        String groupId = "chat_group";
        chatter(c, d.conversation(direct, target.full(), List.of(user.full(), target.full())), start, new Speakers(target.full(), user.full()));
        chatter(c, d.conversation(lookalike, sameFirst.full(), List.of(user.full(), sameFirst.full())), start, new Speakers(sameFirst.full(), user.full()));
        if (inGroup) {
            chatter(c, d.conversation(groupId, group, List.of(user.full(), target.full(), sameLast.full(), unrelated.get(0).full())), start,
                    new Speakers(target.full(), sameLast.full()));
        }
        String chat = inGroup ? groupId : direct;

        ObjectNode msg = obj();
        msg.put("conversation_id", chat);
        msg.put("sender", target.full());
        msg.put("content", content);
        d.env("new_number", c.between(3, 20), "MessagingApp__create_and_add_message", msg, "New message from " + target.full() + ": " + content);
        d.proposal("propose", c.between(3, 10), fill(c.pick(List.of(
                        "{0} has a new number, {1}. Shall I update {0}'s phone in your contacts?",
                        "{0} says their number changed to {1}. Update the contact {0} (not {2})?",
                        "Shall I replace the phone number of {0} with {1}{3}?")),
                target.full(), newPhone, sameFirst.full(), acknowledge ? " and tell them it's saved" : ""), "new_number", "new_number");
        d.accept("accept", c.between(5, 15), c.pick(List.of("Yes please.", "Go ahead.", "Yes, update it.", "Sure, thanks.")), "propose");
        ObjectNode edit = obj();
        edit.put("contact_id", targetId);
        edit.putObject("updates").put("phone", newPhone);
        d.action("edit", 2, "ContactsApp__edit_contact", edit, "accept");
        if (acknowledge) {
            ObjectNode ack = obj();
            ack.put("conversation_id", chat);
            ack.put("content", c.pick(List.of("Saved your new number!", "Got it, updated in my contacts.", "Thanks, new number saved.")));
            d.action("confirm", 2, "MessagingApp__send_message", ack, "edit");
        }

        String cs = "apps.ContactsApp.contacts";
        d.goal("new_number_saved", target.full() + "'s contact must carry the new number " + newPhone + ".",
                q(targetId) + " in " + cs + " && " + cs + "[" + q(targetId) + "].phone == " + q(newPhone));
        d.goal("lookalikes_untouched", "The look-alike contacts " + sameFirst.full() + " and " + sameLast.full() + " keep their numbers.",
                q(ids.get(2)) + " in " + cs + " && " + cs + "[" + q(ids.get(2)) + "].phone == " + q(sameFirst.phone()) + " && "
                        + q(ids.get(3)) + " in " + cs + " && " + cs + "[" + q(ids.get(3)) + "].phone == " + q(sameLast.phone()));
        if (acknowledge) {
            d.goal("confirmed_in_chat", target.first() + " must hear back in the chat where the new number was posted.",
                    "log.exists(e, e.actor == 'agent' && e.tool == 'send_message' && e.outcome == 'ok' && e.args.conversation_id == " + q(chat) + ")");
        }
        d.proposedBeforeActing("A proactive assistant proposes before it edits the address book or writes in a chat.", "edit_contact", "send_message");
        return d.build();
    }

    /** Who talks in a conversation's earlier chatter: the opener writes first, then the two take turns. */
    private record Speakers(String opener, String replier) {}

    /** One to three lines of earlier chatter in {@code conversation}, the days before {@code start}. */
    private static void chatter(Casting c, ObjectNode conversation, LocalDateTime start, Speakers people) {
        int n = c.between(1, 3);
        List<String> lines = c.pickDistinct(CHATTER, n);
        for (int i = 0; i < n; i++) {
            ScenarioDraft.message(conversation, i % 2 == 0 ? people.opener() : people.replier(), lines.get(i), start.minusDays(n - i).plusMinutes(13L * i));
        }
    }
}
