package dev.scenarist.models.internal.claudecode;

import dev.scenarist.core.author.AuthorRequest;

/**
 * Supplies, per request, what {@link AuthorRequest} does not carry: the run's workspace and the stage's
 * editable files and tools. The application wiring implements it from the engine's knowledge (run id → workspace
 * folder, stage name → {@code StagePolicy.editable()} resolved to files), typically with
 * {@link ClaudeCodeInvocation#forStage}.
 *
 * <p>An {@link IllegalArgumentException} or {@link IllegalStateException} thrown here (unknown stage, bad path)
 * becomes a permanent author failure naming the stage.
 */
@FunctionalInterface
public interface ToolPolicyResolver {
    ClaudeCodeInvocation resolve(AuthorRequest request);
}
