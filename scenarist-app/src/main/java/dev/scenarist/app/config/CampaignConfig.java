package dev.scenarist.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.scenarist.core.author.ModelSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A campaign configuration file ({@code --config FILE}), YAML. Every key is optional; command-line options win.
 *
 * <pre>
 * author: offline            # offline | cassette:FILE | provider:model
 * concurrency: 4
 * seed: 42
 * budget: {max_runs: 50, max_tokens: 200000, max_cost_usd: 5.0, max_wall: 30m}
 * models:
 *   default: {model: gpt-4.1, temperature: 0.2, max_tokens: 4000, timeout: 2m}
 *   stages:
 *     describe: {temperature: 0.8}
 * options: {tier: "2"}
 * providers:
 *   openai: {base_url: http://localhost:8000/v1, api_key_env: VLLM_KEY, requests_per_minute: 60, tokens_per_minute: 100000,
 *            structured_output: true}   # ask for JSON matching the stage's files (default: on for api.openai.com, Anthropic, Ollama)
 * prices:
 *   my-finetune: {input: 1.0, output: 2.0}
 * </pre>
 */
public record CampaignConfig(String author, Integer concurrency, Long seed, Budget budget, Models models, Map<String, String> options,
                             Map<String, Provider> providers, Map<String, Price> prices) {
    /**
     * Where and how to reach a provider. Keys are never written in the file: {@code api_key_env} names the
     * environment variable that holds it (default: the provider's own, e.g. OPENAI_API_KEY).
     */
    public record Provider(@JsonProperty("base_url") String baseUrl, @JsonProperty("api_key_env") String apiKeyEnv,
                           @JsonProperty("requests_per_minute") Long requestsPerMinute,
                           @JsonProperty("tokens_per_minute") Long tokensPerMinute,
                           @JsonProperty("structured_output") Boolean structuredOutput) {}

    /** USD per million tokens; overrides the built-in price table for a model (or a model-name prefix). */
    public record Price(Double input, Double output, @JsonProperty("cache_read") Double cacheRead,
                        @JsonProperty("cache_write") Double cacheWrite) {}

    public record Budget(@JsonProperty("max_runs") Integer maxRuns, @JsonProperty("max_tokens") Long maxTokens,
                         @JsonProperty("max_cost_usd") Double maxCostUsd, @JsonProperty("max_wall") String maxWall) {}

    public record Model(String model, Double temperature, @JsonProperty("max_tokens") Integer maxTokens, String timeout) {
        ModelSettings toSettings(String where) {
            return new ModelSettings(Optional.ofNullable(model),
                    temperature == null ? OptionalDouble.empty() : OptionalDouble.of(temperature),
                    maxTokens == null ? OptionalInt.empty() : OptionalInt.of(maxTokens),
                    timeout == null ? ModelSettings.DEFAULT_TIMEOUT : parseDuration(timeout, where + ".timeout"));
        }
    }

    public record Models(Model defaults, Map<String, Model> stages) {
        @com.fasterxml.jackson.annotation.JsonCreator
        public Models(@JsonProperty("default") Model defaults, @JsonProperty("stages") Map<String, Model> stages) {
            this.defaults = defaults;
            this.stages = stages == null ? Map.of() : stages;
        }
    }

    public static final CampaignConfig EMPTY = new CampaignConfig(null, null, null, null, null, Map.of(), Map.of(), Map.of());

    public CampaignConfig {
        options = options == null ? Map.of() : options;
        providers = providers == null ? Map.of() : providers;
        prices = prices == null ? Map.of() : prices;
    }

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public static CampaignConfig load(Path file) {
        String text = "";
        try {
            text = Files.readString(file);
            CampaignConfig c = YAML.readValue(text, CampaignConfig.class);
            return c == null ? EMPTY : c;
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist; pass the path of a YAML campaign configuration");
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ":" + lineOfKey(text, String.valueOf(e.getPropertyName()), e.getLocation().getLineNr())
                    + ": unknown key '" + e.getPropertyName()
                    + "'; known keys here: " + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new ConfigException(file + where + ": " + e.getOriginalMessage() + " (at " + e.getPathReference() + ")");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    /** Jackson reports where the parser stopped (after the value); a person wants the line of the key itself. */
    private static int lineOfKey(String text, String key, int fallback) {
        String[] lines = text.split("\n", -1);
        var p = java.util.regex.Pattern.compile("^\\s*(-\\s+)?[\"']?" + java.util.regex.Pattern.quote(key) + "[\"']?\\s*:");
        for (int i = 0; i < lines.length; i++) if (p.matcher(lines[i]).find()) return i + 1;
        return fallback;
    }

    /** What a campaign stores so that, resumed, it reaches its models the same way (providers, prices). */
    public Map<String, Object> authorSettings() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (!providers.isEmpty()) m.put("providers", dev.scenarist.core.model.Json.read(dev.scenarist.core.model.Json.write(providers), Map.class));
        if (!prices.isEmpty()) m.put("prices", dev.scenarist.core.model.Json.read(dev.scenarist.core.model.Json.write(prices), Map.class));
        return m;
    }

    public Map<String, ModelSettings> stageSettings() {
        Map<String, ModelSettings> out = new TreeMap<>();
        if (models != null) models.stages().forEach((k, v) -> out.put(k, v.toSettings("models.stages." + k)));
        return out;
    }

    public ModelSettings defaultSettings() {
        return models == null || models.defaults() == null ? ModelSettings.DEFAULTS : models.defaults().toSettings("models.default");
    }

    /** {@code 90s}, {@code 5m}, {@code 2h}, or ISO-8601 ({@code PT5M}). */
    public static Duration parseDuration(String text, String where) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("pt")) return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new ConfigException(where + ": '" + text + "' is not a duration; write e.g. 90s, 5m or 2h");
        }
    }
}
