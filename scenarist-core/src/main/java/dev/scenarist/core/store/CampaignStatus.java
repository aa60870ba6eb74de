package dev.scenarist.core.store;

import java.util.Locale;

/**
 * RUNNING until the count is reached (COMPLETED) or a cap stops it (STOPPED); a crashed RUNNING campaign is resumable.
 * AWAITING_APPROVAL: nothing is left to run, but runs paused for a person (approval gates) would bring the count in if
 * approved — the campaign waits for them; approving or rejecting them settles it (COMPLETED, or STOPPED short of its count
 * with a hint to top it up). CANCELLED (by a person, from any process) is final: its runs are cancelled, it is not resumed.
 */
public enum CampaignStatus {
    RUNNING, COMPLETED, STOPPED, CANCELLED, AWAITING_APPROVAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignStatus parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
