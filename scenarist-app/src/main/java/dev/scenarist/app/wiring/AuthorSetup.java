package dev.scenarist.app.wiring;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.Throttle;

/** An author ready for a campaign, with the throttle that paces its calls (shared by all the campaign's runs). */
public record AuthorSetup(Author author, Throttle throttle) {
    public static AuthorSetup unthrottled(Author author) {
        return new AuthorSetup(author, Throttle.NONE);
    }
}
