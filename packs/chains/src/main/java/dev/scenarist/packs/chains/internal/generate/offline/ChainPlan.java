package dev.scenarist.packs.chains.internal.generate.offline;

import java.util.List;

/**
 * One route through the inventory domain: the asks in order, and the chain's title and brief ({@code {sku}},
 * {@code {name}} and {@code {ord}} — the list position picked — filled in). A plan that starts with the low-stock list
 * picks its subject from it; the others name one, an item with a purchase order when the route asks about orders.
 *
 * @param focus the domain's focus this plan writes (the bundled domain lists them in the plans' order)
 */
record ChainPlan(String id, String focus, List<Ask> asks, String title, String brief) {
    ChainPlan {
        asks = List.copyOf(asks);
    }

    boolean fromList() {
        return asks.getFirst() == Ask.LOW_STOCK;
    }

    boolean asksAboutOrders() {
        return asks.contains(Ask.LAST_ORDER);
    }
}
