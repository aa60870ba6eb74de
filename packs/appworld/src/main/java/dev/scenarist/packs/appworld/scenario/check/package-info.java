/**
 * The appworld scenario checks (public API): {@link dev.scenarist.packs.appworld.scenario.check.ScenarioChecks} per
 * pipeline step, the finding codes ({@link dev.scenarist.packs.appworld.scenario.check.CheckCode}, each with its
 * section and fix) and the {@link dev.scenarist.packs.appworld.scenario.check.Discrimination} result.
 */
package dev.scenarist.packs.appworld.scenario.check;
