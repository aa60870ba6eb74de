package dev.scenarist.core.model;

/**
 * Tokens and money spent by author calls. Adds up across calls, attempts, runs and campaigns.
 */
public record Usage(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens, double costUsd) {
    public static final Usage ZERO = new Usage(0, 0, 0, 0, 0.0);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || cacheReadTokens < 0 || cacheWriteTokens < 0 || costUsd < 0) {
            throw new IllegalArgumentException("usage cannot be negative: " + inputTokens + "/" + outputTokens + "/"
                    + cacheReadTokens + "/" + cacheWriteTokens + "/" + costUsd);
        }
    }

    public static Usage tokens(long input, long output) {
        return new Usage(input, output, 0, 0, 0.0);
    }

    public Usage plus(Usage o) {
        return new Usage(inputTokens + o.inputTokens, outputTokens + o.outputTokens,
                cacheReadTokens + o.cacheReadTokens, cacheWriteTokens + o.cacheWriteTokens, costUsd + o.costUsd);
    }

    public Usage withCost(double usd) {
        return new Usage(inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, usd);
    }

    public long totalTokens() {
        return inputTokens + outputTokens + cacheReadTokens + cacheWriteTokens;
    }
}
