package dev.scenarist.models;

import dev.scenarist.core.model.Usage;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Prices of models by name. A model is looked up by its exact name, then by the longest known name it starts
 * with followed by {@code -}, {@code :}, {@code @}, {@code _} or {@code /}, so dated snapshots such as
 * {@code claude-sonnet-4-5-20250929} or {@code gpt-4.1-2025-04-14} find their family's price. Names are
 * compared case-insensitively. Unknown models (local Ollama models among them) cost nothing.
 *
 * <p>{@link #defaults()} holds list prices of common OpenAI and Anthropic models as of late 2025 (standard
 * tier, 5-minute cache writes, prompts under 200k tokens); configuration overrides or adds entries with
 * {@link #withOverrides(Map)}. Instances are immutable.
 */
public final class PriceTable {
    private static final PriceTable DEFAULTS = new PriceTable(defaultPrices());
    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    public static PriceTable defaults() {
        return DEFAULTS;
    }

    /** A table with only these prices (everything else costs nothing). */
    public static PriceTable of(Map<String, Price> prices) {
        return new PriceTable(normalised(prices));
    }

    /** This table with {@code overrides} replacing or adding entries; keys are model names or name prefixes. */
    public PriceTable withOverrides(Map<String, Price> overrides) {
        Map<String, Price> merged = new HashMap<>(prices);
        merged.putAll(normalised(overrides));
        return new PriceTable(merged);
    }

    /** The price for {@code model}, by exact name then longest prefix; empty when the table does not know it. */
    public Optional<Price> find(String model) {
        if (model == null || model.isBlank()) return Optional.empty();
        String name = model.trim().toLowerCase(Locale.ROOT);
        Price exact = prices.get(name);
        if (exact != null) return Optional.of(exact);
        String best = null;
        for (String known : prices.keySet()) {
            if (name.length() > known.length() && name.startsWith(known) && "-:@_/".indexOf(name.charAt(known.length())) >= 0
                    && (best == null || known.length() > best.length())) {
                best = known;
            }
        }
        return Optional.ofNullable(best).map(prices::get);
    }

    /** The price for {@code model}, {@link Price#ZERO} when unknown. */
    public Price price(String model) {
        return find(model).orElse(Price.ZERO);
    }

    /** {@code usage} with its {@code costUsd} set to what its tokens cost at {@code model}'s price. */
    public Usage cost(String model, Usage usage) {
        Objects.requireNonNull(usage, "usage");
        return new Usage(usage.inputTokens(), usage.outputTokens(), usage.cacheReadTokens(), usage.cacheWriteTokens(),
                price(model).cost(usage));
    }

    /** The known model names (and prefixes), sorted, with their prices: for {@code scenarist models} listings. */
    public Map<String, Price> entries() {
        return new TreeMap<>(prices);
    }

    private static Map<String, Price> normalised(Map<String, Price> prices) {
        Map<String, Price> out = new HashMap<>();
        prices.forEach((model, price) -> {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("price table entry has a blank model name; name the model, e.g. gpt-4.1");
            }
            out.put(model.trim().toLowerCase(Locale.ROOT),
                    Objects.requireNonNull(price, () -> "price table entry '" + model + "' has no price"));
        });
        return out;
    }

    private static Map<String, Price> defaultPrices() {
        Map<String, Price> p = new HashMap<>();
        // OpenAI: openAi(input, cached input, output); there is no separate cache write charge
        p.put("gpt-4.1", openAi(2.00, 0.50, 8.00));
        p.put("gpt-4.1-mini", openAi(0.40, 0.10, 1.60));
        p.put("gpt-4.1-nano", openAi(0.10, 0.025, 0.40));
        p.put("gpt-4o", openAi(2.50, 1.25, 10.00));
        p.put("gpt-4o-mini", openAi(0.15, 0.075, 0.60));
        p.put("gpt-5", openAi(1.25, 0.125, 10.00));
        p.put("gpt-5-mini", openAi(0.25, 0.025, 2.00));
        p.put("gpt-5-nano", openAi(0.05, 0.005, 0.40));
        p.put("o1", openAi(15.00, 7.50, 60.00));
        p.put("o3", openAi(2.00, 0.50, 8.00));
        p.put("o3-pro", openAi(20.00, 20.00, 80.00));
        p.put("o3-mini", openAi(1.10, 0.55, 4.40));
        p.put("o4-mini", openAi(1.10, 0.275, 4.40));
        // Anthropic: new Price(input, output, cache read = 0.1 x input, cache write = 1.25 x input for the 5-minute cache)
        p.put("claude-opus-4", new Price(15.00, 75.00, 1.50, 18.75));
        p.put("claude-opus-4-1", new Price(15.00, 75.00, 1.50, 18.75));
        p.put("claude-opus-4-5", new Price(5.00, 25.00, 0.50, 6.25));
        p.put("claude-sonnet-4", new Price(3.00, 15.00, 0.30, 3.75));
        p.put("claude-sonnet-4-5", new Price(3.00, 15.00, 0.30, 3.75));
        p.put("claude-3-7-sonnet", new Price(3.00, 15.00, 0.30, 3.75));
        p.put("claude-3-5-sonnet", new Price(3.00, 15.00, 0.30, 3.75));
        p.put("claude-haiku-4-5", new Price(1.00, 5.00, 0.10, 1.25));
        p.put("claude-3-5-haiku", new Price(0.80, 4.00, 0.08, 1.00));
        p.put("claude-3-haiku", new Price(0.25, 1.25, 0.03, 0.30));
        return p;
    }

    private static Price openAi(double input, double cachedInput, double output) {
        return new Price(input, output, cachedInput, input);
    }
}
