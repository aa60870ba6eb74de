/**
 * Provider rate limits shared by every worker on one PostgreSQL: the models module's {@code RateLimitState} port, kept in
 * two tables (Bucket4j's bucket states, and the pauses a provider asked for) so that ten workers together respect one
 * API key's requests and tokens per minute, and a {@code Retry-After} one of them hears holds all of them back.
 */
package dev.scenarist.app.ratelimits;
