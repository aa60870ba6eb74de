/**
 * Model backends: the {@link dev.scenarist.core.author.Author}s that call real models, replay or record them.
 *
 * <p>The module's API is this package: {@link dev.scenarist.models.ModelAuthors} builds every author
 * ({@code openai:}, {@code anthropic:}, {@code ollama:} over HTTP, {@code claude-code:} through the CLI, cassettes and
 * the recorder) from public values — {@link dev.scenarist.models.ModelRef}, {@link dev.scenarist.models.ProviderSettings}
 * (with {@link dev.scenarist.models.Provider}), {@link dev.scenarist.models.PriceTable} (with
 * {@link dev.scenarist.models.Price}), {@link dev.scenarist.models.ProviderThrottle} (its buckets and pauses in a
 * {@link dev.scenarist.models.RateLimitState} under a {@link dev.scenarist.models.RateLimitKey}: memory here, a shared
 * database in the app's wiring), {@link dev.scenarist.models.Secret}
 * and the {@link dev.scenarist.models.Redactor} — and {@link dev.scenarist.models.RoutingAuthor} sends each stage to
 * its model. Tool calling, for agents that act through tools rather than write files:
 * {@link dev.scenarist.models.ModelAuthors#toolChat} gives a {@link dev.scenarist.models.ToolChat} (with
 * {@link dev.scenarist.models.CallServices}) that takes a {@link dev.scenarist.models.ToolChatRequest} — system prompt,
 * {@link dev.scenarist.models.ChatMessage}s, {@link dev.scenarist.models.ToolDefinition}s, {@link dev.scenarist.models.ToolChoice}
 * — and answers a {@link dev.scenarist.models.ToolChatReply} with text and {@link dev.scenarist.models.ToolCall}s. How the backends work (HTTP clients, the Claude Code process, cassettes, rate limiting) is in
 * {@code dev.scenarist.models.internal}, which no other module may use.
 */
package dev.scenarist.models;
