package dev.scenarist.packs.chains;

/** Test data: a chain for the inventory domain as a model would write it, stage by stage, and the ways it goes wrong. */
final class GeneratedChains {
    private GeneratedChains() {}

    static final String HEAD = """
            pack: inventory-goggles-restock
            domain: inventory and purchasing
            scenarios:
              - id: goggles-restock
                title: Safety goggles, their count, then a draft order
                brief: The user names the goggles, asks how many are left and orders more; the item must stay selected.
                steps:
            """;

    static final String ROOT = """
                  - id: step_01_details
                    question: Show me the details of SG-CL.
            %s        expect:
                      - response.item == "SG-CL"
                      - semantic_memory.selected_item == "SG-CL"
            """;

    static final String STOCK = """
                  - id: step_02_stock
                    question: How many {{%s}} do we have on hand?
            %s        expect:
                      - response.on_hand == {{step_01_details.on_hand}}
                      - semantic_memory.selected_item == "{{step_01_details.item}}"
            """;

    static final String ORDER = """
                  - id: step_03_order
                    question: Order more {{step_01_details.item}}.
            %s        expect:
                      - response.intent == "draft_order"
                      - semantic_memory.draft_order_id == "{{step_03_order.draft_order_id}}"
                      - semantic_memory.selected_item == "{{step_01_details.item}}"
            """;

    /** The canonical chain, its second question reading {@code stockPlaceholder}. */
    static String canonical(String stockPlaceholder) {
        return HEAD + ROOT.formatted("") + STOCK.formatted(stockPlaceholder, "") + ORDER.formatted("");
    }

    static final String GOOD_CANONICAL = canonical("step_01_details.item");

    /** With variants; {@code orderPronoun} false leaves the last step without its pronoun-only wording. */
    static String withWordings(boolean orderPronoun) {
        return HEAD + ROOT.formatted("        variants:\n          colloquial: tell me about the safety goggles\n")
                + STOCK.formatted("step_01_details.item", "        variants:\n          colloquial: how many goggles we got left?\n"
                        + "          pronoun_only: How many of it do we have?\n")
                + ORDER.formatted("        variants:\n          colloquial: can we restock the goggles?\n"
                        + (orderPronoun ? "          pronoun_only: Order more of that.\n" : ""));
    }

    static String file(String pool) {
        return "<file path=\"pool.yaml\">\n" + pool + "</file>";
    }

    /** The 1-based line of the first line of {@code text} containing {@code needle}. */
    static int lineOf(String text, String needle) {
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        throw new AssertionError(needle + " not in " + text);
    }
}
