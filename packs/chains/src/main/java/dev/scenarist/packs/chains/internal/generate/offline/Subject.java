package dev.scenarist.packs.chains.internal.generate.offline;

import dev.scenarist.packs.chains.internal.reference.Inventory;

/**
 * The item a chain is about, and how its steps refer to it: by name when the user named it, or through the list step
 * it was picked from ({@code {{step_01_low_stock.entries[1].item}}}) — so a later question depends on an earlier answer.
 */
sealed interface Subject {
    Inventory.Item item();

    /** How the canonical question names it. */
    String named();

    /** How the colloquial question names it. */
    String casual();

    /** The expected value of an {@code item} field, as a check operand. */
    String expected();

    /** The expected value of an {@code on_hand} field, as a check operand. */
    String onHand();

    /**
     * An item the user named; once the root question has been answered, canonical follow-ups name it through that reply
     * ({@code {{step_01_details.item}}}), so each depends on the answer before it.
     */
    record Named(Inventory.Item item, java.util.Optional<String> rootStep) implements Subject {
        Named(Inventory.Item item) {
            this(item, java.util.Optional.empty());
        }

        Named answeredBy(String stepId) {
            return new Named(item, java.util.Optional.of(stepId));
        }

        @Override
        public String named() {
            return rootStep.map(s -> "{{" + s + ".item}}").orElse(item.sku());
        }

        /** A plural alias where the item has one ("hex bolts"), as people type it. */
        @Override
        public String casual() {
            return "the " + (item.aliases().size() > 1 ? item.aliases().get(1) : item.aliases().getFirst());
        }

        @Override
        public String expected() {
            return "\"" + item.sku() + "\"";
        }

        @Override
        public String onHand() {
            return Integer.toString(item.onHand());
        }
    }

    /** Entry {@code index} of the list that step {@code listStep} answered. */
    record Listed(Inventory.Item item, String listStep, int index) implements Subject {
        private String entry(String field) {
            return "{{" + listStep + ".entries[" + index + "]." + field + "}}";
        }

        @Override
        public String named() {
            return entry("item");
        }

        @Override
        public String casual() {
            return entry("item");
        }

        @Override
        public String expected() {
            return "\"" + entry("item") + "\"";
        }

        @Override
        public String onHand() {
            return entry("on_hand");
        }
    }
}
