package dev.scenarist.packs.appworld.phone.apps.shopping;

import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.CartItem;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.DiscountCode;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.Item;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.Order;
import dev.scenarist.packs.appworld.phone.tools.Args;
import java.util.List;
import java.util.Optional;

import static dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.cents;

/** Checkout: every check first, then the order is written and the cart emptied (nothing half-done on a refusal). */
final class Checkout {
    private final ShoppingApp app;

    Checkout(ShoppingApp app) {
        this.app = app;
    }

    String run(Args a) {
        if (app.cart.size() == 0) throw a.fail("the cart is empty; add_to_cart first");
        for (CartItem c : app.cart.values()) {
            boolean available = app.items.find(c.itemId()).map(Item::available).orElse(false);
            if (!available) throw a.fail("item '" + c.itemId() + "' (" + c.productName() + ") is no longer available; remove_from_cart it first");
        }
        Optional<DiscountCode> code = a.optString("discount_code").map(s -> app.codes.require(a, "discount_code", s));
        if (code.isPresent() && app.cart.values().stream().noneMatch(c -> code.get().percentByItem().containsKey(c.itemId()))) {
            throw a.fail("discount code '" + code.get().code() + "' covers none of the items in the cart (it covers: "
                    + String.join(", ", code.get().percentByItem().keySet()) + ")");
        }
        double total = 0;
        for (CartItem c : app.cart.values()) {
            double pct = code.map(d -> d.percentByItem().getOrDefault(c.itemId(), 0.0)).orElse(0.0);
            total += c.price() * c.quantity() * (1 - pct / 100.0);
        }
        String id = app.orders.newId("order");
        app.orders.put(id, new Order(id, "processed", app.ctx.clock().now(), cents(total), app.lines(), code.map(DiscountCode::code).orElse("")));
        List.copyOf(app.cart.ids()).forEach(app.cart::remove);
        return id;
    }
}
