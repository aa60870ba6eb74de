package dev.scenarist.packs.appworld.internal.uniqueness;

import dev.scenarist.core.catalog.GroupKey;
import dev.scenarist.packs.appworld.scenario.Description;
import java.util.List;
import java.util.TreeSet;

/**
 * What the uniqueness gate compares for a phone scenario: its title and narrative, as PARE's deduplicator compares
 * descriptions, after a first line naming its core apps (sorted), which is its {@link #GROUP_KEY group}: with
 * same-group-only rules a description is compared with scenarios about the same apps only.
 */
public final class UniquenessText {
    private static final String APPS_PREFIX = "apps:";

    private UniquenessText() {}

    public static String of(Description d) {
        return APPS_PREFIX + String.join(" ", new TreeSet<>(d.coreApps())) + "\n" + d.title() + "\n" + d.narrative();
    }

    /** The core apps of a text made by {@link #of}; "" for any other text. */
    public static final GroupKey GROUP_KEY = text -> {
        if (!text.startsWith(APPS_PREFIX)) return "";
        int end = text.indexOf('\n');
        return end < 0 ? "" : text.substring(APPS_PREFIX.length(), end);
    };

    /** The group of a description, as {@link #GROUP_KEY} reads it from its text. */
    public static String group(List<String> coreApps) {
        return String.join(" ", new TreeSet<>(coreApps));
    }
}
