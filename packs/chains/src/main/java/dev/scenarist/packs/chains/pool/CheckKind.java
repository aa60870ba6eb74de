package dev.scenarist.packs.chains.pool;

import java.util.Locale;

/** The rubric's categories of a check, with the offline analyst's weights. */
public enum CheckKind {
    /** the reply answers the question directly */
    ANSWER(2),
    /** the selected object, date or result set survives the follow-up (the semantic memory) */
    CARRYOVER(3),
    /** a field of the session state is true */
    STATE(2),
    /** wording of the reply (text contains …) */
    PRESENTATION(1);

    public final int weight;

    CheckKind(int weight) {
        this.weight = weight;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
