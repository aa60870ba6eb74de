/**
 * A template's validation across its randomized variants, stage by stage and cheapest first: build (compile and run
 * in the sandbox), static MJCF validation, mesh checks, simulation. Each stage's report is kept as JSON in the run's
 * artifacts folder, keyed by the template source and the variants, so a resumed run, a later stage and the export
 * read the same measurements instead of repeating them.
 */
package dev.scenarist.packs.mechanisms.internal.validation;
