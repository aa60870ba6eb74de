package dev.scenarist.models.internal.cassette;

import dev.scenarist.core.model.Usage;

/**
 * One recorded exchange, one JSON line in a cassette file.
 *
 * @param key     {@link dev.scenarist.core.author.AuthorRequest#hash()} of the request
 * @param stage   the stage that asked (for people reading the file)
 * @param attempt the attempt number (for people reading the file)
 * @param prompt  the variable part of the prompt, kept so a miss can be explained by a diff
 *
 * <p>Eight components, more than the six we otherwise allow, on purpose: the record <em>is</em> the line format
 * (Jackson writes and reads it field for field), so grouping components would change every cassette already
 * recorded, the bundled packs' among them.
 */
public record CassetteEntry(String key, String stage, int attempt, String model, String reply, Usage usage,
                            long latencyMillis, String prompt) {}
