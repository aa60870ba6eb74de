package dev.scenarist.packs.chains;

import java.util.Locale;

/**
 * The four operational statuses of a step, a scenario and a pack, each reported with its reason.
 * <ul>
 *   <li>{@code accepted} — every check passed (and, for a scenario or pack, the analyst's score met the gate with no open P0)</li>
 *   <li>{@code partial} — it ran, but some checks failed: route, evidence or presentation still need hardening</li>
 *   <li>{@code blocked} — it could not run: the target did not answer, or a placeholder had no value</li>
 *   <li>{@code needs_exact_capability} — valid, but the assistant lacks the exact route or capability to answer</li>
 * </ul>
 */
public enum Status {
    ACCEPTED, PARTIAL, BLOCKED, NEEDS_EXACT_CAPABILITY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How bad, for rolling steps up into a scenario: blocked over partial over needs_exact_capability over accepted. */
    int rank() {
        return switch (this) {
            case ACCEPTED -> 0;
            case NEEDS_EXACT_CAPABILITY -> 1;
            case PARTIAL -> 2;
            case BLOCKED -> 3;
        };
    }

    public static Status worst(Status a, Status b) {
        return a.rank() >= b.rank() ? a : b;
    }
}
