package dev.scenarist.app.wiring;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.models.ModelAuthors;
import dev.scenarist.models.RateLimitState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns an author spec into an author: {@code offline} (the pack's own, no model), {@code cassette:FILE}
 * (replay recorded replies), or {@code provider:model} (a real model: openai, anthropic, ollama, claude-code).
 * {@code record} wraps any author to append its replies to a cassette.
 */
public final class AuthorFactory {
    public static final String OFFLINE = "offline";
    private final Map<String, String> env;
    private final dev.scenarist.models.Redactor redactor;

    private final Telemetry telemetry;
    private final Supplier<RateLimitState> rateLimits;

    /** Rate limits in this process's memory, each model's own. */
    public AuthorFactory(Map<String, String> env, dev.scenarist.models.Redactor redactor) {
        this(env, redactor, Telemetry.from(Map.of()), RateLimitState::inMemory);
    }

    /**
     * {@code telemetry}: traces every model call once, here, when it is on. {@code rateLimits}: where each set of
     * model authors keeps its rate limits (asked once per {@link #create}; a database's state is shared by every worker).
     */
    AuthorFactory(Map<String, String> env, dev.scenarist.models.Redactor redactor, Telemetry telemetry, Supplier<RateLimitState> rateLimits) {
        this.env = env;
        this.redactor = redactor;
        this.telemetry = telemetry;
        this.rateLimits = rateLimits;
    }

    public AuthorSetup create(String spec, Pack pack, Optional<Path> record, Map<String, Object> authorSettings) {
        AuthorSetup base = dev.scenarist.models.ModelRef.looksLikeModel(spec) ? model(spec, authorSettings) : AuthorSetup.unthrottled(other(spec, pack));
        return record.map(f -> new AuthorSetup(ModelAuthors.recording(base.author(), f), base.throttle())).orElse(base);
    }

    /** A real model, reachable or not: used by {@code models check}. */
    public AuthorSetup model(String spec, Map<String, Object> authorSettings) {
        try {
            var ref = dev.scenarist.models.ModelRef.parse(spec);
            AuthorSetup setup = new ModelBackends(env, redactor, authorSettings, rateLimits).create(ref);
            return new AuthorSetup(telemetry.trace(setup.author(), ref), setup.throttle());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private Author other(String spec, Pack pack) {
        if (spec.equals(OFFLINE)) {
            Author a;
            try {
                a = pack.offlineAuthor();
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
            if (a == null) throw new ConfigException("pack '" + pack.name() + "' has no offline author; pass --author cassette:FILE or a model");
            return a;
        }
        if (spec.startsWith("cassette:")) {
            Path f = Path.of(spec.substring("cassette:".length()));
            if (!Files.isRegularFile(f)) throw new ConfigException("cassette file " + f.toAbsolutePath() + " does not exist; record one with --record FILE");
            try {
                return ModelAuthors.cassette("cassette:" + f.getFileName(), f);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        if (spec.contains(":")) {
            try {
                dev.scenarist.models.ModelRef.parse(spec);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        throw new ConfigException("unknown author '" + spec + "': use 'offline' (the pack's own author, no model), 'cassette:FILE'"
                + " (replay recorded replies) or provider:model (openai:gpt-4.1, anthropic:claude-sonnet-4-5, ollama:qwen2.5-coder:14b,"
                + " claude-code:sonnet)");
    }
}
