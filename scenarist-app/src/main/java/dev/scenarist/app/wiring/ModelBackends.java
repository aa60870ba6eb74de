package dev.scenarist.app.wiring;

import dev.scenarist.app.config.CampaignConfig;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.core.author.Author;
import dev.scenarist.core.author.AuthorRequest;
import dev.scenarist.core.author.Throttle;
import dev.scenarist.core.model.Json;
import dev.scenarist.models.ModelAuthors;
import dev.scenarist.models.ModelRef;
import dev.scenarist.models.Price;
import dev.scenarist.models.PriceTable;
import dev.scenarist.models.ProviderSettings;
import dev.scenarist.models.ProviderThrottle;
import dev.scenarist.models.RateLimitKey;
import dev.scenarist.models.RateLimitState;
import dev.scenarist.models.Redactor;
import dev.scenarist.models.RoutingAuthor;
import dev.scenarist.models.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Builds real-model authors: one backend per {@code provider:model} a campaign uses (its own and any a stage
 * names), each with its provider settings (environment, then the campaign's {@code providers} entry), the price
 * table (defaults, then the campaign's {@code prices}) and its own throttle fed by the provider's rate-limit headers,
 * keeping its buckets in the rate-limit state it is given (this process's memory, or the database all workers share).
 */
final class ModelBackends {
    private final Map<String, String> env;
    private final Redactor redactor;
    private final Map<String, CampaignConfig.Provider> providers;
    private final PriceTable prices;
    private final Map<ModelRef, ProviderThrottle> throttles = new ConcurrentHashMap<>();
    private final Supplier<RateLimitState> rateLimits;
    private volatile RateLimitState rateLimitState;

    /** {@code rateLimits}: asked once, at the first throttled model, for where the buckets and pauses live. */
    ModelBackends(Map<String, String> env, Redactor redactor, Map<String, Object> authorSettings, Supplier<RateLimitState> rateLimits) {
        this.rateLimits = rateLimits;
        this.env = env;
        this.redactor = redactor;
        this.providers = readProviders(authorSettings);
        this.prices = PriceTable.defaults().withOverrides(readPrices(authorSettings));
    }

    AuthorSetup create(ModelRef model) {
        RoutingAuthor router = new RoutingAuthor(model, this::backend);
        Throttle throttle = (request, estimate) -> throttle(router.target(request)).acquire(request, estimate);
        // build the default backend now, so a missing key or a bad URL is reported before the campaign starts
        router.estimate(probe());
        return new AuthorSetup(router, throttle);
    }

    private Author backend(ModelRef ref) {
        if (ref.provider().equals("claude-code")) {
            Path exe = ModelAuthors.claudeExecutable(env).orElseThrow(() -> new ConfigException(
                    "claude executable not found on PATH; install Claude Code or set SCENARIST_CLAUDE to its path"));
            return ModelAuthors.claudeCode(ref, exe, env, redactor);
        }
        ProviderSettings settings = settings(ref.provider());
        settings.apiKey().ifPresent(redactor::register);
        String host = settings.baseUrl().getHost() == null ? "" : settings.baseUrl().getHost();
        if (settings.apiKey().isEmpty() && (host.endsWith("openai.com") || host.endsWith("anthropic.com"))) {
            String var = ref.provider().equals("anthropic") ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY";
            throw new ConfigException("no API key for " + ref + ": set $" + var + " (or name another variable with providers."
                    + ref.provider() + ".api_key_env in the campaign config)");
        }
        return ModelAuthors.http(ref, settings, prices, throttle(ref), redactor, Clock.systemUTC());
    }

    private ProviderSettings settings(String provider) {
        ProviderSettings s;
        try {
            s = ProviderSettings.fromEnvironment(provider, env);
            CampaignConfig.Provider p = providers.get(provider);
            if (p != null && p.baseUrl() != null) s = s.withBaseUrl(ProviderSettings.parseUrl(p.baseUrl(), "providers." + provider + ".base_url"));
            if (p != null && p.structuredOutput() != null) s = s.withStructuredOutput(p.structuredOutput());
            if (p != null && p.apiKeyEnv() != null) {
                String v = env.get(p.apiKeyEnv());
                if (v == null || v.isBlank()) {
                    throw new ConfigException("providers." + provider + ".api_key_env names $" + p.apiKeyEnv() + ", which is not set; export it");
                }
                s = s.withApiKey(new Secret(v, "$" + p.apiKeyEnv()));
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        return s;
    }

    private ProviderThrottle throttle(ModelRef ref) {
        return throttles.computeIfAbsent(ref, r -> {
            CampaignConfig.Provider p = providers.get(r.provider());
            // keyed by the API key's hash too: two keys have two sets of limits, one key used by many workers has one
            var key = RateLimitKey.of(r, r.provider().equals("claude-code") ? Optional.empty() : settings(r.provider()).apiKey());
            return ProviderThrottle.shared(rateLimitState(), key,
                    p == null || p.requestsPerMinute() == null ? OptionalLong.empty() : OptionalLong.of(p.requestsPerMinute()),
                    p == null || p.tokensPerMinute() == null ? OptionalLong.empty() : OptionalLong.of(p.tokensPerMinute()));
        });
    }

    private RateLimitState rateLimitState() {
        RateLimitState s = rateLimitState;
        if (s == null) {
            synchronized (this) {
                if (rateLimitState == null) rateLimitState = rateLimits.get();
                s = rateLimitState;
            }
        }
        return s;
    }

    private static AuthorRequest probe() {
        return new AuthorRequest("probe", "", "", dev.scenarist.core.author.ModelSettings.DEFAULTS, 1, 0, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, CampaignConfig.Provider> readProviders(Map<String, Object> settings) {
        Object p = settings.get("providers");
        if (p == null) return Map.of();
        Map<String, CampaignConfig.Provider> out = new LinkedHashMap<>();
        ((Map<String, Object>) p).forEach((k, v) -> out.put(k, Json.mapper().convertValue(v, CampaignConfig.Provider.class)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Price> readPrices(Map<String, Object> settings) {
        Object p = settings.get("prices");
        if (p == null) return Map.of();
        Map<String, Price> out = new LinkedHashMap<>();
        ((Map<String, Object>) p).forEach((k, v) -> {
            var c = Json.mapper().convertValue(v, CampaignConfig.Price.class);
            out.put(k, new Price(orZero(c.input()), orZero(c.output()), orZero(c.cacheRead()), orZero(c.cacheWrite())));
        });
        return out;
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }
}
