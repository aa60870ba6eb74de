package dev.scenarist.core.catalog;

import java.util.function.Predicate;

/**
 * Deterministic suffixes for a scenario id or title already taken in the catalog: the first free of {@code id},
 * {@code id-2}, {@code id-3}, … and of {@code Title}, {@code Title (2)}, {@code Title (3)}, …
 */
public final class Suffixes {
    private Suffixes() {}

    public static String id(String wanted, Predicate<String> taken) {
        if (!taken.test(wanted)) return wanted;
        for (int n = 2; ; n++) {
            String candidate = wanted + "-" + n;
            if (!taken.test(candidate)) return candidate;
        }
    }

    public static String title(String wanted, Predicate<String> taken) {
        if (!taken.test(wanted)) return wanted;
        for (int n = 2; ; n++) {
            String candidate = wanted + " (" + n + ")";
            if (!taken.test(candidate)) return candidate;
        }
    }
}
