package dev.scenarist.models;

import dev.scenarist.core.model.Usage;

/**
 * What a model charges, in US dollars per million tokens: uncached input, output, input read from the prompt
 * cache, and input written to it. {@link #ZERO} for local models.
 */
public record Price(double inputPerMillion, double outputPerMillion, double cacheReadPerMillion, double cacheWritePerMillion) {
    public static final Price ZERO = new Price(0, 0, 0, 0);

    public Price {
        check("input", inputPerMillion);
        check("output", outputPerMillion);
        check("cache read", cacheReadPerMillion);
        check("cache write", cacheWritePerMillion);
    }

    /** A model without a prompt cache discount: cached input costs what input costs. */
    public static Price of(double inputPerMillion, double outputPerMillion) {
        return new Price(inputPerMillion, outputPerMillion, inputPerMillion, inputPerMillion);
    }

    /** The dollars {@code usage} costs at this price (its own {@code costUsd} is ignored). */
    public double cost(Usage usage) {
        return (usage.inputTokens() * inputPerMillion + usage.outputTokens() * outputPerMillion
                + usage.cacheReadTokens() * cacheReadPerMillion + usage.cacheWriteTokens() * cacheWritePerMillion) / 1_000_000.0;
    }

    private static void check(String what, double perMillion) {
        if (!Double.isFinite(perMillion) || perMillion < 0) {
            throw new IllegalArgumentException(what + " price must be a finite, non-negative number of USD per million tokens, got "
                    + perMillion);
        }
    }
}
