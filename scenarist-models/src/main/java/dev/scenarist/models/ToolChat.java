package dev.scenarist.models;

import dev.scenarist.core.author.AuthorException;

/**
 * A model that calls tools: send it the conversation and the tools on offer, get back its text and/or tool calls.
 * The caller runs the tools and sends the results back in the next request ({@link ChatMessage.ToolOutput}, one per
 * call, with the call's id). Get one from {@link ModelAuthors#toolChat}.
 *
 * <p>Transient failures (429, 5xx, timeouts, malformed bodies) are retried with backoff, honouring the server's
 * Retry-After, before {@link #send} gives up; every message is redacted. Thread-safe; {@link #close()} releases the
 * HTTP client.
 */
public interface ToolChat extends AutoCloseable {
    /** {@code provider:model}, e.g. {@code openai:gpt-4.1}. */
    String id();

    /**
     * @throws dev.scenarist.core.author.PermanentAuthorException when retrying cannot help (bad key, unknown model, a
     *         request the provider rejects)
     * @throws dev.scenarist.core.author.TransientAuthorException when transient failures outlasted the retries
     */
    ToolChatReply send(ToolChatRequest request) throws AuthorException, InterruptedException;

    @Override
    void close();
}
