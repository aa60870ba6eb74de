package dev.scenarist.core.campaign;

/** A campaign cannot continue under the configuration given now (different pack definition, author, seed or settings). */
public class CampaignMismatchException extends RuntimeException {
    public CampaignMismatchException(String message) {
        super(message);
    }
}
