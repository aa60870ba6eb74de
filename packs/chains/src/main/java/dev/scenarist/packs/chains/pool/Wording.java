package dev.scenarist.packs.chains.pool;

import java.util.Locale;

/** How a question is put: the acceptance matrix runs every chain in each wording its steps have. */
public enum Wording {
    /** the explicit question, naming the object it is about */
    CANONICAL,
    /** how people actually type it */
    COLLOQUIAL,
    /** a follow-up that only points back ("how many of it do we have?"): the selected object must carry over */
    PRONOUN_ONLY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Wording fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
