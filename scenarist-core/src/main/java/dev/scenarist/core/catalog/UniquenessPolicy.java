package dev.scenarist.core.catalog;

import java.util.Objects;

/** A pack's catalog uniqueness: its rules and its group key. */
public record UniquenessPolicy(UniquenessRules rules, GroupKey groupKey) {
    public static final UniquenessPolicy DEFAULTS = new UniquenessPolicy(UniquenessRules.DEFAULTS, GroupKey.NONE);

    public UniquenessPolicy {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(groupKey, "groupKey");
    }
}
