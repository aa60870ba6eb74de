/**
 * The appworld scenario document (public API): its records ({@link dev.scenarist.packs.appworld.scenario.Scenario}
 * and its sections), the strict {@link dev.scenarist.packs.appworld.scenario.ScenarioReader}, the deterministic
 * {@link dev.scenarist.packs.appworld.scenario.ScenarioWriter} and the published JSON Schema.
 */
package dev.scenarist.packs.appworld.scenario;
