package dev.scenarist.core.campaign;

/**
 * A request the facade refuses as asked (no such run or campaign, a cancelled run, another author than the campaign's):
 * the caller's input is wrong, nothing was changed. The message says what to do instead.
 */
public class CampaignRequestException extends RuntimeException {
    public CampaignRequestException(String message) {
        super(message);
    }
}
