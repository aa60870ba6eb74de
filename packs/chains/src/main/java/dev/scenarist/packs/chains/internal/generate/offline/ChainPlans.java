package dev.scenarist.packs.chains.internal.generate.offline;

import static dev.scenarist.packs.chains.internal.generate.offline.Ask.DETAILS;
import static dev.scenarist.packs.chains.internal.generate.offline.Ask.DRAFT_ORDER;
import static dev.scenarist.packs.chains.internal.generate.offline.Ask.LAST_ORDER;
import static dev.scenarist.packs.chains.internal.generate.offline.Ask.LOW_STOCK;
import static dev.scenarist.packs.chains.internal.generate.offline.Ask.PICK;
import static dev.scenarist.packs.chains.internal.generate.offline.Ask.SAME_DAY;
import static dev.scenarist.packs.chains.internal.generate.offline.Ask.STOCK;
import static dev.scenarist.packs.chains.internal.generate.offline.Ask.SUPPLIER;
import static dev.scenarist.packs.chains.internal.generate.offline.Ask.WAREHOUSE;

import java.util.List;

/**
 * The offline author's twelve routes through the inventory domain, each a different sequence of asks — so that chains
 * of different plans are far apart for the uniqueness gate, while a plan's chains for other items are rewordings of one
 * route (and the gate rightly refuses them once every plan is taken). The bundled domain lists their focuses in this
 * order; a run's seed picks both.
 */
final class ChainPlans {
    private ChainPlans() {}

    static final List<ChainPlan> ALL = List.of(
            new ChainPlan("item-to-draft-order", "an item named by the user, its stock on hand, a draft order for it, then its supplier",
                    List.of(DETAILS, STOCK, DRAFT_ORDER, SUPPLIER), "{name} ({sku}): stock, a draft order, then who supplies it",
                    "The user opens {sku}, asks how many are on hand, drafts an order and asks for the supplier; the item must stay selected"
                            + " through every follow-up and the draft order must be remembered."),
            new ChainPlan("last-order-same-day", "an item's last purchase order, what else was ordered that day, then back to the item's supplier",
                    List.of(LAST_ORDER, SAME_DAY, SUPPLIER), "The day {sku} was last ordered, and the other orders of that day",
                    "Starting from the last purchase order of {name}, the user asks what else went out that day and then returns to the"
                            + " item: the date must carry over to the day question, the item across the detour."),
            new ChainPlan("low-stock-pick-warehouse", "the low-stock list, one of its entries picked by position, then where it is kept and how many are left",
                    List.of(LOW_STOCK, PICK, WAREHOUSE, STOCK), "Picking the {ord} low-stock entry and locating it",
                    "A shortage list, a pick by position, then questions about the picked entry only: the active result set must hold"
                            + " for the pick, the picked item for the warehouse and stock questions."),
            new ChainPlan("supplier-warehouse-draft", "who supplies a named item, where it is kept, then a draft order for it",
                    List.of(SUPPLIER, WAREHOUSE, DRAFT_ORDER), "Sourcing {sku}: supplier, storage location and a new order",
                    "A buyer checks who provides {name} and where it is stored before ordering more; a follow-up that says only 'it'"
                            + " must still mean {sku}."),
            new ChainPlan("low-stock-details-last-order", "the low-stock list, the details of one of its entries, then that item's last order and what else was ordered that day",
                    List.of(LOW_STOCK, DETAILS, LAST_ORDER, SAME_DAY), "From a shortage to the purchase history of the {ord} entry",
                    "After listing shortages, the user opens the {ord} entry and digs into when it was last bought and what else was"
                            + " bought on that date; entry, item and date must each carry over."),
            new ChainPlan("warehouse-stock-last-order", "where a named item is kept, its stock on hand, then its last order",
                    List.of(WAREHOUSE, STOCK, LAST_ORDER), "Where {sku} sits, how much is there, when it last came in",
                    "A stock controller walks the shelf for {name}: location first, count second, last replenishment third, without"
                            + " repeating the item name in casual follow-ups."),
            new ChainPlan("stock-supplier-draft-warehouse", "a named item's stock on hand, its supplier, a draft order, then where it is kept",
                    List.of(STOCK, SUPPLIER, DRAFT_ORDER, WAREHOUSE), "Counting {sku}, then sourcing and placing a draft",
                    "The count of {name} prompts a supplier question, a draft purchase and a question about where the delivery goes;"
                            + " selection and draft id must survive."),
            new ChainPlan("low-stock-pick-draft", "the low-stock list, an entry picked by position, a draft order for it, then its supplier",
                    List.of(LOW_STOCK, PICK, DRAFT_ORDER, SUPPLIER), "Reordering whatever is {ord} on the shortage list",
                    "The user picks the {ord} shortage by its position and orders it straight away, then checks the vendor; a positional"
                            + " pick has to become the selected item."),
            new ChainPlan("details-history-stock", "the details of a named item, its last order, what else was ordered that day, then its stock",
                    List.of(DETAILS, LAST_ORDER, SAME_DAY, STOCK), "The file of {sku}, its last delivery date, that day's other deliveries",
                    "Opening {name}, the user reviews its last order and the other orders placed that same date, then comes back to the"
                            + " count on hand: the item must survive a question about another subject."),
            new ChainPlan("low-stock-details-sourcing", "the low-stock list, the details of one entry, its supplier, then where it is kept",
                    List.of(LOW_STOCK, DETAILS, SUPPLIER, WAREHOUSE), "Who provides the {ord} short item and where it lives",
                    "A shortage review that opens the {ord} entry by its value from the list answer, then asks about vendor and"
                            + " storage using only pointers back to it."),
            new ChainPlan("draft-first", "a draft order for a named item, then its stock, then where it is kept",
                    List.of(DRAFT_ORDER, STOCK, WAREHOUSE), "Ordering {sku} first, questions after",
                    "An urgent restock of {name} placed before anything else, followed by a sanity check of the count and the storage"
                            + " location; the draft must stay in memory."),
            new ChainPlan("last-order-then-restock", "a named item's last order, its stock on hand, then a draft order for it",
                    List.of(LAST_ORDER, STOCK, DRAFT_ORDER), "Is it time to buy {sku} again?",
                    "The user asks when {name} was last purchased, how many remain, and then decides to buy more; the remembered date"
                            + " must not displace the remembered item."));
}
