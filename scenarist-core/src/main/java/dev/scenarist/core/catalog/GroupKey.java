package dev.scenarist.core.catalog;

/**
 * A pack's grouping of its scenarios for uniqueness, read from the uniqueness text (so it is known for every catalog
 * entry): e.g. the phone pack's set of core apps, so that with {@link UniquenessRules#sameGroupOnly()} a scenario is
 * compared only with scenarios of the same apps. Must be deterministic.
 */
@FunctionalInterface
public interface GroupKey {
    GroupKey NONE = text -> "";

    String groupOf(String uniquenessText);
}
