package dev.scenarist.packs.appworld.internal.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.scenarist.packs.appworld.internal.offline.Wording.fill;
import static dev.scenarist.packs.appworld.internal.offline.Wording.hm;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.obj;
import static dev.scenarist.packs.appworld.internal.offline.Wording.phrasing;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.q;

/**
 * The user has a cab booked to a meeting; the person they meet emails that the meeting moves to another address. A
 * good assistant proposes to cancel the booked ride, order one to the new address at the same pick-up time and answer
 * the email; after the user accepts it does exactly that (not a past destination, not someone else's email).
 */
public final class RideDiversionFamily implements Family {
    private static final List<String> STREETS = List.of("Elm Street", "Harbor Road", "Kings Avenue", "Mill Lane", "Station Square", "Rosewood Drive",
            "Canal Street", "Oak Avenue", "Church Road", "Bridge Street", "Victoria Terrace", "Queen Street", "Linden Way", "Orchard Place");
    private static final List<String> VENUES = List.of("Cafe Lumen", "the Riverside Hotel", "Bistro Marlowe", "the Grand Library", "Studio Nine",
            "Harbor Conference Centre", "Blue Fig restaurant", "the Foundry coworking space", "Tea House Sora", "the Atrium Building");
    private static final List<String> MEETINGS = List.of("client meeting", "lunch", "job interview", "coffee", "project kickoff", "contract signing",
            "design review", "catch-up");

    @Override
    public String id() {
        return "ride-diversion";
    }

    @Override
    public String theme() {
        return "A meeting the user has a cab booked for moves to a new address; the assistant proposes to cancel the ride, book one to the new place and answer.";
    }

    @Override
    public List<String> coreApps() {
        return List.of("CabApp", "EmailClientApp");
    }

    @Override
    public Scenario generate(long seed) {
        Casting c = new Casting(id(), seed);
        Casting.Person user = c.user();
        Casting.Person host = c.chance(0.6) ? c.colleague() : c.friend();
        Casting.Person other1 = c.colleague();
        Casting.Person other2 = c.friend();
        LocalDateTime start = c.start();
        List<String> streets = c.pickDistinct(STREETS, 6);
        List<String> addresses = streets.stream().map(s -> c.between(2, 180) + " " + s).toList();
        String home = addresses.get(0);
        String oldAddress = addresses.get(1);
        String newAddress = addresses.get(2);
        List<String> venues = c.pickDistinct(VENUES, 2);
        String oldVenue = venues.get(0);
        String newVenue = venues.get(1);
        String meeting = c.pick(MEETINGS);
        LocalDateTime pickup = start.plusMinutes(15 * c.between(3, 8));
        LocalDateTime meetAt = pickup.plusMinutes(30);
        String meetTime = hm(meetAt);
        String service = c.pick(List.of("Default", "Default", "Premium", "Van"));
        String rideId = "ride_" + c.between(500, 899);

        ScenarioDraft d = new ScenarioDraft(this, seed, start);
        ObjectNode cab = d.app("CabApp");
        ArrayNode rides = cab.putArray("rides");
        ObjectNode booked = rides.addObject();
        booked.put("ride_id", rideId);
        booked.put("status", "BOOKED");
        booked.put("service_type", service);
        booked.put("start_location", home);
        booked.put("end_location", oldAddress);
        booked.put("time_stamp", Casting.time(pickup));
        int history = c.between(2, 3);
        for (int i = 0; i < history; i++) {
            ObjectNode r = rides.addObject();
            r.put("ride_id", "ride_" + (100 + 37 * i + c.between(0, 30)));
            r.put("status", "COMPLETED");
            r.put("service_type", c.pick(List.of("Default", "Premium")));
            r.put("start_location", i % 2 == 0 ? home : addresses.get(3 + i));
            r.put("end_location", i % 2 == 0 ? addresses.get(3 + i) : home);
            r.put("time_stamp", Casting.time(start.minusDays(c.between(1 + 5 * i, 5 + 5 * i)).withHour(c.between(8, 20))));
        }

        d.app("EmailClientApp").put("user_email", user.email());
        d.email("e1", other1.email(), c.pick(List.of("Quarterly numbers", "Expense report", "Offsite agenda", "Vendor shortlist")),
                "Could you review this before Friday? We also still owe " + addresses.get(4) + " a visit.", start.minusHours(c.between(3, 20))).put("is_read", true);
        d.email("e2", other2.email(), c.pick(List.of("Dinner next week?", "Concert tickets", "Moving boxes")),
                c.pick(List.of("Let me know when you're free.", "I got two, want one?", "Do you still have some?")), start.minusHours(c.between(21, 48)))
                .put("is_read", true);
        d.email("e3", host.email(), "Our " + meeting, "See you at " + oldVenue + ", " + oldAddress + " at " + meetTime + ".",
                start.minusDays(c.between(1, 3)).withHour(c.between(9, 17))).put("is_read", true);

        Map<String, String> v = new HashMap<>();
        v.put("user", user.first());
        v.put("h", host.first());
        v.put("hh", host.full());
        v.put("m", meeting);
        v.put("ov", oldVenue);
        v.put("oa", oldAddress);
        v.put("nv", newVenue);
        v.put("na", newAddress);
        v.put("t", meetTime);
        v.put("home", home);
        v.put("p", hm(pickup));
        v.put("s", service);

        String subject = fill(phrasing(seed, List.of("Change of venue", "New place for our {m}", "We moved!", "Update: {m} location", "Different address today")), v);
        String content = fill(phrasing(seed / 3, List.of(
                "Hi {user}, {ov} is closed today, so let's meet at {nv}, {na} instead. Same time, {t}. {h}",
                "Small change: our {m} is now at {nv} ({na}), still at {t}. Sorry for the short notice! {h}",
                "We had to move: please come to {na} ({nv}) rather than {ov}. See you at {t}. {h}")), v);
        d.env("moved", 5, "EmailClientApp__send_email_to_user_only", obj().put("sender", host.email()).put("subject", subject).put("content", content),
                "New email from " + host.email() + ": " + subject);
        d.proposal("propose", 5, fill(phrasing(seed, List.of(
                "{h} moved your {m} to {nv}, {na}. Your cab at {p} goes to {oa}. Shall I cancel it, book a {s} ride from {home} to {na} at {p}, and tell {h} you're on your way?",
                "Your {m} with {h} is now at {na} instead of {oa}. Do you want me to replace the booked ride with one to {na} at {p} and reply to {h}?")), v),
                        "moved", "moved");
        d.accept("accept", 10, c.pick(List.of("Yes, do that.", "Yes please.", "Go ahead.", "Sure, thanks.")), "propose");
        d.action("cancel_ride", 2, "CabApp__user_cancel_ride", obj(), "accept");
        d.action("order_ride", 2, "CabApp__order_ride", obj().put("start_location", home).put("end_location", newAddress)
                .put("service_type", service).put("ride_time", Casting.time(pickup)), "cancel_ride");
        String emailId = "email_1";
        d.action("reply", 2, "EmailClientApp__reply_to_email", obj().put("email_id", emailId)
                .put("content", fill("Thanks {h}, I have rebooked my cab to {na}. See you at {t}.", v)), "order_ride");

        String rides0 = "apps.CabApp.rides";
        d.goal("old_ride_cancelled", "The ride to the old address must be cancelled.",
                q(rideId) + " in " + rides0 + " && " + rides0 + "[" + q(rideId) + "].status == 'CANCELLED'");
        d.goal("ride_to_new_address", "A ride must be booked to the new address " + newAddress + ".",
                rides0 + ".exists(r, " + rides0 + "[r].status == 'BOOKED' && " + rides0 + "[r].end_location == " + q(newAddress) + ")");
        d.emailAnswered("host_answered", host.first() + " must get an answer: a reply to the email or a new email to " + host.email() + ".", emailId,
                host.email());
        d.proposedBeforeActing("A proactive assistant proposes before it cancels or books rides.", "user_cancel_ride", "order_ride");

        String title = fill(phrasing(seed, List.of("Reroute the cab to {nv}", "The {m} moved: rebook the ride", "Cancel the cab to {ov} and book one to {na}")), v);
        String who = fill(phrasing(seed, List.of(
                "{user} has a {s} cab booked for {p}, from {home} to {oa}, for a {m} with {hh} at {ov}.",
                "At {p} a cab is due to take {user} from home at {home} to {ov}, where {h} expects {user} for a {m} at {t}.",
                "Today {user} meets {h} for a {m} at {t}; the ride to {oa} is already booked, and past rides in the app went elsewhere.",
                "For the {t} {m} with {hh}, {user} booked a ride to {ov} on {oa}.")), v);
        String what = fill(phrasing(seed, List.of(
                "Shortly before, {h} emails that the {m} moves to {nv} at {na}.",
                "Then an email from {h} changes the plan: the new place is {na} ({nv}), same time.",
                "A message from {h} arrives saying {ov} is off and they now meet at {nv}, {na}.",
                "News comes by email: {h} has switched the venue to {nv} on {na}; the inbox also holds unrelated mail from other people.",
                "{h} writes that the meeting point is now {na}, not {oa}.")), v);
        String good = fill(phrasing(seed, List.of(
                "A good assistant proposes to cancel the booked ride, order one to {na} at {p}, and answer {h}, then does so after {user} says yes.",
                "The assistant should offer to swap the ride for one to the new address and to reply to {h}, acting only once approved.",
                "Ideally it suggests cancelling the cab to {oa}, booking a new one to {na} and confirming with {h}, and waits for consent.",
                "What helps: a quick proposal to redirect the trip, then, after {user} accepts, cancelling the old ride, ordering the new one and replying.",
                "A proactive helper catches the change, asks whether to rebook the ride to {nv} and tell {h}, and carries it out on a yes.",
                "The right move is a proposal first; after approval, cancel the current ride, book {home} to {na} for {p}, and answer the email.")), v);
        d.describe(title, who + " " + what + " " + good, user.full(),
                c.pick(List.of("A consultant who travels between client sites by cab and hates being late.",
                        "A sales manager with back-to-back meetings who approves sensible travel changes quickly.",
                        "A freelancer who relies on the phone to organise trips and likes concise proposals.",
                        "A recruiter who meets people all over town and trusts the assistant with bookings.")));
        return d.build();
    }
}
