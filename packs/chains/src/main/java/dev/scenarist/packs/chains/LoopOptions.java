package dev.scenarist.packs.chains;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The analyst/coder loop's settings.
 *
 * @param maxIterations   the loop ends after this many pack runs at most
 * @param coder           the command run between iterations with the backlog, if any
 * @param afterIteration  called once an iteration is recorded in {@code loop_state.json} (progress; tests stop the loop here to
 *                        simulate a crash)
 */
public record LoopOptions(int maxIterations, Optional<Coder> coder, IntConsumer afterIteration) {
    public static final int DEFAULT_MAX_ITERATIONS = 5;
    public static final Duration DEFAULT_CODER_TIMEOUT = Duration.ofMinutes(30);

    public LoopOptions {
        if (maxIterations < 1 || maxIterations > 1000) throw new IllegalArgumentException("--max-iterations must be 1..1000, got " + maxIterations);
        Objects.requireNonNull(coder, "coder");
        Objects.requireNonNull(afterIteration, "afterIteration");
    }

    /**
     * The coder hook: {@code command} runs through {@code sh -c} in {@code workingDir} with {@code SCENARIST_BACKLOG} (the
     * backlog JSON's path), {@code SCENARIST_BACKLOG_MD}, {@code SCENARIST_ITERATION}, {@code SCENARIST_PACK_DIR} and
     * {@code env} added to its environment; its exit code and output are kept in the iteration's folder.
     */
    public record Coder(String command, Path workingDir, Duration timeout, Map<String, String> env) {
        public Coder {
            if (command == null || command.isBlank()) throw new IllegalArgumentException("--coder needs a command");
            Objects.requireNonNull(workingDir, "workingDir");
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the coder timeout must be positive, got " + timeout);
            env = Map.copyOf(env);
        }
    }
}
