package dev.scenarist.core.pack;

import dev.scenarist.core.author.ModelSettings;
import java.util.List;
import java.util.Objects;

/**
 * What a stage may do: which files (or {@code file#region}s) it may edit, which tools the model may use,
 * which model settings it runs with, and how many attempts it gets. Immutable and validated when built.
 *
 * @param editable     relative paths or {@code path#region}; a reply touching anything else is reverted with a finding;
 *                     empty means the stage's declared output files
 * @param tools        tool names a tool-using author may use (e.g. {@code read}, {@code search}); empty = none
 * @param model        model settings for this stage (overrides the campaign's)
 * @param maxAttempts  content attempts before the run is rejected; default 3
 */
public record StagePolicy(List<String> editable, List<String> tools, ModelSettings model, int maxAttempts) {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    public StagePolicy {
        editable = List.copyOf(editable);
        tools = List.copyOf(tools);
        Objects.requireNonNull(model, "model");
        if (maxAttempts < 1 || maxAttempts > 50) {
            throw new IllegalArgumentException("max attempts must be between 1 and 50, got " + maxAttempts);
        }
    }

    public static StagePolicy editing(String... files) {
        return new StagePolicy(List.of(files), List.of(), ModelSettings.DEFAULTS, DEFAULT_MAX_ATTEMPTS);
    }

    public static StagePolicy readOnly() {
        return new StagePolicy(List.of(), List.of("read", "search"), ModelSettings.DEFAULTS, DEFAULT_MAX_ATTEMPTS);
    }

    public StagePolicy withMaxAttempts(int n) {
        return new StagePolicy(editable, tools, model, n);
    }

    public StagePolicy withModel(ModelSettings m) {
        return new StagePolicy(editable, tools, m, maxAttempts);
    }
}
