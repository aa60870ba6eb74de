package dev.scenarist.app.cli;

import dev.scenarist.app.config.CampaignConfig;
import dev.scenarist.app.config.ConfigException;
import dev.scenarist.app.wiring.AuthorFactory;
import dev.scenarist.core.campaign.CampaignBudget;
import dev.scenarist.core.campaign.CampaignSpec;
import dev.scenarist.core.engine.StageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** The options that shape a campaign; command-line values win over the --config file's. */
final class CampaignOptions {
    @Option(names = "--author", paramLabel = "AUTHOR", description = {"offline (default: the pack's own author, no model), cassette:FILE,",
            "or a model: openai:gpt-4.1, anthropic:claude-sonnet-4-5, ollama:qwen2.5-coder:14b, claude-code:sonnet."})
    String author;

    @Option(names = "--config", paramLabel = "FILE", description = "Campaign configuration (YAML): author, budgets, model settings per stage.")
    Path config;

    @Option(names = "--concurrency", paramLabel = "K", description = "Runs in flight at once (default 4).")
    Integer concurrency;

    @Option(names = "--seed", paramLabel = "S", description = "Campaign seed; run n uses seed S+n (default 0).")
    Long seed;

    @Option(names = "--tier", paramLabel = "T", description = "Pack option 'tier' (packs that have tiers, e.g. mechanisms).")
    String tier;

    @Option(names = "--family", paramLabel = "ID", description = "Pack option 'family' (packs with scenario families, e.g. appworld).")
    String family;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "Any pack option (repeatable); the pack refuses one it does not take.")
    Map<String, String> packOptions;

    @Option(names = "--max-runs", paramLabel = "N", description = "Stop after starting N runs (default 10 x count).")
    Integer maxRuns;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Stop before spending more than N tokens.")
    Long maxTokens;

    @Option(names = "--max-cost", paramLabel = "USD", description = "Stop before spending more than USD dollars.")
    Double maxCost;

    @Option(names = "--max-wall", paramLabel = "DURATION", description = "Stop after this much wall time, e.g. 90s, 30m, 2h.")
    String maxWall;

    @Option(names = "--category", paramLabel = "LABEL", description = "A label to group campaigns by (dashboard tabs, analytics).")
    String category;

    @Option(names = "--approve-after", paramLabel = "STAGE", description = "Pause each run after this stage until a person approves it (repeatable).")
    java.util.List<String> approveAfter;

    @Option(names = "--lessons", negatable = true, description = "Add guidance learnt from the pack's frequent findings to the prompts (default off).")
    Boolean lessons;

    @Option(names = "--record", paramLabel = "FILE", description = "Append every author reply to this cassette file.")
    Path record;

    /** The --config file, read and checked whole (even the values the options override); EMPTY without one. */
    CampaignConfig config() {
        if (loaded == null) loaded = config == null ? CampaignConfig.EMPTY : CampaignConfig.load(config);
        return loaded;
    }

    private CampaignConfig loaded;

    CampaignSpec toSpec(String pack, int count) {
        CampaignConfig c = config();
        var b = c.budget() == null ? CampaignConfig.Budget.NONE : c.budget();
        Integer runs = maxRuns != null ? maxRuns : b.maxRuns();
        Long tokens = maxTokens != null ? maxTokens : b.maxTokens();
        Double cost = maxCost != null ? maxCost : b.maxCostUsd();
        Duration wall = maxWall != null ? CampaignConfig.parseDuration(maxWall, "--max-wall") : b.maxWall();
        Map<String, String> options = new HashMap<>(c.options() == null ? Map.of() : c.options());
        if (packOptions != null) options.putAll(packOptions);
        if (tier != null) options.put("tier", tier);
        if (family != null) options.put("family", family);
        try {
            var budget = new CampaignBudget(runs == null ? OptionalInt.empty() : OptionalInt.of(runs),
                    tokens == null ? OptionalLong.empty() : OptionalLong.of(tokens),
                    cost == null ? OptionalDouble.empty() : OptionalDouble.of(cost), Optional.ofNullable(wall));
            return new CampaignSpec(pack, count, author != null ? author : c.author() != null ? c.author() : AuthorFactory.OFFLINE,
                    seed != null ? seed : c.seed() != null ? c.seed() : 0,
                    concurrency != null ? concurrency : c.concurrency() != null ? c.concurrency() : CampaignSpec.DEFAULT_CONCURRENCY,
                    budget, c.stageOverrides(), options, c.authorSettings(),
                    category != null ? category : c.category(), approveAfter != null ? approveAfter : c.approveAfter(),
                    lessons != null ? lessons : Boolean.TRUE.equals(c.lessons()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
