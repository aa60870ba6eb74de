package dev.scenarist.packs.appworld.phone.apps.shopping;

import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.CartItem;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.DiscountCode;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.Item;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.Order;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.OrderLine;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.Product;
import dev.scenarist.packs.appworld.phone.seed.SeedNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.cents;

/**
 * Reads the shop's seed: {"products": [{"name", "variants": [{"item_id", "price", "available", "options"}]}],
 * "cart": [{"item_id", "quantity"}], "orders": [...], "discount_codes": {"CODE": {"item_id": percent}}}.
 */
final class ShoppingSeed {
    private final ShoppingApp app;

    ShoppingSeed(ShoppingApp app) {
        this.app = app;
    }

    void load(SeedNode node) {
        node.object(Set.of("products", "cart", "orders", "discount_codes"));
        app.products.clear();
        app.items.clear();
        app.cart.clear();
        app.orders.clear();
        app.codes.clear();
        for (SeedNode p : node.list("products")) {
            p.object(Set.of("product_id", "name", "variants"));
            String pid = p.optString("product_id").orElseGet(() -> app.products.newId("product"));
            if (app.products.contains(pid)) throw p.at("product_id", "duplicate product id '" + pid + "'");
            List<String> itemIds = new ArrayList<>();
            for (SeedNode v : p.list("variants")) {
                v.object(Set.of("item_id", "price", "available", "options"));
                String iid = v.optString("item_id").orElseGet(() -> app.items.newId("item"));
                if (app.items.contains(iid)) throw v.at("item_id", "duplicate item id '" + iid + "'");
                double price = v.number("price");
                if (price < 0) throw v.at("price", "must be 0 or more, got " + price);
                Map<String, String> options = new TreeMap<>();
                v.entries("options").forEach((k, o) -> options.put(k, o.json().isValueNode() ? o.json().asText() : o.json().toString()));
                app.items.load(iid, new Item(iid, pid, cents(price), v.bool("available", true), options));
                itemIds.add(iid);
            }
            app.products.load(pid, new Product(pid, p.string("name"), itemIds));
        }
        for (SeedNode c : node.list("cart")) {
            c.object(Set.of("item_id", "quantity"));
            String iid = c.string("item_id");
            Item i = app.items.find(iid).orElseThrow(() -> c.at("item_id", "no item '" + iid + "' among the seeded products' variants"));
            long q = c.integer("quantity", 1);
            if (q < 1) throw c.at("quantity", "must be 1 or more, got " + q);
            String name = app.products.find(i.productId()).map(Product::name).orElse("");
            app.cart.load(iid, new CartItem(iid, name, (int) q, i.price(), i.available(), i.options()));
        }
        for (SeedNode o : node.list("orders")) {
            o.object(Set.of("order_id", "status", "order_date", "items", "discount_code"));
            String id = o.optString("order_id").orElseGet(() -> app.orders.newId("order"));
            String status = o.string("status", "processed");
            if (!ShoppingApp.ORDER_STATUSES.contains(status)) throw o.at("status", "\"" + status + "\"; valid: " + String.join(", ", ShoppingApp.ORDER_STATUSES));
            List<OrderLine> lines = new ArrayList<>();
            double total = 0;
            for (SeedNode l : o.list("items")) {
                l.object(Set.of("item_id", "quantity"));
                String iid = l.string("item_id");
                Item i = app.items.find(iid).orElseThrow(() -> l.at("item_id", "no item '" + iid + "' among the seeded products' variants"));
                int q = (int) l.integer("quantity", 1);
                lines.add(new OrderLine(iid, app.products.find(i.productId()).map(Product::name).orElse(""), q, i.price()));
                total += q * i.price();
            }
            app.orders.load(id, new Order(id, status, o.instant("order_date", app.ctx.clock().now()), cents(total), lines, o.string("discount_code", "")));
        }
        node.entries("discount_codes").forEach((code, items) -> {
            Map<String, Double> pct = new LinkedHashMap<>();
            items.json().fieldNames().forEachRemaining(iid -> {
                if (!app.items.contains(iid)) throw new dev.scenarist.packs.appworld.phone.seed.SeedException(items.path() + "." + iid, "no item '" + iid + "' among the seeded variants");
                double p = items.number(iid);
                if (p <= 0 || p > 100) throw items.at(iid, "percent must be in (0, 100], got " + p);
                pct.put(iid, p);
            });
            app.codes.load(code, new DiscountCode(code, pct));
        });
    }
}
