package dev.scenarist.packs.chains.internal.reference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference assistant's deterministic, rule-based answers over the {@link Inventory}. Each rule is an intent found
 * by keywords; an intent about one item takes the item the message names, else — a pronoun-only follow-up — the
 * session's selected item. With {@code resolve_pronouns: false} (the planted defect) that second path forgets the
 * selected item and asks back instead.
 */
final class Answerer {
    private static final Pattern RESULT_SET = Pattern.compile("\\brs-\\d+\\b");
    private static final Pattern ORDINAL = Pattern.compile("\\b(first|second|third|fourth|fifth)\\s+one\\b");
    private static final Pattern DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth");

    private final Inventory inventory;

    Answerer(Inventory inventory) {
        this.inventory = inventory;
    }

    enum Intent { RESULT_SET, LOW_STOCK, PICK, SAME_DAY, LAST_ORDER, DRAFT_ORDER, SUPPLIER, WAREHOUSE, STOCK, DETAILS, UNSUPPORTED }

    static Intent intent(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("result set") && RESULT_SET.matcher(m).find()) return Intent.RESULT_SET;
        if ((m.contains("reorder point") && (m.contains("below") || m.contains("under"))) || m.contains("running low") || m.contains("low on")
                || m.contains("low stock")) return Intent.LOW_STOCK;
        if (ORDINAL.matcher(m).find()) return Intent.PICK;
        if ((m.contains("what else") || m.contains("anything else")) && m.contains("order")) return Intent.SAME_DAY;
        if (m.contains("last order") || m.contains("last ordered") || (m.contains("when did we last") && m.contains("order"))) return Intent.LAST_ORDER;
        if (m.contains("order more") || m.contains("restock") || m.matches(".*\\breorder\\b(?! point).*")) return Intent.DRAFT_ORDER;
        if (m.contains("supplies") || m.contains("supplier")) return Intent.SUPPLIER;
        if (m.contains("warehouse") || m.contains("where is") || m.contains("kept")) return Intent.WAREHOUSE;
        if (m.contains("how many") || m.contains("on hand") || m.contains("in stock") || m.contains("got left")) return Intent.STOCK;
        if (m.contains("details") || m.contains("tell me about") || m.contains("what's the deal") || m.contains("show me")) return Intent.DETAILS;
        return Intent.UNSUPPORTED;
    }

    /** The reply to {@code message} in {@code memory}'s session, updating the memory as the answer selects things. */
    ObjectNode answer(String message, Memory memory, ProductSettings product) {
        ObjectNode r = ProductSettings.JSON.createObjectNode();
        r.put("session_id", memory.sessionId);
        Intent intent = intent(message);
        r.put("intent", intent.name().toLowerCase(Locale.ROOT));
        switch (intent) {
            case LOW_STOCK -> lowStock(r, memory);
            case RESULT_SET -> resultSet(r, memory, message);
            case PICK -> pick(r, memory, message);
            case SAME_DAY -> sameDay(r, memory, message);
            case UNSUPPORTED -> {
                r.put("capability", "unsupported");
                r.put("reply", "I cannot answer that yet: I know stock levels, reorder points, suppliers, warehouses and purchase orders.");
            }
            default -> {
                Optional<Inventory.Item> item = item(message, memory, product);
                if (item.isEmpty()) {
                    r.put("intent", "clarify");
                    r.put("reply", "Which item do you mean?");
                } else {
                    memory.selectedItem = item.get().sku();
                    itemAnswer(intent, item.get(), r, memory);
                }
            }
        }
        return r;
    }

    private Optional<Inventory.Item> item(String message, Memory memory, ProductSettings product) {
        Optional<Inventory.Item> named = inventory.mentioned(message);
        if (named.isPresent()) return named;
        if (!product.resolvePronouns()) {
            // the planted defect: a follow-up that only points back drops the selected item instead of reading it
            memory.selectedItem = null;
            return Optional.empty();
        }
        return Optional.ofNullable(memory.selectedItem).flatMap(inventory::item);
    }

    private void itemAnswer(Intent intent, Inventory.Item i, ObjectNode r, Memory memory) {
        r.put("item", i.sku());
        r.put("name", i.name());
        switch (intent) {
            case STOCK -> {
                r.put("on_hand", i.onHand());
                r.put("reorder_point", i.reorderPoint());
                r.put("reply", "We have " + i.onHand() + " of " + i.sku() + " (" + i.name() + ") on hand; its reorder point is " + i.reorderPoint() + ".");
            }
            case SUPPLIER -> {
                r.put("supplier", i.supplier());
                r.put("reply", i.sku() + " is supplied by " + i.supplier() + ".");
            }
            case WAREHOUSE -> {
                r.put("warehouse", i.warehouse());
                r.put("reply", i.sku() + " is kept in the " + i.warehouse() + " warehouse.");
            }
            case LAST_ORDER -> {
                var po = inventory.lastOrder(i.sku());
                if (po.isEmpty()) {
                    r.put("reply", "We have never ordered " + i.sku() + ".");
                    return;
                }
                memory.selectedDate = po.get().orderedOn();
                r.put("po_id", po.get().poId());
                r.put("ordered_on", po.get().orderedOn());
                r.put("quantity", po.get().quantity());
                r.put("reply", "We last ordered " + po.get().quantity() + " of " + i.sku() + " on " + po.get().orderedOn() + " (" + po.get().poId() + ").");
            }
            case DRAFT_ORDER -> {
                int quantity = Math.max(1, i.reorderPoint() * 2 - i.onHand());
                memory.draftOrderId = "DR-" + (memory.turns.size() + 1);
                r.put("draft_order_id", memory.draftOrderId);
                r.put("quantity", quantity);
                r.put("supplier", i.supplier());
                r.put("reply", "Drafted order " + memory.draftOrderId + ": " + quantity + " of " + i.sku() + " from " + i.supplier() + ".");
            }
            default -> {
                r.put("on_hand", i.onHand());
                r.put("reorder_point", i.reorderPoint());
                r.put("warehouse", i.warehouse());
                r.put("supplier", i.supplier());
                r.put("reply", i.sku() + " is " + i.name() + ": " + i.onHand() + " on hand, reorder point " + i.reorderPoint() + ", "
                        + i.warehouse() + " warehouse, supplied by " + i.supplier() + ".");
            }
        }
    }

    private void lowStock(ObjectNode r, Memory memory) {
        List<Inventory.Item> low = inventory.lowStock();
        String id = "rs-" + (memory.resultSets.size() + 1);
        memory.resultSets.put(id, low.stream().map(Inventory.Item::sku).toList());
        memory.activeResultSetId = id;
        memory.selectedItem = null;
        r.put("result_set_id", id);
        ArrayNode entries = r.putArray("entries");
        for (Inventory.Item i : low) entries.addObject().put("item", i.sku()).put("name", i.name()).put("on_hand", i.onHand())
                .put("reorder_point", i.reorderPoint()).put("warehouse", i.warehouse());
        r.put("reply", low.size() + " items are below their reorder point: "
                + String.join(", ", low.stream().map(i -> i.sku() + " (" + i.onHand() + "/" + i.reorderPoint() + ")").toList()) + ".");
    }

    private void resultSet(ObjectNode r, Memory memory, String message) {
        Matcher m = RESULT_SET.matcher(message.toLowerCase(Locale.ROOT));
        m.find();
        String id = m.group();
        List<String> skus = memory.resultSets.get(id);
        if (skus == null) {
            r.put("reply", "There is no result set " + id + " in this conversation.");
            return;
        }
        memory.activeResultSetId = id;
        r.put("result_set_id", id);
        ArrayNode entries = r.putArray("entries");
        for (String sku : skus) inventory.item(sku).ifPresent(i -> entries.addObject().put("item", i.sku()).put("name", i.name()).put("on_hand", i.onHand()));
        r.put("reply", "Result set " + id + ": " + String.join(", ", skus) + ".");
    }

    private void pick(ObjectNode r, Memory memory, String message) {
        Matcher m = ORDINAL.matcher(message.toLowerCase(Locale.ROOT));
        m.find();
        int index = ORDINALS.indexOf(m.group(1));
        List<String> skus = memory.activeResultSetId == null ? List.of() : memory.resultSets.get(memory.activeResultSetId);
        if (index >= skus.size()) {
            r.put("reply", "There is no " + m.group(1) + " item in the current results.");
            return;
        }
        memory.selectedItem = skus.get(index);
        r.put("item", memory.selectedItem);
        r.put("reply", "Selected " + memory.selectedItem + ".");
    }

    private void sameDay(ObjectNode r, Memory memory, String message) {
        Matcher d = DATE.matcher(message);
        String date = d.find() ? d.group() : memory.selectedDate;
        if (date == null) {
            r.put("reply", "Which day do you mean?");
            return;
        }
        memory.selectedDate = date;
        String id = "rs-" + (memory.resultSets.size() + 1);
        List<Inventory.PurchaseOrder> orders = inventory.orderedOn(date).stream().filter(p -> !p.sku().equals(memory.selectedItem)).toList();
        memory.resultSets.put(id, orders.stream().map(Inventory.PurchaseOrder::sku).toList());
        memory.activeResultSetId = id;
        r.put("date", date);
        r.put("result_set_id", id);
        ArrayNode entries = r.putArray("entries");
        for (var p : orders) entries.addObject().put("item", p.sku()).put("po_id", p.poId()).put("quantity", p.quantity()).put("supplier", p.supplier());
        r.put("reply", orders.isEmpty() ? "Nothing else was ordered on " + date + "."
                : "Also ordered on " + date + ": " + String.join(", ", orders.stream().map(p -> p.quantity() + " of " + p.sku() + " (" + p.poId() + ")").toList()) + ".");
    }
}
