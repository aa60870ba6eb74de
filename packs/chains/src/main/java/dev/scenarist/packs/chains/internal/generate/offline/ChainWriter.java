package dev.scenarist.packs.chains.internal.generate.offline;

import dev.scenarist.packs.chains.internal.reference.Inventory;
import dev.scenarist.packs.chains.pool.Wording;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a chain's steps in order, one {@link Ask} at a time, keeping what later steps refer back to: the list step
 * (and which entry the chain picks from it), the step that answered the last order's date, and the subject once it is
 * selected. Each ask has two phrasings per wording, chosen by {@code style}, so chains of one plan do not all read the
 * same; every phrasing is one the reference assistant understands (its tests run every wording of every chain).
 * Expected values come from the reference dataset itself (field truth) or, where the chain picked from a list, from
 * the list's answer through placeholders.
 */
final class ChainWriter {
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth");

    private final Inventory inventory;
    private final int style;
    private final List<DraftChain.DraftStep> steps = new ArrayList<>();
    private Subject subject;
    private String listStep;
    private final int listIndex;
    private String lastOrderStep;

    /**
     * @param named     the subject when the user names it; null when the chain starts from the low-stock list
     * @param listIndex the entry of the low-stock list the chain picks (when it starts from it)
     */
    ChainWriter(Inventory inventory, Subject named, int listIndex, int style) {
        this.inventory = inventory;
        this.subject = named;
        this.listIndex = listIndex;
        this.style = style;
    }

    List<DraftChain.DraftStep> steps() {
        return List.copyOf(steps);
    }

    Subject subject() {
        return subject;
    }

    void ask(Ask ask) {
        String id = String.format("step_%02d_%s", steps.size() + 1, ask.slug);
        switch (ask) {
            case LOW_STOCK -> lowStock(id);
            case PICK -> pick(id);
            case DETAILS -> details(id);
            case STOCK -> stock(id);
            case SUPPLIER -> supplier(id);
            case WAREHOUSE -> warehouse(id);
            case LAST_ORDER -> lastOrder(id);
            case SAME_DAY -> sameDay(id);
            case DRAFT_ORDER -> draftOrder(id);
        }
    }

    private String pickOf(String... options) {
        return options[Math.floorMod(style + steps.size(), options.length)];
    }

    private void add(String id, String canonical, String colloquial, String pronoun, List<String> checks) {
        Map<Wording, String> w = new EnumMap<>(Wording.class);
        w.put(Wording.CANONICAL, canonical);
        w.put(Wording.COLLOQUIAL, colloquial);
        // the root question opens the context: there is nothing yet for a pronoun to point back to
        if (!steps.isEmpty()) w.put(Wording.PRONOUN_ONLY, pronoun);
        steps.add(new DraftChain.DraftStep(id, w, checks));
        if (steps.size() == 1 && subject instanceof Subject.Named n) subject = n.answeredBy(id);
    }

    private String ordinal() {
        return ORDINALS.get(listIndex);
    }

    private void lowStock(String id) {
        listStep = id;
        add(id, pickOf("Which items are below their reorder point?", "Show me the low stock items."),
                pickOf("what are we running low on?", "anything we're low on?"), "", List.of(
                        "response.entries[" + listIndex + "].item exists",
                        "response.result_set_id == \"{{semantic_memory.active_result_set_id}}\"",
                        "semantic_memory.active_result_set_id exists"));
    }

    private Subject fromList() {
        if (subject == null) subject = new Subject.Listed(inventory.lowStock().get(listIndex), listStep, listIndex);
        return subject;
    }

    private void pick(String id) {
        Subject s = fromList();
        add(id, pickOf("Select the " + ordinal() + " one.", "Pick the " + ordinal() + " one from that list."),
                pickOf("I'll go with the " + ordinal() + " one", "gimme the " + ordinal() + " one"),
                pickOf("The " + ordinal() + " one, please.", "That " + ordinal() + " one."), List.of(
                        "response.item == " + s.expected(),
                        "semantic_memory.selected_item == " + s.expected(),
                        "semantic_memory.active_result_set_id == \"{{" + listStep + ".result_set_id}}\""));
    }

    private void details(String id) {
        boolean firstFromList = subject == null;
        Subject s = firstFromList ? fromList() : subject;
        List<String> checks = new ArrayList<>(List.of("response.item == " + s.expected()));
        // picked by position in the pronoun-only wording, the reply names the item only: check its details when named
        if (!firstFromList) {
            checks.add("response.warehouse == \"" + s.item().warehouse() + "\"");
            checks.add("response.supplier == \"" + s.item().supplier() + "\"");
        }
        checks.add("semantic_memory.selected_item == " + s.expected());
        add(id, pickOf("Show me the details of " + s.named() + ".", "Give me the details of " + s.named() + "."),
                pickOf("what's the deal with " + s.casual() + "?", "tell me about " + s.casual()),
                firstFromList ? "Tell me about the " + ordinal() + " one." : pickOf("Show me its details.", "Give me its details."), checks);
    }

    private void stock(String id) {
        Subject s = subject;
        add(id, pickOf("How many " + s.named() + " do we have on hand?", "How many " + s.named() + " are in stock?"),
                pickOf("how many " + s.casual() + " we got left?", "how many " + s.casual() + " are left on the shelf?"),
                pickOf("How many of it do we have?", "How many of those are in stock?"), List.of(
                        "response.item == " + s.expected(),
                        "response.on_hand == " + s.onHand(),
                        "semantic_memory.selected_item == " + s.expected()));
    }

    private void supplier(String id) {
        Subject s = subject;
        String supplier = s.item().supplier();
        add(id, pickOf("Who supplies " + s.named() + "?", "Which supplier provides " + s.named() + "?"),
                pickOf("who's the supplier for " + s.casual() + "?", "who do we get " + s.casual() + " from, which supplier?"),
                pickOf("Who supplies it?", "Which supplier is that from?"), List.of(
                        "response.supplier == \"" + supplier + "\"",
                        "response.reply contains \"" + supplier + "\"",
                        "semantic_memory.selected_item == " + s.expected()));
    }

    private void warehouse(String id) {
        Subject s = subject;
        add(id, pickOf("Which warehouse holds " + s.named() + "?", "In which warehouse is " + s.named() + " stored?"),
                pickOf("where are " + s.casual() + " kept?", "which warehouse are " + s.casual() + " in?"),
                pickOf("Where is it kept?", "Which warehouse is that in?"), List.of(
                        "response.item == " + s.expected(),
                        "response.warehouse == \"" + s.item().warehouse() + "\"",
                        "semantic_memory.selected_item == " + s.expected()));
    }

    private void lastOrder(String id) {
        Subject s = subject;
        lastOrderStep = id;
        Inventory.PurchaseOrder po = inventory.lastOrder(s.item().sku()).orElseThrow(() ->
                new IllegalStateException("plan error: " + s.item().sku() + " has no purchase order to ask about"));
        add(id, pickOf("When did we last order " + s.named() + "?", "What was the last order of " + s.named() + "?"),
                pickOf("when were " + s.casual() + " last ordered?", "when did we last order " + s.casual() + ", roughly?"),
                pickOf("When did we last order it?", "When was that last ordered?"), List.of(
                        "response.ordered_on == \"" + po.orderedOn() + "\"",
                        "response.po_id == \"" + po.poId() + "\"",
                        "semantic_memory.selected_date == \"{{" + id + ".ordered_on}}\"",
                        "semantic_memory.selected_item == " + s.expected()));
    }

    private void sameDay(String id) {
        String date = "{{" + lastOrderStep + ".ordered_on}}";
        add(id, pickOf("What else did we order on " + date + "?", "What else was ordered on " + date + "?"),
                pickOf("anything else ordered that day?", "what else got ordered that day?"),
                pickOf("What else was ordered then?", "Anything else ordered on that date?"), List.of(
                        "response.date == \"" + date + "\"",
                        "response.entries[0].item exists",
                        "semantic_memory.selected_date == \"" + date + "\"",
                        "semantic_memory.selected_item == " + subject.expected()));
    }

    private void draftOrder(String id) {
        Subject s = subject;
        add(id, pickOf("Order more " + s.named() + ".", "Please reorder " + s.named() + "."),
                pickOf("can we restock " + s.casual() + "?", "let's order more of " + s.casual()),
                pickOf("Order more of that.", "Restock it."), List.of(
                        "response.intent == \"draft_order\"",
                        "response.item == " + s.expected(),
                        "response.quantity >= 1",
                        "semantic_memory.draft_order_id == \"{{" + id + ".draft_order_id}}\"",
                        "semantic_memory.selected_item == " + s.expected()));
    }
}
