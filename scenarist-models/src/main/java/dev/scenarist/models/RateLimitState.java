package dev.scenarist.models;

import dev.scenarist.models.internal.reliability.LocalRateLimitState;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * Where the rate-limit state of provider keys lives: the token buckets that pace requests and tokens, and the pauses a
 * provider asked for ({@code Retry-After}, no requests or tokens left). In this process's memory by default
 * ({@link #inMemory()}); workers that share one PostgreSQL share one state, so ten workers together keep one API key's
 * limits (the app wires that implementation: this module knows no database).
 *
 * <p>Keys are {@link RateLimitKey} values: a provider, a model and a hash of the API key, never the key itself.
 */
public interface RateLimitState {
    /**
     * The bucket under {@code key} holding {@code capacity} tokens refilled greedily over {@code refillPeriod}. The
     * same key gives the same state to every caller; the first caller's configuration wins while the state exists.
     */
    Bucket bucket(String key, long capacity, Duration refillPeriod);

    /** Holds every caller of {@code key} back for {@code pause} from now; a longer pause already set is kept. */
    void pause(String key, Duration pause);

    /** How long callers of {@code key} must still wait; {@link Duration#ZERO} when nothing holds them back. */
    Duration pauseLeft(String key);

    /** State in this process's memory, on the system clock. */
    static RateLimitState inMemory() {
        return new LocalRateLimitState(TimeMeter.SYSTEM_NANOTIME);
    }
}
