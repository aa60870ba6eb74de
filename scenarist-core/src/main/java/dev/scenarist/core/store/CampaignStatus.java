package dev.scenarist.core.store;

import java.util.Locale;

/** RUNNING until the count is reached (COMPLETED) or a cap stops it (STOPPED); a crashed RUNNING campaign is resumable. */
public enum CampaignStatus {
    RUNNING, COMPLETED, STOPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignStatus parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
