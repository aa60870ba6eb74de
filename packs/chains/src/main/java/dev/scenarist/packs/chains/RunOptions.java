package dev.scenarist.packs.chains;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a case, scenario or pack is run.
 *
 * @param out          the {@code domain_runs} folder: a scenario goes to {@code out/<scenario_id>/}, a pack to {@code out/<pack_id>/}
 * @param gate         the analyst score (0–100) acceptance needs, with no open P0 (default 80)
 * @param flakyRetries how many times a step that failed is asked again before it counts as failed (reported as flaky if a re-run passes)
 */
public record RunOptions(Target target, Path out, int gate, int flakyRetries, AnalystSpec analyst) {
    public static final int DEFAULT_GATE = 80;
    public static final int DEFAULT_FLAKY_RETRIES = 1;

    public RunOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(out, "out");
        if (gate < 0 || gate > 100) throw new IllegalArgumentException("--gate must be between 0 and 100, got " + gate);
        if (flakyRetries < 0 || flakyRetries > 10) throw new IllegalArgumentException("--flaky-retries must be between 0 and 10, got " + flakyRetries);
        Objects.requireNonNull(analyst, "analyst");
    }
}
