package dev.scenarist.packs.chains.internal.generate.offline;

/** The questions the offline author can put to the reference assistant, one per intent it answers; the slug names the step. */
enum Ask {
    LOW_STOCK("low_stock"), PICK("pick"), DETAILS("details"), STOCK("stock"), SUPPLIER("supplier"), WAREHOUSE("warehouse"),
    LAST_ORDER("last_order"), SAME_DAY("same_day"), DRAFT_ORDER("draft_order");

    final String slug;

    Ask(String slug) {
        this.slug = slug;
    }
}
