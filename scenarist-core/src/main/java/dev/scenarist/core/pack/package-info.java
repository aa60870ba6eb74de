/**
 * The pack SPI — what a scenario domain implements and everything it may build a pipeline from. <b>API</b>, for packs
 * (and for the app, to list and describe them).
 *
 * <p>{@link dev.scenarist.core.pack.Pack} is what every pack answers: name, definition hash, context, pipeline, parameters
 * per seed, offline author, uniqueness text and summary. What only some packs do is an optional
 * {@link dev.scenarist.core.pack.PackCapability} the pack implements — {@link dev.scenarist.core.pack.PackOptions},
 * {@link dev.scenarist.core.pack.ScenarioAssembler}, {@link dev.scenarist.core.pack.ValidationPlan},
 * {@link dev.scenarist.core.pack.DatasetGrouping}, {@link dev.scenarist.core.pack.MachineNeeds},
 * {@link dev.scenarist.core.pack.DuplicateThreshold}, {@link dev.scenarist.core.pack.CatalogUniqueness} — and {@link dev.scenarist.core.pack.Capabilities} answers for any
 * pack, with the defaults. A pipeline is a list of {@link dev.scenarist.core.pack.Stage}s of four kinds (author, review,
 * refine, gate), each with its {@link dev.scenarist.core.pack.StagePolicy} and {@link dev.scenarist.core.pack.Check}s.
 *
 * <p>A pack may use this package, {@code core.model}, {@code core.author}, {@code core.workspace}, {@code core.catalog},
 * {@code core.text} and {@code core.files} — nothing else of core (checked by the app's LayeringTest).
 */
package dev.scenarist.core.pack;
