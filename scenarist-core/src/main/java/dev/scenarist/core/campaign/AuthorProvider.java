package dev.scenarist.core.campaign;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.pack.Pack;
import java.util.Map;

/**
 * Turns a campaign's author spec into an author, given by the application (core knows no model SDK): the facade asks it
 * for the author a campaign was started with when it resumes one, and for the critic of a validation.
 */
@FunctionalInterface
public interface AuthorProvider {
    /** An author ready for a campaign, with the throttle that paces its calls (shared by all the campaign's runs). */
    record Ready(Author author, Throttle throttle) {}

    /**
     * @param spec     e.g. {@code offline}, {@code cassette:FILE}, {@code openai:gpt-4.1}
     * @param settings how the application reaches the author (endpoints, rate limits, prices), from the campaign
     */
    Ready create(String spec, Pack pack, Map<String, Object> settings);
}
