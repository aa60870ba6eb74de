package dev.scenarist.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scenarist.core.author.ModelSettings;
import dev.scenarist.core.text.DidYouMean;
import dev.scenarist.core.text.DurationText;
import dev.scenarist.packs.yaml.tree.FieldProblem;
import dev.scenarist.packs.yaml.tree.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A campaign configuration file ({@code --config FILE}), YAML. Every key is optional; command-line options win, but
 * the file is checked whole whatever the options say (see {@link CampaignConfigReader}).
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
 * category: onboarding       # a label to group campaigns by (dashboard tabs, analytics)
 * approve_after: [plan]      # stages after which a run waits for a person's approval
 * lessons: true              # add guidance learnt from the pack's frequent findings to the prompts
 * attempts: {queries: 4}     # content attempts of a stage (1-5), instead of the pack's own
 * refine_rounds: {polish: 2} # rounds of a refine stage (1-5), instead of the pack's own
 * </pre>
 */
public record CampaignConfig(String author, Integer concurrency, Long seed, Budget budget, Models models, Map<String, String> options,
                             Map<String, Provider> providers, Map<String, Price> prices, String category,
                             List<String> approveAfter, Boolean lessons, Map<String, SourceLocation> approveAfterAt,
                             StageCounts stageCounts) {
    /**
     * Per-stage attempts and refine rounds, already checked to be 1–5; {@code keys} say where each stage name was
     * written, so a name the pack lacks is reported at its line once the pack is known ({@link #requireStagesOf}).
     */
    public record StageCounts(Map<String, Integer> attempts, Map<String, Integer> refineRounds, Map<String, SourceLocation> keys) {
        public static final StageCounts NONE = new StageCounts(Map.of(), Map.of(), Map.of());

        public StageCounts {
            attempts = attempts == null ? Map.of() : Map.copyOf(attempts);
            refineRounds = refineRounds == null ? Map.of() : Map.copyOf(refineRounds);
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }
    }

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

    /** {@code maxWall} is already checked: longer than zero. */
    public record Budget(Integer maxRuns, Long maxTokens, Double maxCostUsd, Duration maxWall) {
        public static final Budget NONE = new Budget(null, null, null, null);
    }

    /** A model's settings, already checked (temperature 0–2, positive max tokens, timeout longer than zero). */
    public record Model(String model, Double temperature, Integer maxTokens, Duration timeout) {
        ModelSettings toSettings() {
            return new ModelSettings(Optional.ofNullable(model),
                    temperature == null ? OptionalDouble.empty() : OptionalDouble.of(temperature),
                    maxTokens == null ? OptionalInt.empty() : OptionalInt.of(maxTokens),
                    timeout == null ? ModelSettings.DEFAULT_TIMEOUT : timeout);
        }
    }

    /**
     * @param stageKeys where each stage name was written, so a name the pack lacks is reported at its line once the
     *                  pack is known ({@link #requireStagesOf})
     */
    public record Models(Model defaults, Map<String, Model> stages, Map<String, SourceLocation> stageKeys) {
        public Models {
            stages = stages == null ? Map.of() : Map.copyOf(stages);
            stageKeys = stageKeys == null ? Map.of() : Map.copyOf(stageKeys);
        }
    }

    public static final CampaignConfig EMPTY = new CampaignConfig(null, null, null, null, null, Map.of(), Map.of(), Map.of(), null, List.of(), null, Map.of(),
            StageCounts.NONE);

    public CampaignConfig {
        options = options == null ? Map.of() : options;
        providers = providers == null ? Map.of() : providers;
        prices = prices == null ? Map.of() : prices;
        approveAfter = approveAfter == null ? List.of() : List.copyOf(approveAfter);
        stageCounts = stageCounts == null ? StageCounts.NONE : stageCounts;
        approveAfterAt = approveAfterAt == null ? Map.of() : Map.copyOf(approveAfterAt);
    }

    /**
     * Reads and checks a configuration file, reporting every problem at once.
     *
     * @throws ConfigException naming each problem's file:line:column, field and fix
     */
    public static CampaignConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist; pass the path of a YAML campaign configuration");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ConfigException("config file " + file + " is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        return new CampaignConfigReader(file.toString()).read(text);
    }

    /**
     * Reads and checks a configuration given as text (YAML, or JSON, which is YAML too) — a campaign request of the
     * server — with the same rules and messages as a file.
     *
     * @param source what to call it in messages, e.g. {@code request}
     * @throws ConfigException naming each problem's field and fix
     */
    public static CampaignConfig parse(String text, String source) {
        return new CampaignConfigReader(source).read(text);
    }

    /**
     * Model settings and approval gates may only name stages the pack has: a misspelled stage would otherwise be ignored
     * silently (a gate that never pauses anything).
     *
     * @throws ConfigException at the line of each unknown stage, with the closest stage and the pack's stages
     */
    public void requireStagesOf(String pack, List<String> stages) {
        requireStagesOf(pack, stages, stages);
    }

    /**
     * Every stage the file names exists in the pack; refine rounds are set only for refine stages.
     *
     * @param refineStages the pack's refine stages
     */
    public void requireStagesOf(String pack, List<String> stages, List<String> refineStages) {
        List<FieldProblem> problems = new ArrayList<>();
        if (models != null) {
            for (var e : models.stageKeys().entrySet()) {
                if (stages.contains(e.getKey())) continue;
                problems.add(new FieldProblem(e.getValue(), "models.stages", "pack '" + pack + "' has no stage '" + e.getKey() + "'",
                        stageFix(pack, e.getKey(), stages)));
            }
        }
        for (var e : approveAfterAt.entrySet()) {
            if (stages.contains(e.getKey())) continue;
            problems.add(new FieldProblem(e.getValue(), "approve_after", "pack '" + pack + "' has no stage '" + e.getKey() + "' to approve after",
                    stageFix(pack, e.getKey(), stages)));
        }
        for (String stage : stageCounts.attempts().keySet()) {
            if (stages.contains(stage)) continue;
            problems.add(new FieldProblem(stageCounts.keys().get("attempts." + stage), "attempts",
                    "pack '" + pack + "' has no stage '" + stage + "'", stageFix(pack, stage, stages)));
        }
        for (String stage : stageCounts.refineRounds().keySet()) {
            if (refineStages.contains(stage)) continue;
            String why = stages.contains(stage) ? "stage '" + stage + "' of pack '" + pack + "' is not a refine stage"
                    : "pack '" + pack + "' has no stage '" + stage + "'";
            problems.add(new FieldProblem(stageCounts.keys().get("refine_rounds." + stage), "refine_rounds", why,
                    refineStages.isEmpty() ? "remove refine_rounds: pack '" + pack + "' has no refine stage"
                            : DidYouMean.hint(stage, refineStages) + "(its refine stages: " + String.join(", ", refineStages) + ")"));
        }
        if (!problems.isEmpty()) throw new ConfigException(problems.getFirst().location().file(), problems);
    }

    /**
     * Stages named by {@code --approve-after} (or any list of gates without a place in a file) must be the pack's.
     *
     * @param option what to call them in the message, e.g. {@code --approve-after}
     * @throws ConfigException naming each unknown stage, the closest one and the pack's stages
     */
    public static void requireGateStages(String option, String pack, List<String> gates, List<String> stages) {
        List<String> bad = gates.stream().filter(g -> !stages.contains(g)).toList();
        if (bad.isEmpty()) return;
        throw new ConfigException(String.join("; ", bad.stream().map(g -> option + ": pack '" + pack + "' has no stage '" + g + "'; "
                + stageFix(pack, g, stages)).toList()));
    }

    private static String stageFix(String pack, String stage, List<String> stages) {
        return DidYouMean.hint(stage, stages) + "(pack '" + pack + "' has the stages " + String.join(", ", stages) + ")";
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
        if (models != null) models.stages().forEach((k, v) -> out.put(k, v.toSettings()));
        return out;
    }

    /** Everything the file lays over the pack's stages: model settings, attempts and refine rounds. */
    public dev.scenarist.core.engine.StageSettings stageOverrides() {
        return new dev.scenarist.core.engine.StageSettings(defaultSettings(), stageSettings(), stageCounts.attempts(), stageCounts.refineRounds());
    }

    public ModelSettings defaultSettings() {
        return models == null || models.defaults() == null ? ModelSettings.DEFAULTS : models.defaults().toSettings();
    }

    /**
     * A duration given on the command line.
     *
     * @param option the option, named in the message ({@code --max-wall})
     */
    public static Duration parseDuration(String text, String option) {
        try {
            return DurationText.parse(text);
        } catch (DurationText.InvalidDuration e) {
            throw new ConfigException(option + ": " + e.getMessage());
        }
    }
}
