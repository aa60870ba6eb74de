package dev.scenarist.core.catalog;

import java.util.Objects;

/**
 * One scenario as the uniqueness indexes see it.
 *
 * @param id    the scenario id (a candidate not accepted yet may use its run id)
 * @param title the scenario's title, for feedback (may be empty)
 * @param text  the pack's uniqueness text
 * @param group the pack's group key (see {@link GroupKey}); empty when the pack does not group
 */
public record CatalogItem(String id, String title, String text, String group) {
    public CatalogItem {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        group = group == null ? "" : group;
    }

    public static CatalogItem of(String id, String text) {
        return new CatalogItem(id, "", text, "");
    }

    /** {@code id "title"}, or the id alone when there is no title. */
    public String label() {
        return title.isBlank() ? id : id + " \"" + title + "\"";
    }
}
