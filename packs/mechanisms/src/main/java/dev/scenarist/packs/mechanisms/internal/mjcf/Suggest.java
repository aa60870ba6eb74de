package dev.scenarist.packs.mechanisms.internal.mjcf;

import java.util.Collection;

/** The names a misspelt element, attribute, keyword or object name could have been, listed for the fix. */
final class Suggest {
    private Suggest() {}

    /** Up to {@code max} items joined by ", ", with an ellipsis when there are more. */
    static String list(Collection<String> items, int max) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (String s : items) {
            if (i == max) {
                b.append(", ...");
                break;
            }
            if (i++ > 0) {
                b.append(", ");
            }
            b.append(s);
        }
        return b.toString();
    }
}
