package dev.scenarist.packs.appworld.phone.apps.shopping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.appworld.phone.apps.AppContext;
import dev.scenarist.packs.appworld.phone.apps.EntityTable;
import dev.scenarist.packs.appworld.phone.apps.PhoneApp;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.CartItem;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.DiscountCode;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.Item;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.Order;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.OrderLine;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.Product;
import dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.ProductDetails;
import dev.scenarist.packs.appworld.phone.nav.Screen;
import dev.scenarist.packs.appworld.phone.seed.SeedNode;
import dev.scenarist.packs.appworld.phone.tools.Args;
import dev.scenarist.packs.appworld.phone.tools.Param;
import dev.scenarist.packs.appworld.phone.tools.Tool;
import dev.scenarist.packs.appworld.phone.tools.ToolSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.scenarist.packs.appworld.phone.apps.shopping.ShoppingRecords.cents;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.BOOLEAN;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.INTEGER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.NUMBER;
import static dev.scenarist.packs.appworld.phone.tools.JsonType.STRING;

/** ARE's ShoppingApp: catalog of products with item variants, a cart, orders and discount codes. */
public final class ShoppingApp implements PhoneApp {
    public static final String NAME = "ShoppingApp";
    static final String CATALOG = "catalog";
    static final String PRODUCT = "product_detail";
    static final String CART = "cart";
    static final String ORDERS = "orders";
    static final List<String> ORDER_STATUSES = List.of("processed", "shipped", "delivered", "cancelled");

    final AppContext ctx;
    final EntityTable<Product> products;
    final EntityTable<Item> items;
    final EntityTable<CartItem> cart;
    final EntityTable<Order> orders;
    final EntityTable<DiscountCode> codes;

    public ShoppingApp(AppContext ctx) {
        this.ctx = ctx;
        this.products = ctx.table(NAME, "product");
        this.items = ctx.table(NAME, "item");
        this.cart = ctx.table(NAME, "cart_item");
        this.orders = ctx.table(NAME, "order");
        this.codes = ctx.table(NAME, "discount_code");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Screen rootScreen() {
        return Screen.of(NAME, CATALOG);
    }

    /** A page of the catalog: product name → product id, as ARE's list_all_products. */
    public record ProductPage(Map<String, String> products, List<Integer> range, int total) {}

    @Override
    public List<Tool> tools() {
        ToolSet t = new ToolSet(NAME);
        t.agent("list_all_products", "Product names and ids, by name.")
                .optional("offset", INTEGER, "index of the first product (default 0)")
                .optional("limit", INTEGER, "how many products (default 10)")
                .alsoUserOn(CATALOG)
                .handle(a -> page(products.values().stream().toList(), a));
        t.agent("get_product_details", "A product with its item variants (price, availability, options).")
                .required("product_id", STRING, "id of the product")
                .handle(a -> details(products.require(a, "product_id")));
        t.agent("search_product", "Products whose name contains the text (case-insensitive).")
                .required("product_name", STRING, "text to look for")
                .optional("offset", INTEGER, "index of the first result (default 0)")
                .optional("limit", INTEGER, "how many results (default 10)")
                .alsoUserOn(CATALOG)
                .handle(a -> {
                    String q = a.text("product_name").toLowerCase(Locale.ROOT);
                    return products.values().stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains(q))
                            .skip(a.nonNegative("offset", 0)).limit(a.nonNegative("limit", 10)).map(this::details).toList();
                });
        t.agent("add_to_cart", "Put an item (a product variant) in the cart.")
                .required("item_id", STRING, "id of the item")
                .optional("quantity", INTEGER, "how many (default 1)")
                .alsoUserOn(PRODUCT)
                .handle(this::addToCart);
        t.agent("remove_from_cart", "Take some or all of an item out of the cart.")
                .required("item_id", STRING, "id of the item in the cart")
                .optional("quantity", INTEGER, "how many (default 1)")
                .alsoUserOn(CART)
                .handle(this::removeFromCart);
        t.agent("list_cart", "What is in the cart, with the total.")
                .alsoUserOn(CART)
                .handle(a -> Map.of("items", cart.snapshot(), "total", total()));
        t.agent("checkout", "Buy everything in the cart, optionally with a discount code. Returns the order id.")
                .optional("discount_code", STRING, "a discount code")
                .alsoUserOn(CART)
                .handle(a -> new Checkout(this).run(a));
        t.agent("get_discount_code_info", "The items a discount code covers, with the percent off.")
                .required("discount_code", STRING, "the code")
                .handle(a -> codes.require(a, "discount_code").percentByItem());
        t.agent("get_all_discount_codes", "Every discount code and the items it covers.")
                .handle(a -> {
                    Map<String, List<String>> out = new LinkedHashMap<>();
                    codes.values().forEach(c -> out.put(c.code(), List.copyOf(c.percentByItem().keySet())));
                    return out;
                });
        t.agent("list_orders", "Every order.")
                .alsoUserOn(ORDERS)
                .handle(a -> orders.snapshot());
        t.agent("get_order_details", "One order.")
                .required("order_id", STRING, "id of the order")
                .alsoUserOn(ORDERS)
                .handle(a -> orders.require(a, "order_id"));
        t.agent("cancel_order", "Cancel an order that has not shipped.")
                .required("order_id", STRING, "id of the order")
                .alsoUserOn(ORDERS)
                .handle(a -> cancel(a, orders.require(a, "order_id")));
        t.env("update_order_status", "An order's status changes (the shop ships or delivers it).", "Order {order_id} status updated to {status}")
                .required("order_id", STRING, "id of the order")
                .param(Param.required("status", STRING, "new status").oneOf(ORDER_STATUSES))
                .handle(a -> {
                    Order o = orders.require(a, "order_id");
                    orders.put(o.orderId(), o.withStatus(a.string("status")));
                    return "Order " + o.orderId() + " is " + a.string("status");
                });
        t.env("update_item", "An item's price or availability changes.", "Item {item_id} updated: price {new_price}, available {new_availability}")
                .required("item_id", STRING, "id of the item")
                .optional("new_price", NUMBER, "new price")
                .optional("new_availability", BOOLEAN, "whether it can be bought")
                .handle(this::updateItem);
        t.env("add_discount_code", "A discount code becomes valid for an item.", "New discount code {discount_code} for item {item_id}")
                .required("item_id", STRING, "id of the item")
                .required("discount_code", STRING, "the code")
                .required("percent", NUMBER, "percent off, 0 < percent <= 100")
                .handle(this::addCode);
        new ShoppingScreens(this).declare(t);
        return t.build();
    }

    ProductDetails details(Product p) {
        Map<String, Item> variants = new LinkedHashMap<>();
        p.itemIds().forEach(id -> items.find(id).ifPresent(i -> variants.put(id, i)));
        return new ProductDetails(p.productId(), p.name(), variants);
    }

    private ProductPage page(List<Product> all, Args a) {
        List<Product> byName = all.stream().sorted(java.util.Comparator.comparing(Product::name).thenComparing(Product::productId)).toList();
        int from = Math.min(a.nonNegative("offset", 0), byName.size());
        int to = Math.min(byName.size(), from + a.nonNegative("limit", 10));
        Map<String, String> out = new LinkedHashMap<>();
        byName.subList(from, to).forEach(p -> out.put(p.name(), p.productId()));
        return new ProductPage(out, List.of(from, to), byName.size());
    }

    private String addToCart(Args a) {
        Item item = items.require(a, "item_id");
        int qty = positive(a);
        if (!item.available()) throw a.fail("item '" + item.itemId() + "' is not available");
        String productName = products.find(item.productId()).map(Product::name).orElse("");
        int have = cart.find(item.itemId()).map(CartItem::quantity).orElse(0);
        cart.put(item.itemId(), new CartItem(item.itemId(), productName, have + qty, item.price(), item.available(), item.options()));
        return item.itemId();
    }

    private String removeFromCart(Args a) {
        CartItem c = cart.require(a, "item_id");
        int qty = positive(a);
        if (qty > c.quantity()) throw a.fail("the cart holds " + c.quantity() + " of item '" + c.itemId() + "', cannot remove " + qty);
        if (qty == c.quantity()) cart.remove(c.itemId());
        else cart.put(c.itemId(), new CartItem(c.itemId(), c.productName(), c.quantity() - qty, c.price(), c.available(), c.options()));
        return c.itemId();
    }

    private static int positive(Args a) {
        long q = a.longValue("quantity", 1);
        if (q < 1 || q > 1000) throw a.fail("argument 'quantity' must be 1..1000, got " + q);
        return (int) q;
    }

    double total() {
        return cents(cart.values().stream().mapToDouble(c -> c.price() * c.quantity()).sum());
    }

    private String cancel(Args a, Order o) {
        if (!o.status().equals("processed")) throw a.fail("order '" + o.orderId() + "' is " + o.status() + "; only processed orders can be cancelled");
        orders.put(o.orderId(), o.withStatus("cancelled"));
        return "Order " + o.orderId() + " cancelled";
    }

    private String updateItem(Args a) {
        Item i = items.require(a, "item_id");
        if (!a.has("new_price") && !a.has("new_availability")) throw a.fail("give new_price, new_availability or both");
        double price = a.optNumber("new_price").orElse(i.price());
        if (price < 0) throw a.fail("argument 'new_price' must be 0 or more, got " + price);
        Item updated = new Item(i.itemId(), i.productId(), cents(price), a.optBoolean("new_availability").orElse(i.available()), i.options());
        items.put(i.itemId(), updated);
        cart.find(i.itemId()).ifPresent(c -> cart.put(c.itemId(), new CartItem(c.itemId(), c.productName(), c.quantity(), updated.price(), updated.available(), c.options())));
        return i.itemId();
    }

    private String addCode(Args a) {
        Item i = items.require(a, "item_id");
        double pct = a.optNumber("percent").orElseThrow();
        if (pct <= 0 || pct > 100) throw a.fail("argument 'percent' must be in (0, 100], got " + pct);
        String code = a.text("discount_code");
        Map<String, Double> covered = new LinkedHashMap<>(codes.find(code).map(DiscountCode::percentByItem).orElse(Map.of()));
        covered.put(i.itemId(), pct);
        codes.put(code, new DiscountCode(code, covered));
        return code;
    }

    @Override
    public void seed(SeedNode node) {
        new ShoppingSeed(this).load(node);
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode o = ctx.json().createObjectNode();
        o.set("products", products.snapshot());
        o.set("items", items.snapshot());
        o.set("cart", cart.snapshot());
        o.set("orders", orders.snapshot());
        o.set("discount_codes", codes.snapshot());
        return o;
    }

    List<OrderLine> lines() {
        List<OrderLine> out = new ArrayList<>();
        cart.values().forEach(c -> out.add(new OrderLine(c.itemId(), c.productName(), c.quantity(), c.price())));
        return out;
    }
}
