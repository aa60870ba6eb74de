package dev.scenarist.models;

import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.models.internal.cassette.CassetteAuthor;
import dev.scenarist.models.internal.cassette.RecordingAuthor;
import dev.scenarist.models.internal.claudecode.ClaudeCodeAuthor;
import dev.scenarist.models.internal.claudecode.ClaudeCodeInvocation;
import dev.scenarist.models.internal.http.HttpChatAuthor;
import dev.scenarist.models.internal.http.HttpToolChat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The authors this module offers, built from public settings: real models over HTTP (OpenAI-compatible, Anthropic,
 * Ollama) or through the Claude Code CLI, recorded replies (cassettes), and a recorder. How each works is this
 * module's business ({@code dev.scenarist.models.internal}); callers see only {@link Author}.
 */
public final class ModelAuthors {
    private ModelAuthors() {}

    /**
     * A model over HTTP ({@code openai:…}, {@code anthropic:…} or {@code ollama:…}) that reports the provider's
     * rate-limit headers to {@code throttle}. Its API key and key-like headers are registered with {@code redactor}.
     *
     * @throws IllegalArgumentException for a provider that does not speak HTTP here (e.g. {@code claude-code})
     */
    public static Author http(ModelRef model, ProviderSettings settings, PriceTable prices, ProviderThrottle throttle,
                              Redactor redactor, Clock clock) {
        return HttpChatAuthor.forModel(model, settings, prices, throttle.feedback(), redactor, clock);
    }

    /**
     * A model over HTTP ({@code openai:…}, {@code anthropic:…} or {@code ollama:…}) that calls tools: OpenAI chat
     * completions {@code tools}/{@code tool_calls}, Anthropic {@code tool_use}/{@code tool_result}, Ollama's native
     * {@code /api/chat} tools. It shares the HTTP authors' plumbing (timeouts, failure mapping, redaction, pricing,
     * rate-limit feedback to {@code services.throttle()}) and retries transient failures under
     * {@code services.retry()}. Its API key and key-like headers are registered with {@code services.redactor()}.
     *
     * @throws IllegalArgumentException for a provider that does not speak HTTP here (e.g. {@code claude-code})
     */
    public static ToolChat toolChat(ModelRef model, ProviderSettings settings, CallServices services) {
        HttpChatAuthor author = HttpChatAuthor.forModel(model, settings, services.prices(), services.throttle().feedback(),
                services.redactor(), services.time().clock());
        return new HttpToolChat(author, services.throttle(), services.retry(), services.time());
    }

    /** {@code $SCENARIST_CLAUDE} if set, else the first executable {@code claude} on {@code env}'s {@code PATH}. */
    public static Optional<Path> claudeExecutable(Map<String, String> env) {
        return ClaudeCodeAuthor.findExecutable(env);
    }

    /**
     * {@code claude-code:<model>} through the Claude Code CLI at {@code executable}: it works in each run's workspace
     * and may edit only the stage's editable files; its process gets only the variables of {@code env} it needs.
     *
     * @throws IllegalArgumentException when {@code model} is not a {@code claude-code} model
     */
    public static Author claudeCode(ModelRef model, Path executable, Map<String, String> env, Redactor redactor) {
        return new ClaudeCodeAuthor(model, executable, ModelAuthors::invocation, ClaudeCodeAuthor.DEFAULT_TIMEOUT, redactor,
                ClaudeCodeAuthor.childEnvironment(env));
    }

    private static ClaudeCodeInvocation invocation(AuthorRequest r) {
        Path ws = r.scope().workspace().orElseThrow(() -> new IllegalStateException("stage '" + r.stage() + "' gave no workspace"));
        return ClaudeCodeInvocation.forStage(ws, r.scope().editable());
    }

    /**
     * Replays the replies recorded in the cassette {@code file}.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException     when a line is not a cassette entry (the message names the file and line)
     */
    public static Author cassette(String id, Path file) {
        return CassetteAuthor.load(id, file);
    }

    /** {@code delegate}, appending every reply it gives to the cassette {@code file}. */
    public static Author recording(Author delegate, Path file) {
        return new RecordingAuthor(delegate, file);
    }
}
