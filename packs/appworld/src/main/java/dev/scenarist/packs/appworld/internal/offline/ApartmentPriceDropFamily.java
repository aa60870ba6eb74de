package dev.scenarist.packs.appworld.internal.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.scenario.Scenario;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.scenarist.packs.appworld.internal.offline.Wording.fill;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.MESSAGING;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.message;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.obj;
import static dev.scenarist.packs.appworld.internal.offline.Wording.phrasing;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.q;

/**
 * The user asked a landlord to be told if a listing they liked ever got cheaper; its price now drops below their
 * budget. A good assistant proposes to save the listing and to message that landlord for a viewing, and does both
 * after the user accepts — not another listing, not another landlord.
 */
public final class ApartmentPriceDropFamily implements Family {
    private static final List<String> AREAS = List.of("Riverside", "Old Town", "Northgate", "Harbor District", "Maple Heights", "University Quarter",
            "Greenfield", "Eastside", "Canal Quarter", "Hillcrest", "Westbrook", "Market Square", "Parkview", "Lakeshore");
    private static final List<String> KINDS = List.of("loft", "flat", "studio", "two-bedroom", "garden flat", "penthouse", "townhouse", "duplex");
    private static final List<String> ADJ = List.of("Sunny", "Quiet", "Bright", "Spacious", "Cosy", "Modern", "Renovated", "Airy", "Charming", "Compact");
    private static final List<String> AMENITIES = List.of("Balcony", "Elevator", "Dishwasher", "Parking", "Gym", "Laundry", "Bike storage", "Garden", "Concierge");

    @Override
    public String id() {
        return "apartment-price-drop";
    }

    @Override
    public String theme() {
        return "A rental listing the user asked a landlord about drops below the user's budget; the assistant proposes to save it and ask for a viewing.";
    }

    @Override
    public List<String> coreApps() {
        return List.of("ApartmentListingApp", "MessagingApp");
    }

    @Override
    public Scenario generate(long seed) {
        Casting c = new Casting(id(), seed);
        Casting.Person user = c.user();
        Casting.Person landlord = c.colleague();
        Casting.Person otherLandlord = c.colleague();
        Casting.Person friend = c.friend();
        LocalDateTime start = c.start();

        int n = c.between(4, 6);
        List<String> areas = c.pickDistinct(AREAS, n);
        Set<Integer> ids = new HashSet<>();
        List<String> aptIds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int x;
            do x = c.between(10, 99); while (!ids.add(x));
            aptIds.add("apt_" + x);
            names.add(c.pick(ADJ) + " " + c.pick(KINDS) + " in " + areas.get(i));
        }
        int budget = 25 * c.between(48, 110);
        int oldPrice = budget + 25 * c.between(3, 16);
        int newPrice = budget - 25 * c.between(0, 6);
        String target = aptIds.get(0);
        String targetName = names.get(0);
        String area = areas.get(0);
        List<String> savedDistractors = new ArrayList<>();

        ScenarioDraft d = new ScenarioDraft(this, seed, start);
        ArrayNode apartments = d.app("ApartmentListingApp").putArray("apartments");
        for (int i = 0; i < n; i++) {
            ObjectNode a = apartments.addObject();
            a.put("apartment_id", aptIds.get(i));
            a.put("name", names.get(i));
            a.put("location", areas.get(i));
            a.put("zip_code", Integer.toString(c.between(10001, 99950)));
            a.put("price", i == 0 ? oldPrice : 25 * c.between(40, 130));
            a.put("number_of_bedrooms", c.between(0, 3));
            a.put("number_of_bathrooms", c.between(1, 2));
            a.put("property_type", c.pick(List.of("Apartment", "Condo", "Apartment", "House")));
            a.put("square_footage", 50 * c.between(8, 30));
            a.put("furnished_status", c.pick(List.of("Furnished", "Unfurnished", "Semi-furnished")));
            a.put("floor_level", c.pick(List.of("Ground floor", "1st floor", "2nd floor", "3rd floor", "Top floor")));
            a.put("pet_policy", c.pick(List.of("Pets allowed", "No pets", "Cats allowed")));
            a.put("lease_term", c.pick(List.of("1 year", "6 months", "Month-to-month")));
            ArrayNode am = a.putArray("amenities");
            c.pickDistinct(AMENITIES, 2).forEach(am::add);
            boolean saved = i > 0 && c.chance(0.4);
            a.put("saved", saved);
            if (saved) savedDistractors.add(aptIds.get(i));
        }
        String otherName = names.get(1);

        d.app(MESSAGING).put("user_name", user.full());
        List<String> convIds = c.pickDistinct(List.of("conv_11", "conv_12", "conv_13", "conv_14", "conv_15", "conv_16"), 3);
        String convL = convIds.get(0);
        LocalDateTime asked = start.minusDays(c.between(3, 12)).withHour(c.between(9, 19));
        ObjectNode withLandlord = d.conversation(convL, landlord.full(), List.of(user.full(), landlord.full()));
        message(withLandlord, user.full(), fill(c.pick(List.of(
                        "Hi {l}, I really like the {name}, but {old} a month is above my budget of {b}. Could you let me know if the rent comes down?",
                        "Hello {l}! The {name} looks great, only {old} is more than the {b} I can spend. Please tell me if the price changes.")),
                Map.of("l", landlord.first(), "name", targetName, "old", Integer.toString(oldPrice), "b", Integer.toString(budget))), asked);
        message(withLandlord, landlord.full(), c.pick(List.of("Noted, I'll keep you posted.", "Understood, I will tell you if it changes.", "Sure, I'll let you know.")),
                asked.plusMinutes(c.between(20, 180)));
        ObjectNode withOther = d.conversation(convIds.get(1), otherLandlord.full(), List.of(user.full(), otherLandlord.full()));
        message(withOther, otherLandlord.full(), "The " + otherName + " is still available if you want a viewing.", start.minusDays(c.between(1, 5)).withHour(11));
        message(withOther, user.full(), c.pick(List.of("Thanks, I'll think about it.", "Thank you, maybe later.")), start.minusDays(1).withHour(8));
        message(d.conversation(convIds.get(2), friend.full(), List.of(user.full(), friend.full())), friend.full(),
                c.pick(List.of("Any luck with the flat hunt?", "Found a place yet?", "How is the apartment search going?")), start.minusHours(c.between(12, 40)));

        d.env("price_drop", 5, "ApartmentListingApp__update_apartment", obj().put("apartment_id", target).put("new_price", newPrice),
                "Apartment " + target + " price updated to " + newPrice);
        Map<String, String> v = new HashMap<>();
        v.put("user", user.first());
        v.put("name", targetName);
        v.put("area", area);
        v.put("old", Integer.toString(oldPrice));
        v.put("new", Integer.toString(newPrice));
        v.put("b", Integer.toString(budget));
        v.put("l", landlord.first());
        v.put("ll", landlord.full());
        v.put("o", otherLandlord.first());
        v.put("other", otherName);
        v.put("f", friend.first());
        d.proposal("propose", 5, fill(phrasing(seed, List.of(
                "The {name} just dropped from {old} to {new} a month, within your {b} budget. Shall I save it and message {l} to ask for a viewing?",
                "Good news: the rent of the {name} is now {new} (was {old}). Do you want me to save the listing and ask {l} when you can visit?")), v),
                        "price_drop", "price_drop");
        d.accept("accept", 10, c.pick(List.of("Yes, please do.", "Great, go ahead.", "Yes!", "Please, yes.")), "propose");
        d.action("save", 2, "ApartmentListingApp__save_apartment", obj().put("apartment_id", target), "accept");
        d.action("ask_viewing", 2, "MessagingApp__send_message", obj().put("conversation_id", convL).put("content",
                fill("Hi {l}, I saw the {name} is now {new} a month. Could I come and see it this week?", v)), "save");

        String apts = "apps.ApartmentListingApp.apartments";
        d.goal("listing_saved", "The listing whose price dropped must be saved.",
                q(target) + " in " + apts + " && " + apts + "[" + q(target) + "].saved == true");
        String convs0 = "apps.MessagingApp.conversations";
        d.goal("landlord_asked", landlord.full() + ", the landlord of that listing, must get a message from the user after the drop.",
                convs0 + ".exists(k, " + q(landlord.full()) + " in " + convs0 + "[k].participants && " + convs0 + "[k].messages.exists(m, m.sender == "
                        + q(user.full()) + " && m.timestamp > " + q(Casting.time(start)) + "))");
        String savedList = ScenarioDraft.list(savedDistractors);
        d.goal("other_listings_unchanged", "The other listings keep their saved marks.",
                apts + ".all(a, a == " + q(target) + " || " + apts + "[a].saved == (a in " + savedList + "))");
        d.proposedBeforeActing("A proactive assistant proposes before it saves listings or writes to a landlord.", "save_apartment", "send_message");

        String title = fill(phrasing(seed, List.of("Save the {name} after its price drop", "Rent falls below budget: ask {l} for a viewing",
                "A watched {area} listing gets cheaper")), v);
        String who = fill(phrasing(seed, List.of(
                "{user} is flat hunting with a budget of {b} a month and once asked landlord {ll} about the {name}, listed at {old}.",
                "Looking for a new home, {user} liked the {name} but found its {old} rent too high; {l}, the landlord, promised to say if it changed.",
                "The {name} has been on {user}'s mind since a chat with its landlord {l}: nice place, but {old} exceeds the {b} limit.",
                "{user} wants to move to {area} and keeps an eye on the {name}, which cost {old}, more than the {b} {user} can pay.")), v);
        String what = fill(phrasing(seed, List.of(
                "Today the listing's price falls to {new}. Other offers, such as the {other} from {o}, stay as they are.",
                "The app now reports a new rent of {new} for it, under budget, while {o} is still pushing the {other}.",
                "An update arrives: the rent is down to {new} a month. The saved list and the other conversations, with {o} and {f}, are unrelated.",
                "Suddenly the price drops to {new}, while listings in other districts do not move.",
                "This morning the listing is repriced at {new}, well within reach; {f} has just asked how the search is going.")), v);
        String good = fill(phrasing(seed, List.of(
                "A good assistant proposes to save it and to message {l} for a viewing, then does both after {user} says yes.",
                "The assistant should notice, suggest saving the listing and asking {l} about a visit, and act only once approved.",
                "Ideally it offers to bookmark the {area} flat and contact {l}, not {o}, and waits for consent before doing so.",
                "What helps is a short proposal to save it and write to its landlord, carried out after {user} accepts.",
                "A proactive helper flags the drop, asks whether to save the listing and request a viewing from {l}, and follows through on a yes.",
                "The right response: propose saving this listing and messaging {l}; after approval, save it and send the request, leaving other listings alone.")), v);
        d.describe(title, who + " " + what + " " + good, user.full(),
                c.pick(List.of("A young professional moving cities who decides fast when a good flat appears.",
                        "A nurse working shifts who has little time to follow listings and welcomes timely proposals.",
                        "A careful renter who sticks to a firm budget and likes to see a place before deciding.",
                        "A remote worker looking for a bigger place and happy to let the assistant handle contacts.")));
        return d.build();
    }
}
