package dev.scenarist.core.author;

import dev.scenarist.core.model.Usage;
import java.time.Duration;
import java.util.Optional;

/**
 * Paces calls to a provider: requests and tokens per minute, and whatever the provider's last response said
 * about its limits. Shared by every run of a campaign (and, with a shared store, by every worker).
 */
@FunctionalInterface
public interface Throttle {
    Throttle NONE = (request, estimate) -> Duration.ZERO;

    /**
     * Blocks until the call may go ahead.
     *
     * @param estimate what the call is expected to use, when known
     * @return how long it waited (recorded in the trajectory)
     */
    Duration acquire(AuthorRequest request, Optional<Usage> estimate) throws InterruptedException;
}
