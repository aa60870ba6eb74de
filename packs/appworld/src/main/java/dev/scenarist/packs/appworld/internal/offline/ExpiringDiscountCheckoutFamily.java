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
import static dev.scenarist.packs.appworld.internal.offline.Wording.hm;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.obj;
import static dev.scenarist.packs.appworld.internal.offline.Wording.phrasing;
import static dev.scenarist.packs.appworld.internal.offline.ScenarioDraft.q;

/**
 * A shop emails that a discount code for an item waiting in the user's cart expires soon. The cart also holds an item
 * that has sold out, so checkout needs it removed first. A good assistant proposes to drop the sold-out item and
 * check out with that code (not an older or unrelated code), and does so after the user accepts.
 */
public final class ExpiringDiscountCheckoutFamily implements Family {
    private record Product(String name, String optionKey, List<String> optionValues, int lo, int hi) {}

    private static final List<Product> PRODUCTS = List.of(
            new Product("Trail Running Shoes", "size", List.of("41", "42", "43", "44"), 70, 150),
            new Product("Espresso Machine", "color", List.of("black", "silver", "red"), 120, 400),
            new Product("Noise-Cancelling Headphones", "color", List.of("black", "white", "navy"), 90, 300),
            new Product("Wool Winter Coat", "size", List.of("S", "M", "L", "XL"), 110, 260),
            new Product("Yoga Mat", "color", List.of("teal", "purple", "grey"), 20, 70),
            new Product("Cast Iron Skillet", "size", List.of("26 cm", "30 cm"), 30, 90),
            new Product("Mechanical Keyboard", "layout", List.of("US", "UK", "DE"), 60, 180),
            new Product("Hiking Backpack", "volume", List.of("30 L", "45 L", "60 L"), 50, 160),
            new Product("Desk Lamp", "finish", List.of("brass", "matte black", "white"), 25, 110),
            new Product("Electric Kettle", "color", List.of("steel", "cream", "black"), 25, 90),
            new Product("Bluetooth Speaker", "color", List.of("orange", "black", "blue"), 40, 200),
            new Product("Linen Bed Sheets", "size", List.of("double", "queen", "king"), 60, 180),
            new Product("Road Bike Helmet", "size", List.of("S", "M", "L"), 45, 160),
            new Product("Robot Vacuum", "model", List.of("S5", "S7", "Max"), 180, 520),
            new Product("Digital Kitchen Scale", "color", List.of("white", "black"), 15, 45),
            new Product("Camping Tent", "capacity", List.of("2-person", "3-person", "4-person"), 90, 330));
    private static final List<String> SHOPS = List.of("Brightcart", "Northwind Outfitters", "Harbor Home", "UrbanNest", "Pebble Market",
            "Cedar & Co", "Lumen Store", "Maple Lane Goods");
    private static final List<String> CODE_WORDS = List.of("FLASH", "CART", "LASTCALL", "HURRY", "TONIGHT", "WEEKEND", "SPRING", "AUTUMN",
            "THANKYOU", "COMEBACK", "LOYAL", "VIP", "SAVE", "BONUS");

    @Override
    public String id() {
        return "expiring-discount-checkout";
    }

    @Override
    public String theme() {
        return "A shop's discount code for an item already in the user's cart is about to expire; the assistant proposes to check out with it in time.";
    }

    @Override
    public List<String> coreApps() {
        return List.of("ShoppingApp", "EmailClientApp");
    }

    @Override
    public Scenario generate(long seed) {
        Casting c = new Casting(id(), seed);
        Casting.Person user = c.user();
        Casting.Person friend = c.friend();
        Casting.Person colleague = c.colleague();
        LocalDateTime start = c.start();
        String shop = c.pick(SHOPS);
        String shopDomain = shop.toLowerCase(java.util.Locale.ROOT).replace(" & ", "").replace(" ", "") + ".example";
        List<Product> picked = c.pickDistinct(PRODUCTS, 5);
        Product a = picked.get(0), other = picked.get(1), soldOut = picked.get(2), d1 = picked.get(3), d2 = picked.get(4);

        // item ids: distinct numbers
        Set<Integer> used = new HashSet<>();
        java.util.function.Supplier<String> itemId = () -> {
            int n;
            do n = c.between(100, 999); while (!used.add(n));
            return "item_" + n;
        };
        ObjectNode shopping = obj();
        ArrayNode products = shopping.putArray("products");
        Map<Product, List<String>> itemsOf = new HashMap<>();
        Map<String, String> optionOf = new HashMap<>();
        int productNo = 1;
        for (Product p : picked) {
            ObjectNode prod = products.addObject();
            prod.put("product_id", "prod_" + (productNo++));
            prod.put("name", p.name());
            ArrayNode variants = prod.putArray("variants");
            List<String> opts = c.pickDistinct(p.optionValues(), 2);
            List<String> ids = new ArrayList<>();
            for (String o : opts) {
                String iid = itemId.get();
                ObjectNode v = variants.addObject();
                v.put("item_id", iid);
                v.put("price", c.price(p.lo(), p.hi()));
                v.put("available", !(p == soldOut));
                v.putObject("options").put(p.optionKey(), o);
                ids.add(iid);
                optionOf.put(iid, o);
            }
            itemsOf.put(p, ids);
        }
        String itemA = itemsOf.get(a).getFirst();
        String itemC = itemsOf.get(other).get(c.between(0, 1));
        String itemY = itemsOf.get(soldOut).getFirst();
        int qtyA = c.chance(0.3) ? 2 : 1;
        ArrayNode cart = shopping.putArray("cart");
        cart.addObject().put("item_id", itemA).put("quantity", qtyA);
        cart.addObject().put("item_id", itemC).put("quantity", 1);
        cart.addObject().put("item_id", itemY).put("quantity", 1);
        ArrayNode orders = shopping.putArray("orders");
        ObjectNode past = orders.addObject();
        past.put("order_id", "order_" + c.between(300, 899));
        past.put("status", "delivered");
        past.put("order_date", Casting.time(start.minusDays(c.between(9, 40)).withHour(c.between(10, 20))));
        past.putArray("items").addObject().put("item_id", itemsOf.get(d2).getFirst()).put("quantity", 1);
        past.put("discount_code", "");

        List<String> words = c.pickDistinct(CODE_WORDS, 3);
        int pct = 5 * c.between(2, 8);
        int pctOld = 5 * c.between(2, 6);
        int pctOther = 5 * c.between(2, 7);
        String code = words.get(0) + pct;
        String oldCode = words.get(1) + pctOld;
        String otherCode = words.get(2) + pctOther;
        ObjectNode codes = shopping.putObject("discount_codes");
        codes.putObject(code).put(itemA, pct);
        codes.putObject(oldCode).put(itemC, pctOld);
        codes.putObject(otherCode).put(itemsOf.get(d1).getFirst(), pctOther);

        LocalDateTime expires = start.plusHours(c.between(3, 9)).withMinute(c.chance(0.5) ? 0 : 59);
        String expiry = hm(expires);
        LocalDateTime oldEnd = start.minusDays(c.between(2, 12));

        ScenarioDraft d = new ScenarioDraft(this, seed, start);
        d.app("EmailClientApp").put("user_email", user.email());
        String offers = c.pick(List.of("offers", "deals", "news", "hello")) + "@" + shopDomain;
        d.email("e1", offers, shop + " newsletter: " + oldCode,
                "Use " + oldCode + " for " + pctOld + "% off the " + other.name() + ". Offer ended on " + oldEnd.toLocalDate() + ".",
                oldEnd.minusDays(3).withHour(8)).put("is_read", true);
        d.email("e2", colleague.email(), c.pick(List.of("Slides for Thursday", "Budget review", "Team offsite", "Draft contract")),
                c.pick(List.of("Could you have a look before the meeting?", "Numbers attached, comments welcome.", "Let me know what you think.")),
                start.minusHours(c.between(14, 30))).put("is_read", true);
        int nDistractors = c.between(0, 1);
        if (nDistractors == 1) {
            d.email("e3", friend.email(), c.pick(List.of("Photos from Sunday", "Book recommendation", "Are you free on Friday?")),
                    c.pick(List.of("Here they are, enjoy!", "You will love this one.", "Let me know.")), start.minusHours(c.between(2, 12))).put("is_read", true);
        }
        d.app("ShoppingApp").setAll(shopping);

        Map<String, String> v = new HashMap<>();
        v.put("user", user.first());
        v.put("shop", shop);
        v.put("a", a.name());
        v.put("opt", optionOf.get(itemA));
        v.put("c", other.name());
        v.put("y", soldOut.name());
        v.put("code", code);
        v.put("pct", Integer.toString(pct));
        v.put("old", oldCode);
        v.put("exp", expiry);
        v.put("d", d1.name());
        v.put("other", otherCode);

        String subject = fill(phrasing(seed, List.of("Your {pct}% code expires at {exp}", "Last chance: {code} for your cart",
                "{pct}% off the {a} ends today", "Still thinking about the {a}?", "Hurry: {code} runs out at {exp}")), v);
        String content = fill(phrasing(seed / 2, List.of(
                "Good news: code {code} takes {pct}% off the {a} in your cart. It expires today at {exp}.",
                "The {a} ({opt}) is waiting in your cart. Check out with {code} before {exp} today and save {pct}%.",
                "Use {code} at checkout for {pct}% off your {a}. Valid until {exp} today only.")), v);
        d.env("offer", 5, "EmailClientApp__send_email_to_user_only", obj().put("sender", offers).put("subject", subject).put("content", content),
                "New email from " + offers + ": " + subject);
        d.proposal("propose", 5, fill(phrasing(seed, List.of(
                "{shop} sent code {code} ({pct}% off the {a}), valid until {exp} today. The {y} in your cart has sold out. Shall I remove it and check out the rest with {code}?",
                "Your {pct}% code {code} for the {a} expires at {exp}. Shall I take the sold-out {y} out of the cart and buy the {a} and the {c} with the code now?")), v),
                        "offer", "offer");
        d.accept("accept", 10, c.pick(List.of("Yes, go ahead.", "Please do.", "Sure, buy it.", "Yes, thanks.")), "propose");
        d.action("remove_sold_out", 2, "ShoppingApp__remove_from_cart", obj().put("item_id", itemY).put("quantity", 1), "accept");
        d.action("checkout", 2, "ShoppingApp__checkout", obj().put("discount_code", code), "remove_sold_out");

        String orders0 = "apps.ShoppingApp.orders";
        d.goal("ordered_with_code", "The cart must be bought with the expiring code " + code + ", not an older or unrelated code.",
                orders0 + ".exists(o, " + orders0 + "[o].discount_code == " + q(code) + ")");
        d.goal("cart_bought", "The order must hold the " + a.name() + " and the " + other.name() + " that were waiting in the cart.",
                orders0 + ".exists(o, " + orders0 + "[o].status == 'processed' && " + orders0 + "[o].order_items.exists(l, l.item_id == " + q(itemA) + ") && "
                        + orders0 + "[o].order_items.exists(l, l.item_id == " + q(itemC) + "))");
        d.proposedBeforeActing("A proactive assistant proposes before it spends the user's money.", "checkout");

        String title = fill(phrasing(seed, List.of("Check out before {code} expires", "Use the {pct}% {shop} code on the waiting cart",
                "Last-chance discount on the {a}", "Buy the {a} with an expiring code")), v);
        String who = fill(phrasing(seed, List.of(
                "{user} has left the {a} ({opt}) and the {c} in the {shop} cart, next to the {y}, which has since sold out.",
                "For days the {shop} cart of {user} has held the {c}, the {y} (no longer available), and the {a} {user} keeps hesitating about.",
                "{user} shops at {shop} on the phone; the cart there waits with the {a}, the {c} and the sold-out {y}.",
                "Three things sit in {user}'s {shop} basket: the {a} in {opt}, the {c}, and the {y}, which went out of stock.")), v);
        String what = fill(phrasing(seed, List.of(
                "This morning {shop} emails code {code}, {pct}% off the {a}, valid only until {exp} today; older mail mentions {old}, which already ended.",
                "A message from {shop} arrives: {code} cuts the {a} by {pct}% but lapses at {exp}. The shop also lists {other}, a code that only covers the {d}.",
                "An offer lands in the inbox: {pct}% off the {a} with {code} if the order goes through before {exp}. {old}, from an earlier newsletter, is no longer valid.",
                "The shop writes that code {code} is about to run out at {exp}, good for {pct}% on the {a}; the {other} promotion concerns the {d} only.",
                "{shop}'s reminder email says {code} gives {pct} percent off the {a} in the cart and stops working at {exp}.")), v);
        String good = fill(phrasing(seed, List.of(
                "A good assistant spots the deadline, proposes to drop the {y} and check out with {code}, and does it once {user} agrees.",
                "The assistant should offer to remove the unavailable {y} and pay for the rest with {code}, acting only after a yes.",
                "Ideally the assistant suggests buying now with the right code, clears the sold-out item first, and waits for approval before the checkout.",
                "What helps: a short proposal to use {code} before it expires, then, after {user} accepts, removing the {y} and completing the order.",
                "A proactive helper asks whether to check out with {code} in time, and after consent takes out the {y} and places the order with that code.",
                "The right move is to propose the discounted checkout, not to reuse {old}, and to remove the {y} and buy once {user} says yes.")), v);
        d.describe(title, who + " " + what + " " + good, user.full(),
                c.pick(List.of("A careful spender who likes a bargain and accepts proposals that save money.",
                        "A busy parent who shops online in spare minutes and trusts short, clear proposals.",
                        "A student on a budget who always wants the best discount available.",
                        "A freelancer who buys gear online and appreciates reminders about deadlines.")));
        return d.build();
    }
}
