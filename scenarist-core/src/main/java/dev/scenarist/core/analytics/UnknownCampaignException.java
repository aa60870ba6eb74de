package dev.scenarist.core.analytics;

/** Analytics was asked about a campaign the store does not hold; the message names it and the closest id. */
public final class UnknownCampaignException extends IllegalArgumentException {
    public UnknownCampaignException(String message) {
        super(message);
    }
}
