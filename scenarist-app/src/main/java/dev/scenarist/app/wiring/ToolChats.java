package dev.scenarist.app.wiring;

import dev.scenarist.app.config.ConfigException;
import dev.scenarist.models.CallServices;
import dev.scenarist.models.ModelAuthors;
import dev.scenarist.models.ModelRef;
import dev.scenarist.models.PriceTable;
import dev.scenarist.models.Provider;
import dev.scenarist.models.ProviderSettings;
import dev.scenarist.models.ProviderThrottle;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.ToolChat;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Builds tool-calling models ({@code provider:model}) for the appworld commands: the provider's settings from the
 * environment ({@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY}, {@code ANTHROPIC_*}, {@code OLLAMA_HOST}), the default
 * price table, an unthrottled provider and the engine's default retries. A problem a user fixes (a bad spec, a
 * provider that cannot call tools, a missing key) is a {@link ConfigException} naming what to set.
 */
public final class ToolChats {
    private final Map<String, String> env;
    private final Redactor redactor;

    /** With a redactor of its own: every key it reads is kept out of messages. */
    public ToolChats(Map<String, String> env) {
        this(env, new Redactor());
    }

    public ToolChats(Map<String, String> env, Redactor redactor) {
        this.env = env;
        this.redactor = redactor;
    }

    /**
     * @param spec   {@code provider:model}, e.g. {@code openai:gpt-4.1}
     * @param option the option it came from, for messages (e.g. {@code --agent})
     */
    public ToolChat open(String spec, String option) {
        ModelRef ref;
        try {
            ref = ModelRef.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option + ": " + e.getMessage());
        }
        if (ref.provider().equals("claude-code")) {
            throw new ConfigException(option + " " + spec + ": claude-code models cannot call the phone's tools here; use an openai:, "
                    + "anthropic: or ollama: model");
        }
        ProviderSettings settings;
        try {
            settings = ProviderSettings.fromEnvironment(ref.provider(), env);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        Provider provider = Provider.of(ref.provider());
        String host = settings.baseUrl().getHost() == null ? "" : settings.baseUrl().getHost();
        if (settings.apiKey().isEmpty() && provider.keyVariable().isPresent() && (host.endsWith("openai.com") || host.endsWith("anthropic.com"))) {
            throw new ConfigException("no API key for " + option + " " + ref + ": set $" + provider.keyVariable().get()
                    + " (or point $" + provider.urlVariable() + " at a compatible server that needs none)");
        }
        settings.apiKey().ifPresent(redactor::register);
        try {
            return ModelAuthors.toolChat(ref, settings, CallServices.real(PriceTable.defaults(),
                    ProviderThrottle.perMinute(OptionalLong.empty(), OptionalLong.empty()), redactor));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option + " " + spec + ": " + e.getMessage());
        }
    }
}
