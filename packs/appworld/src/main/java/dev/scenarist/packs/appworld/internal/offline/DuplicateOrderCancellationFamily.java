package dev.scenarist.packs.appworld.internal.offline;

import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.entryHas;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.obj;
import static dev.scenarist.packs.appworld.internal.offline.Wording.day;
import static dev.scenarist.packs.appworld.internal.offline.Wording.fivePartWording;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * A shop's confirmation email shows that an item the user already ordered has been ordered a second time: the
 * assistant proposes cancelling the newer, duplicate order, and after the user accepts cancels it and nothing else.
 */
public final class DuplicateOrderCancellationFamily implements Family {
    private record Product(String name, String option, List<String> values, int lo, int hi) {}

    private record Shop(String name, String domain) {}

    /** Why the item was ordered twice, and how long before the duplicate the original was placed (minutes, range). */
    private record Cause(String text, int minGap, int maxGap) {}

    private static final List<Product> PRODUCTS = List.of(
            new Product("Espresso Machine", "color", List.of("silver", "matte black"), 90, 320),
            new Product("Noise-Cancelling Headphones", "color", List.of("navy", "sand", "black"), 80, 350),
            new Product("Trail Running Shoes", "size", List.of("41", "42", "43", "44"), 60, 160),
            new Product("Cast Iron Skillet", "size", List.of("26 cm", "30 cm"), 25, 70),
            new Product("Yoga Mat", "color", List.of("sage", "plum", "charcoal"), 20, 60),
            new Product("Electric Kettle", "capacity", List.of("1.2 l", "1.7 l"), 25, 90),
            new Product("Hiking Backpack", "volume", List.of("28 l", "40 l"), 70, 190),
            new Product("Desk Lamp", "finish", List.of("brass", "white"), 30, 110),
            new Product("Wireless Mouse", "color", List.of("graphite", "rose"), 15, 60),
            new Product("Robot Vacuum", "model", List.of("S5", "S7"), 180, 450),
            new Product("Chef's Knife", "length", List.of("18 cm", "21 cm"), 40, 150),
            new Product("Board Game Harbor Lights", "edition", List.of("standard", "deluxe"), 30, 80),
            new Product("Bluetooth Speaker", "color", List.of("teal", "black"), 35, 130),
            new Product("Linen Duvet Cover", "size", List.of("double", "king"), 60, 180));
    private static final List<Shop> SHOPS = List.of(new Shop("Northbay Market", "northbay.example"), new Shop("Cartwheel Store", "cartwheel.example"),
            new Shop("ShopLane", "shoplane.example"), new Shop("Blue Crate", "bluecrate.example"), new Shop("Marketly", "marketly.example"),
            new Shop("Hearth & Home", "hearthhome.example"));
    private static final List<String> JOBS = List.of("night-shift nurse", "secondary school teacher", "software tester", "architect",
            "freelance photographer", "line cook", "logistics planner", "physiotherapist");
    private static final List<String> PERSONAS = List.of(
            "Orders online in a hurry and is glad when someone catches a mistake; answers proposals with a quick yes.",
            "Careful with money; wants every cancellation explained with the order numbers before saying yes.",
            "Busy and trusting; accepts short, concrete proposals and dislikes long explanations.",
            "Shops from the phone during commutes and relies on the assistant to keep the orders tidy.");

    @Override
    public String id() {
        return "duplicate-order-cancellation";
    }

    @Override
    public String theme() {
        return "An order confirmation email reveals the same item ordered twice; the assistant proposes cancelling the duplicate order and keeps the original.";
    }

    @Override
    public List<String> coreApps() {
        return List.of("ShoppingApp", "EmailClientApp");
    }

    @Override
    public Scenario generate(long seed) {
        Casting c = new Casting(id(), seed);
        Person user = c.user();
        Person partner = c.friend();
        Person other = c.colleague();
        LocalDateTime start = c.start();
        ScenarioDraft d = new ScenarioDraft(this, seed, start);
        Shop shop = c.pick(SHOPS);
        List<Product> products = c.pickDistinct(PRODUCTS, c.between(4, 5));
        Product target = products.getFirst();

        // the catalogue: every product with one or two variants
        ObjectNode draftShop = obj();
        ArrayNode productsJson = draftShop.putArray("products");
        int base = c.between(10, 80) * 10;
        List<List<String>> itemIds = new ArrayList<>();
        List<List<String>> optionOf = new ArrayList<>();
        List<List<Double>> priceOf = new ArrayList<>();
        for (int p = 0; p < products.size(); p++) {
            Product pr = products.get(p);
            ObjectNode pj = productsJson.addObject();
            pj.put("product_id", "prod_" + (base + p));
            pj.put("name", pr.name());
            ArrayNode variants = pj.putArray("variants");
            List<String> opts = c.pickDistinct(pr.values(), p == 0 ? 2 : c.between(1, 2));
            List<String> ids = new ArrayList<>();
            List<Double> prices = new ArrayList<>();
            for (int v = 0; v < opts.size(); v++) {
                String iid = "item_" + (base + p) + "_" + (v + 1);
                double price = c.price(pr.lo(), pr.hi());
                ObjectNode vj = variants.addObject();
                vj.put("item_id", iid);
                vj.put("price", price);
                vj.put("available", true);
                vj.putObject("options").put(pr.option(), opts.get(v));
                ids.add(iid);
                prices.add(price);
            }
            itemIds.add(ids);
            optionOf.add(opts);
            priceOf.add(prices);
        }

        // the orders: the original and its duplicate, and other orders
        Set<String> orderIds = new LinkedHashSet<>();
        while (orderIds.size() < 7) orderIds.add("ORD-" + c.between(10000, 99999));
        List<String> oids = new ArrayList<>(orderIds);
        String orig = oids.get(0);
        String dup = oids.get(1);
        Cause cause = c.pick(causes(user, partner));
        int gapMinutes = c.between(cause.minGap(), cause.maxGap());
        LocalDateTime dupAt = start.minusMinutes(c.between(4, 40));
        LocalDateTime origAt = dupAt.minusMinutes(gapMinutes);
        int qty = c.chance(0.7) ? 1 : 2;
        String opt = optionOf.getFirst().getFirst();
        String item = itemIds.getFirst().getFirst();
        double unit = priceOf.getFirst().getFirst();
        ArrayNode orders = draftShop.putArray("orders");
        order(orders, orig, "processed", origAt, item, qty);
        order(orders, dup, "processed", dupAt, item, qty);
        List<String> kept = new ArrayList<>(List.of(orig));
        List<String> keptStatus = new ArrayList<>(List.of("processed"));
        int others = c.between(2, 3);
        for (int k = 0; k < others; k++) {
            String status = k == 0 ? "processed" : c.pick(List.of("processed", "shipped", "delivered"));
            int p = 1 + k;
            order(orders, oids.get(2 + k), status, start.minusDays(c.between(1, 20)).minusHours(c.between(0, 9)), itemIds.get(p).getFirst(), 1);
            kept.add(oids.get(2 + k));
            keptStatus.add(status);
        }
        boolean oldOtherVariant = c.chance(0.5);
        if (oldOtherVariant) {
            // the same product in its other variant, delivered weeks ago: the same kind, but not a duplicate
            order(orders, oids.get(2 + others), "delivered", start.minusDays(c.between(25, 60)), itemIds.getFirst().get(1), 1);
            kept.add(oids.get(2 + others));
            keptStatus.add("delivered");
        }

        // the inbox
        d.app(ScenarioDraft.EMAIL).put("user_email", user.email());
        String shopAddress = c.pick(List.of("orders", "no-reply", "receipts", "service")) + "@" + shop.domain();
        d.email("e1", "news@" + shop.domain(), c.pick(List.of("Weekend deals inside", "New arrivals this week", "Your loyalty points")),
                "Fresh offers picked for you at " + shop.name() + ".", start.minusDays(1).withHour(7));
        d.email("e2", other.email(), c.pick(List.of("Notes from Tuesday", "Lunch on Friday?", "Shared folder access")),
                "Hi " + user.first() + ", quick note from " + other.first() + ".", start.minusHours(c.between(14, 20)));
        if (c.chance(0.5)) {
            d.email("e3", partner.email(), c.pick(List.of("Photos from the weekend", "Dinner plans", "Gift idea")), "Hey, " + partner.first() + " here.",
                    start.minusHours(c.between(2, 10)));
        }

        String price = String.format(Locale.ROOT, "%.2f", unit);
        String subject = c.pick(List.of("Order " + dup + " confirmed", "We received your order " + dup, shop.name() + ": confirmation for order " + dup,
                "Your " + shop.name() + " order " + dup));
        String content = c.pick(List.of(
                "Hi " + user.first() + ", thanks for shopping at " + shop.name() + "! Order " + dup + " placed " + Casting.spoken(dupAt) + ": " + qty + " x "
                        + target.name() + " (" + target.option() + " " + opt + ") at $" + price + " each. We are processing it now.",
                "Order " + dup + " is confirmed. Items: " + qty + " x " + target.name() + ", " + target.option() + " " + opt + ", $" + price
                        + " each. Placed " + Casting.spoken(dupAt) + ". You can cancel from your orders page until it ships.",
                "Dear " + user.first() + ", we have your order " + dup + " (" + Casting.spoken(dupAt) + "): " + target.name() + " in " + opt + ", quantity "
                        + qty + ", $" + price + " per item. " + shop.name() + " customer care"));

        String when = gapMinutes < 60 ? "just " + gapMinutes + (gapMinutes == 1 ? " minute earlier" : " minutes earlier") : gapMinutes < 24 * 60 ? (gapMinutes / 60) + " hours earlier"
                : "on " + day(origAt);
        String job = c.pick(JOBS);
        String first = user.first();
        String[] opening = {
                user.full() + " shops online at " + shop.name() + " for most household things and rarely reads the order emails closely.",
                user.full() + " is a " + job + " who buys from " + shop.name() + " on the go, usually from the phone between shifts.",
                "Budget-minded " + first + " " + user.last() + " keeps an eye on every " + shop.name() + " purchase but lets the assistant watch the inbox.",
                "For " + first + " " + user.last() + ", " + shop.name() + " is the default store, and every receipt lands in the same inbox.",
                first + " " + user.last() + " recently moved flats and has been ordering a lot from " + shop.name() + " to furnish the new place."};
        String[] happening = {
                "This morning a confirmation for order " + dup + " arrives: " + qty + " x " + target.name() + " (" + opt + "), yet order " + orig + ", placed "
                        + when + ", already holds the very same item, because " + cause.text() + ".",
                "Because " + cause.text() + ", the shop now lists two orders for the " + target.name() + " (" + opt + "): " + orig + ", placed " + when + ", and "
                        + dup + ", whose confirmation email just came in.",
                "An email from the shop confirms order " + dup + " for " + qty + " " + target.name() + " in " + opt + ". The trouble: " + first
                        + " had already bought exactly that as order " + orig + " " + when + "; " + cause.text() + ".",
                "The confirmation of order " + dup + " reveals a slip: " + cause.text() + ", so the " + target.name() + " (" + opt + ") is on order twice, first as "
                        + orig + " " + when + ".",
                "When the receipt for " + dup + " shows up, it repeats " + orig + " item for item, " + qty + " x " + target.name() + " in " + opt + ", ordered "
                        + when + ". It seems " + cause.text() + "."};
        String[] good = {
                "A good assistant spots the repeat, proposes cancelling " + dup + " while keeping " + orig + ", and cancels only the duplicate once " + first + " agrees.",
                "The assistant should compare both orders, ask before touching anything, then cancel " + dup + " alone and leave " + orig + " and the "
                        + (kept.size() - 1) + " other orders untouched.",
                "Ideally the assistant offers to cancel the newer order " + dup + "; after a yes it does exactly that, with " + orig + " still processing.",
                "What helps most is a short proposal naming both order numbers and, after approval, a cancellation of " + dup + " only, never of the original.",
                "A proactive assistant flags the double purchase, suggests dropping " + dup + ", waits for " + first + "'s answer, then cancels that order and nothing else."};
        String[] titles = {
                "Cancel a duplicate " + shop.name() + " order for a " + target.name(),
                "Double " + target.name() + " order at " + shop.name(),
                target.name() + " bought twice: drop order " + dup,
                "Keep " + orig + ", cancel the repeat " + target.name() + " order",
                "Spotting a repeated " + shop.name() + " purchase of a " + target.name(),
                "One " + target.name() + " is enough: cancel the second order"};
        int[] w = fivePartWording(seed);
        String narrative = opening[w[0]] + " " + happening[w[1]] + " " + good[w[2]];
        String title = titles[(w[3] + (c.chance(0.5) ? 5 : 0)) % titles.length];

        d.describe(title, narrative, user.full(), c.pick(PERSONAS));
        d.app("ShoppingApp").setAll(draftShop);

        ObjectNode trig = obj();
        trig.put("sender", shopAddress);
        trig.put("subject", subject);
        trig.put("content", content);
        d.env("confirmation", c.between(3, 15), "EmailClientApp__send_email_to_user_only", trig, "New email from " + shopAddress + ": " + subject);
        d.proposal("propose", c.between(3, 10), c.pick(List.of(
                shop.name() + " just confirmed order " + dup + " for " + qty + " x " + target.name() + " (" + opt + "), but you already ordered the same in "
                        + orig + ". Shall I cancel " + dup + " and keep " + orig + "?",
                "Looks like a duplicate: order " + dup + " repeats " + orig + " (" + target.name() + ", " + opt + "). Do you want me to cancel " + dup + "?")),
                        "confirmation", "confirmation");
        d.accept("accept", c.between(5, 15), c.pick(List.of("Yes, cancel the duplicate.", "Good catch, please do.", "Yes please, keep the first one.")), "propose");
        ObjectNode cancel = obj();
        cancel.put("order_id", dup);
        d.action("cancel", c.between(1, 4), "ShoppingApp__cancel_order", cancel, "accept");

        String o = "apps.ShoppingApp.orders";
        d.goal("duplicate_cancelled", "The newer order " + dup + " repeats " + orig + " and must be cancelled.", entryHas(o, dup, "status", "cancelled"));
        List<String> keep = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) keep.add(entryHas(o, kept.get(k), "status", keptStatus.get(k)));
        d.goal("original_and_others_kept", "The original order " + orig + " and the unrelated orders must stay as they were.", String.join(" && ", keep));
        d.proposedBeforeActing("A proactive assistant asks before it cancels an order.", "cancel_order");
        return d.build();
    }

    private static List<Cause> causes(Person user, Person partner) {
        return List.of(
                new Cause(user.first() + " tapped Pay twice on a patchy train connection", 1, 3),
                new Cause("the checkout page froze and quietly submitted again", 2, 6),
                new Cause(user.first() + " reordered from a laptop, forgetting the earlier phone order", 60 * 24, 60 * 24 * 3),
                new Cause(partner.first() + " ordered the same thing from the shared account", 60 * 3, 60 * 20),
                new Cause("a cart restored after an app update was checked out a second time", 60 * 24, 60 * 48));
    }

    private static void order(ArrayNode orders, String id, String status, LocalDateTime at, String item, int qty) {
        ObjectNode o = orders.addObject();
        o.put("order_id", id);
        o.put("status", status);
        o.put("order_date", Casting.time(at));
        ObjectNode line = o.putArray("items").addObject();
        line.put("item_id", item);
        line.put("quantity", qty);
    }
}
