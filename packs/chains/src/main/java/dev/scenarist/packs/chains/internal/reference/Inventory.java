package dev.scenarist.packs.chains.internal.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The reference assistant's embedded dataset: stock items and purchase orders, read once from the pack's resources. */
public record Inventory(List<Item> items, List<PurchaseOrder> purchaseOrders) {
    /** A stock item: where it is and how many, who supplies it and at what cost. */
    public record Item(String sku, String name, List<String> aliases, String category, Stock stock, Supply supply) {
        public int onHand() {
            return stock.onHand();
        }

        public int reorderPoint() {
            return stock.reorderPoint();
        }

        public String warehouse() {
            return stock.warehouse();
        }

        public String supplier() {
            return supply.supplier();
        }

        boolean low() {
            return onHand() < reorderPoint();
        }

        double fill() {
            return (double) onHand() / reorderPoint();
        }
    }

    public record Stock(String warehouse, int onHand, int reorderPoint) {}

    public record Supply(String supplier, double unitCost) {}

    public record PurchaseOrder(String poId, String sku, int quantity, String orderedOn, String supplier, String status) {}

    public static Inventory load() {
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = Inventory.class.getResourceAsStream("/dev/scenarist/packs/chains/reference/inventory.json")) {
            if (in == null) throw new IllegalStateException("the reference dataset reference/inventory.json is missing from the pack's jar");
            return mapper.readValue(in, Inventory.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the reference dataset cannot be read: " + e.getMessage(), e);
        }
    }

    /** Items under their reorder point, the emptiest first (ties by SKU, so the order never changes). */
    public List<Item> lowStock() {
        return items.stream().filter(Item::low).sorted(Comparator.comparingDouble(Item::fill).thenComparing(Item::sku)).toList();
    }

    public Optional<Item> item(String sku) {
        return items.stream().filter(i -> i.sku().equalsIgnoreCase(sku)).findFirst();
    }

    /** The item a message names by SKU, name or alias, as a whole word; the longest match wins ("wing nut" over "nut"). */
    public Optional<Item> mentioned(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        Item best = null;
        int bestLength = 0;
        for (Item i : items) {
            for (String name : names(i)) {
                if (name.length() > bestLength && Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-])").matcher(m).find()) {
                    best = i;
                    bestLength = name.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> names(Item i) {
        var all = new java.util.ArrayList<String>();
        all.add(i.sku().toLowerCase(Locale.ROOT));
        all.add(i.name().toLowerCase(Locale.ROOT));
        for (String a : i.aliases()) all.add(a.toLowerCase(Locale.ROOT));
        return all;
    }

    /** The item's latest purchase order (by date, then PO number). */
    public Optional<PurchaseOrder> lastOrder(String sku) {
        return purchaseOrders.stream().filter(p -> p.sku().equals(sku))
                .max(Comparator.comparing(PurchaseOrder::orderedOn).thenComparing(PurchaseOrder::poId));
    }

    public List<PurchaseOrder> orderedOn(String date) {
        return purchaseOrders.stream().filter(p -> p.orderedOn().equals(date)).sorted(Comparator.comparing(PurchaseOrder::poId)).toList();
    }
}
