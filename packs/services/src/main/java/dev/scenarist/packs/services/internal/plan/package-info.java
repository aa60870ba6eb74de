/**
 * The plan rubric: the five criteria a service plan ({@code plan.json}) is scored on during refinement, evaluated
 * deterministically from the plan ({@link dev.scenarist.packs.services.internal.plan.Rubric#evaluate}) and read back
 * from a critic's reply ({@link dev.scenarist.packs.services.internal.plan.RubricScore#parse}), so an offline score and
 * a model's score mean the same thing.
 */
package dev.scenarist.packs.services.internal.plan;
