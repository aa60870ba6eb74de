package dev.scenarist.core.store;

import java.util.Locale;

/**
 * RUNNING until the count is reached (COMPLETED) or a cap stops it (STOPPED); a crashed RUNNING campaign is resumable.
 * CANCELLED (by a person, from any process) is final: its runs are cancelled, it is not resumed.
 */
public enum CampaignStatus {
    RUNNING, COMPLETED, STOPPED, CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignStatus parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
