package dev.scenarist.packs.services.internal.plan;

import java.util.Optional;

/** A critic's rubric reply that cannot be used; the message names the criterion (when one is at fault) and the fix. */
public final class RubricReplyException extends Exception {
    private final String criterion;

    RubricReplyException(String criterion, String message) {
        super(message);
        this.criterion = criterion;
    }

    /** The criterion at fault ({@code data_model}), empty when the reply as a whole is unusable. */
    public Optional<String> criterion() {
        return Optional.ofNullable(criterion);
    }
}
