package dev.scenarist.packs.appworld.internal.offline;

import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.obj;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.q;
import static dev.scenarist.packs.appworld.internal.offline.Wording.day;
import static dev.scenarist.packs.appworld.internal.offline.Wording.fivePartWording;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.internal.offline.Casting.Person;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The landlord emails that the lease must be renewed by a date: the assistant proposes a reminder before the deadline
 * and an acknowledgement to the landlord, and after the user accepts adds the reminder and replies.
 */
public final class LeaseRenewalReminderFamily implements Family {
    private record Agency(String name, String domain) {}

    private static final List<Agency> AGENCIES = List.of(new Agency("Oakfield Property Management", "oakfieldpm.example"),
            new Agency("Harbourside Lettings", "harbourside.example"), new Agency("Maple Court Residences", "maplecourt.example"),
            new Agency("Greenway Homes", "greenwayhomes.example"), new Agency("Brick Lane Estates", "bricklane.example"));
    private static final List<String> STREETS = List.of("Elm Street", "Canal Road", "Hillcrest Avenue", "Juniper Lane", "Harbour View",
            "Mill Street", "Orchard Close", "Station Road", "Linden Way", "Quarry Hill", "Beacon Terrace", "Willow Crescent");
    private static final List<String> CHORES = List.of("Pay the electricity bill", "Renew car insurance", "Book a dentist check-up",
            "Water the balcony plants", "Call grandma", "Return library books", "Submit expense report", "Buy a birthday gift for Noor");
    private static final List<String> PERSONAS = List.of(
            "Forgetful about paperwork; glad to get reminders and happy for the assistant to answer routine emails.",
            "Organised but overloaded; accepts proposals that name the exact date and what will be sent.",
            "Dislikes surprises from the landlord and wants every deadline in the reminder app.",
            "Works odd hours and answers the assistant with a quick yes when a plan is clear.");

    @Override
    public String id() {
        return "lease-renewal-reminder";
    }

    @Override
    public String theme() {
        return "The landlord emails that the lease must be renewed by a date; the assistant proposes a reminder before the deadline and a reply to the landlord.";
    }

    @Override
    public List<String> coreApps() {
        return List.of("EmailClientApp", "ReminderApp");
    }

    @Override
    public Scenario generate(long seed) {
        Casting c = new Casting(id(), seed);
        Person user = c.user();
        Person landlord = c.friend();
        Person colleague = c.colleague();
        Person friend = c.friend();
        LocalDateTime start = c.start();
        ScenarioDraft d = new ScenarioDraft(this, seed, start);
        boolean agencyLet = c.chance(0.6);
        Agency agency = c.pick(AGENCIES);
        String landlordEmail = agencyLet ? landlord.first().toLowerCase(java.util.Locale.ROOT) + "." + landlord.last().toLowerCase(java.util.Locale.ROOT) + "@"
                + agency.domain() : landlord.email();
        String street = c.pick(STREETS);
        String address = c.between(2, 180) + " " + street + ", Apt " + c.between(1, 12) + c.pick(List.of("A", "B", "C", ""));
        LocalDateTime deadline = start.toLocalDate().plusDays(c.between(10, 45)).atTime(c.pick(List.of(12, 17, 18)), 0);
        LocalDateTime leaseEnd = deadline.toLocalDate().plusDays(c.between(20, 60)).atTime(0, 0);
        int lead = c.between(2, 6);
        LocalDateTime remindAt = deadline.toLocalDate().minusDays(lead).atTime(c.pick(List.of(8, 9, 10)), 0);
        int rent = c.between(18, 60) * 50;
        int years = c.between(1, 6);
        String landlordDesc = agencyLet ? landlord.full() + " of " + agency.name() : "a private landlord, " + landlord.full();

        // reminders already there: chores, some due before the deadline
        List<String> chores = c.pickDistinct(CHORES, c.between(2, 4));
        List<String> seededIds = new ArrayList<>();
        for (int i = 0; i < chores.size(); i++) {
            String rid = "r" + (i + 1);
            d.reminder(rid, chores.get(i), c.laterAt(start, 1, 50, 8, 19));
            seededIds.add(rid);
        }

        // the inbox: nothing from the landlord yet
        d.app(ScenarioDraft.EMAIL).put("user_email", user.email());
        d.email("e1", colleague.email(), c.pick(List.of("Agenda for Monday", "Timesheet reminder", "Team offsite dates")),
                "Hi " + user.first() + ", see the details below. " + colleague.first(), start.minusHours(c.between(12, 40)));
        d.email("e2", friend.email(), c.pick(List.of("Brunch this weekend?", "Holiday photos", "Concert tickets")), "Hey " + user.first() + "! " + friend.first(),
                start.minusHours(c.between(1, 11)));
        if (c.chance(0.5)) {
            d.email("e3", "newsletter@" + c.pick(List.of("citybikes.example", "grocer.example", "museum.example")), "This month's news",
                    "Our latest updates and offers.", start.minusDays(c.between(2, 5)));
        }

        String deadlineWords = Casting.spoken(deadline);
        String subject = c.pick(List.of("Lease renewal for " + address, "Your tenancy at " + street + ": renewal needed",
                "Action needed: renew your lease by " + day(deadline), "Renewal paperwork for " + address));
        String content = c.pick(List.of(
                "Hi " + user.first() + ", your lease at " + address + " ends on " + day(leaseEnd) + ". To renew for another 12 months at $" + rent
                        + " per month, please sign and return the renewal form by " + deadlineWords + " (" + Casting.time(deadline) + "). Regards, " + landlord.full(),
                "Dear " + user.first() + ", the renewal agreement for " + address + " is attached. The new rent is $" + rent + " a month. We need it signed by "
                        + deadlineWords + " (" + Casting.time(deadline) + "), otherwise the tenancy ends on " + day(leaseEnd) + ". " + landlord.first()
                        + (agencyLet ? ", " + agency.name() : "")));

        String first = user.first();
        String userName = first + " " + user.last();
        String lfirst = landlord.first();
        String[] opening = {
                user.full() + " rents a flat at " + address + " from " + landlordDesc + ".",
                userName + " has lived at " + address + " for " + years + (years == 1 ? " year" : " years") + " and tends to forget paperwork deadlines.",
                "Tenant " + userName + " shares the apartment at " + address + " with a cat and a packed work schedule.",
                userName + "'s home on " + street + " is let through " + landlordDesc + ", who handles everything by email.",
                "Juggling work and evening classes, " + user.full() + " rarely opens letters about the flat at " + address + "."};
        String[] happening = {
                (agencyLet ? landlord.full() + " from " + agency.name() : "The landlord, " + landlord.full() + ",") + " emails that the lease ends on " + day(leaseEnd) + " and the signed renewal, at $" + rent + " a month, must be back by "
                        + deadlineWords + ".",
                "An email from " + landlord.full() + " arrives: to keep the flat past " + day(leaseEnd) + ", " + first + " has to return the renewal form by "
                        + deadlineWords + "; the new rent is $" + rent + ".",
                "Today " + lfirst + " writes that renewal paperwork for another year at $" + rent + " monthly is due " + deadlineWords
                        + ", well before the lease ends.",
                "The inbox receives a renewal notice from " + landlord.full() + ": sign by " + deadlineWords + " or the tenancy lapses on "
                        + day(leaseEnd) + ", with rent rising to $" + rent + ".",
                "A message from " + lfirst + " sets a firm date: the renewal must be signed by " + deadlineWords + ", ahead of the lease end, at $" + rent
                        + " per month."};
        String[] good = {
                "A good assistant proposes a reminder a few days before the deadline and a short acknowledgement to " + lfirst + "; after " + first
                        + " accepts, it adds the reminder and replies.",
                "The assistant should offer to set a reminder for " + Casting.spoken(remindAt) + " and to confirm receipt, then do both once approved.",
                "Ideally it asks first, then creates a reminder due before the deadline and answers the landlord's email, touching no other reminders.",
                "What helps: a proposal naming the deadline and, after a yes, a reminder ahead of it plus a reply telling " + lfirst + " the form is on its way.",
                "A proactive assistant flags the date, suggests a reminder " + lead + " days earlier with a reply to " + lfirst + ", and carries both out after approval."};
        String[] titles = {
                "Lease renewal due " + day(deadline) + ": set a reminder",
                "Remind " + first + " to renew the lease at " + address,
                "Don't miss " + lfirst + "'s renewal deadline",
                "Renewal notice for " + street + ": reminder and reply",
                "Tenancy paperwork before " + day(deadline)};
        int[] w = fivePartWording(seed);
        String narrative = opening[w[0]] + " " + happening[w[1]] + " " + good[w[2]];
        String title = titles[w[3]];

        d.describe(title, narrative, user.full(), c.pick(PERSONAS));

        ObjectNode trig = obj();
        trig.put("sender", landlordEmail);
        trig.put("subject", subject);
        trig.put("content", content);
        d.env("notice", c.between(3, 15), "EmailClientApp__send_email_to_user_only", trig, "New email from " + landlordEmail + ": " + subject);
        d.proposal("propose", c.between(3, 10), c.pick(List.of(
                lfirst + " needs your signed lease renewal for " + address + " by " + deadlineWords + ". Shall I set a reminder for " + Casting.spoken(remindAt)
                        + " and reply that you received it?",
                "Your lease renewal is due " + deadlineWords + ". Do you want a reminder on " + Casting.spoken(remindAt) + ", and should I tell " + lfirst
                        + " you got the paperwork?")), "notice", "notice");
        d.accept("accept", c.between(5, 15), c.pick(List.of("Yes, do both.", "Good idea, go ahead.", "Yes please.")), "propose");
        ObjectNode reminder = obj();
        reminder.put("title", c.pick(List.of("Sign and return the lease renewal", "Lease renewal for " + street + " due", "Send signed lease renewal to " + lfirst)));
        reminder.put("due_datetime", Casting.time(remindAt));
        reminder.put("description", "Renewal for " + address + " must reach " + landlord.full() + " by " + Casting.time(deadline) + ".");
        d.action("add_reminder", c.between(1, 4), "ReminderApp__add_reminder", reminder, "accept");
        ObjectNode reply = obj();
        reply.put("email_id", "email_1");
        reply.put("content", "Hi " + lfirst + ", thanks, I received the renewal for " + address + " and will send it back before " + day(deadline) + ". " + first);
        d.action("reply", c.between(1, 4), "EmailClientApp__reply_to_email", reply, "add_reminder");

        String rem = "apps.ReminderApp.reminders";
        d.goal("renewal_reminder_before_deadline", "A new reminder must fall between now and the renewal deadline " + Casting.time(deadline) + ".",
                rem + ".exists(k, !(k in " + ScenarioDraft.list(seededIds) + ") && " + rem + "[k].due_datetime >= " + q(Casting.time(start)) + " && " + rem
                        + "[k].due_datetime < " + q(Casting.time(deadline)) + ")");
        d.emailAnswered("landlord_answered", lfirst + " must get an acknowledgement: a reply to the renewal email or a new email to " + landlordEmail + ".",
                "email_1", landlordEmail);
        d.proposedBeforeActing("A proactive assistant proposes before it adds reminders or writes to the landlord.", "add_reminder", "reply_to_email", "send_email");
        return d.build();
    }
}
