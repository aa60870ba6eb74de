package dev.scenarist.packs.appworld.phone.apps.shopping;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The shopping app's state records (ARE's Product, Item, CartItem, Order). */
public final class ShoppingRecords {
    private ShoppingRecords() {}

    /** One buyable variant of a product. */
    public record Item(String itemId, String productId, double price, boolean available, Map<String, String> options) {
        public Item {
            options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        }
    }

    public record Product(String productId, String name, List<String> itemIds) {
        public Product {
            itemIds = List.copyOf(itemIds);
        }
    }

    /** A product as shown to a caller: the product with its variants. */
    public record ProductDetails(String productId, String name, Map<String, Item> variants) {}

    public record CartItem(String itemId, String productName, int quantity, double price, boolean available, Map<String, String> options) {}

    public record OrderLine(String itemId, String productName, int quantity, double price) {}

    /** @param status "processed", "shipped", "delivered" or "cancelled" */
    public record Order(String orderId, String status, Instant orderDate, double orderTotal, List<OrderLine> orderItems, String discountCode) {
        public Order {
            orderItems = List.copyOf(orderItems);
        }

        public Order withStatus(String newStatus) {
            return new Order(orderId, newStatus, orderDate, orderTotal, orderItems, discountCode);
        }
    }

    /** A discount code: percent off for each item it covers. */
    public record DiscountCode(String code, Map<String, Double> percentByItem) {
        public DiscountCode {
            percentByItem = java.util.Collections.unmodifiableMap(new TreeMap<>(percentByItem));
        }
    }

    public static double cents(double amount) {
        return Math.round(amount * 100.0) / 100.0;
    }
}
