package dev.scenarist.core.author;

/**
 * Whatever proposes content: an LLM backend, a cassette replaying recorded replies, or a pack's
 * procedural offline author. Implementations must be safe to call from several runs at once.
 */
public interface Author {
    /** Stable name shown in lineage and summaries, e.g. {@code offline}, {@code cassette:sql-quiz}, {@code openai:gpt-4.1}. */
    String id();

    AuthorReply reply(AuthorRequest request) throws AuthorException, InterruptedException;

    /**
     * The most this request may cost (input tokens of the prompt, output tokens up to the request's limit, and
     * their price), so a campaign budget can refuse the call before it is made. Empty when unknown (offline
     * and recorded authors cost nothing new).
     */
    default java.util.Optional<dev.scenarist.core.model.Usage> estimate(AuthorRequest request) {
        return java.util.Optional.empty();
    }
}
