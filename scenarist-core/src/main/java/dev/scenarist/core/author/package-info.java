/**
 * The Author SPI: who writes a scenario's files — an LLM, a recorded cassette, a pack's offline author — given an
 * {@link dev.scenarist.core.author.AuthorRequest}, answering an {@link dev.scenarist.core.author.AuthorReply} or
 * throwing a {@link dev.scenarist.core.author.TransientAuthorException} (retried by the engine) or a
 * {@link dev.scenarist.core.author.PermanentAuthorException} (not). <b>API</b>: implemented by {@code scenarist-models}
 * and by packs' offline authors, called only by the engine.
 */
package dev.scenarist.core.author;
