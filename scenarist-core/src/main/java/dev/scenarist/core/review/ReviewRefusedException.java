package dev.scenarist.core.review;

import dev.scenarist.core.campaign.CampaignRequestException;

/**
 * A person's request the review refuses, nothing changed: the message says why and what to do instead. Its
 * {@link Kind} tells a server which status to answer (404, 400, 409).
 */
public final class ReviewRefusedException extends CampaignRequestException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** No such run or scenario. */
        NOT_FOUND,
        /** The request itself is wrong: a file the stage may not edit, an empty reason. */
        INVALID,
        /** The run or scenario is not in a state for it: not paused, already decided. */
        CONFLICT
    }

    private final Kind kind;

    public ReviewRefusedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
