/**
 * The engine's options: the values the application wires once and hands to the campaigns facade. <b>API</b>, for the
 * app, benchmarks and a future server; the engine itself is in {@code engine.internal}.
 *
 * <ul>
 *   <li>{@link dev.scenarist.core.engine.EngineServices} — everything from the outside world, grouped as
 *       {@link dev.scenarist.core.engine.Storage} (store, data folder, redaction),
 *       {@link dev.scenarist.core.engine.TimeAndChance} (clock, {@link dev.scenarist.core.engine.Sleeper}, ids, randomness),
 *       {@link dev.scenarist.core.engine.Resilience} ({@link dev.scenarist.core.engine.RetryOptions},
 *       {@link dev.scenarist.core.engine.CircuitOptions}) and the similarity index;</li>
 *   <li>{@link dev.scenarist.core.engine.DataLayout} — where the data folder keeps runs, scenarios and datasets;</li>
 *   <li>{@link dev.scenarist.core.engine.StageSettings} — model settings per stage, part of a campaign's spec.</li>
 * </ul>
 *
 * <p>Where things happen, in {@code engine.internal}: {@code RunExecutor} runs one run stage by stage and hands each stage
 * to the runner of its kind — {@code AuthorStageRunner} (author), {@code VerifyStageRunner} (author stage that checks
 * first), {@code ReviewStageRunner} (review), {@code RefineStageRunner} (refine), {@code GateStageRunner} (gate);
 * {@code AttemptJournal} commits every attempt (snapshot, trajectory line, then one store transaction);
 * {@code FailureArchive} ends runs that fail; {@code Acceptance} catalogues accepted ones.
 */
package dev.scenarist.core.engine;
