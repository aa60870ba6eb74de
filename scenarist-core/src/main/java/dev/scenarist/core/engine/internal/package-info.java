/**
 * The pipeline engine. <b>Internal</b>: only core uses it (the campaigns facade and its runner); nothing outside core
 * may (the app's LayeringTest checks it).
 *
 * <p>One run: {@link dev.scenarist.core.engine.internal.RunExecutor} recovers the run's workspace and, for each stage of
 * the pack's pipeline, picks the {@link dev.scenarist.core.engine.internal.StageRunner} of the stage's kind with a switch
 * over the sealed {@link dev.scenarist.core.pack.Stage}:
 * <ul>
 *   <li>author stage → {@link dev.scenarist.core.engine.internal.AuthorStageRunner}; an author stage with
 *       {@code verifyFirst} → {@link dev.scenarist.core.engine.internal.VerifyStageRunner} (checks first, then repairs);</li>
 *   <li>review stage → {@link dev.scenarist.core.engine.internal.ReviewStageRunner};</li>
 *   <li>refine stage → {@link dev.scenarist.core.engine.internal.RefineStageRunner};</li>
 *   <li>gate stage → {@link dev.scenarist.core.engine.internal.GateStageRunner}.</li>
 * </ul>
 * A runner decides; it does not write. Its tools ({@link dev.scenarist.core.engine.internal.StageTools}) do:
 * {@link dev.scenarist.core.engine.internal.Authoring} builds the prompt ({@link dev.scenarist.core.engine.internal.PromptBuilder})
 * and calls the author through the {@link dev.scenarist.core.engine.internal.AuthorGateway} (budget, throttle, circuit
 * breaker, retries); {@link dev.scenarist.core.engine.internal.StageChecks} runs the checks through the
 * {@link dev.scenarist.core.engine.internal.CheckRunner} (cheapest tier first).
 *
 * <p><b>Where a commit happens:</b> {@link dev.scenarist.core.engine.internal.AttemptJournal} commits each attempt as one
 * unit — the workspace snapshot, the trajectory line ({@link dev.scenarist.core.engine.internal.TrajectoryLog}, fsync'd),
 * then one store transaction ({@link dev.scenarist.core.store.AttemptCommit}) with the run's next version; the store is
 * the point of truth, so a run killed at any moment resumes from its last committed attempt.
 * {@link dev.scenarist.core.engine.internal.FailureArchive} ends a run that fails (archive, then commit through the
 * journal); {@link dev.scenarist.core.engine.internal.Acceptance} catalogues an accepted one (uniqueness decided inside
 * the store's acceptance transaction). {@link dev.scenarist.core.engine.internal.RunRewinder} prepares
 * {@code resume --from-stage}.
 */
package dev.scenarist.core.engine.internal;
