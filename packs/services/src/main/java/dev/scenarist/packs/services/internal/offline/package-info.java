/**
 * The offline author of the services pack: no model, a generator. {@link
 * dev.scenarist.packs.services.internal.offline.ServiceDesigner} turns a seed (and the run's parameters) into a
 * {@link dev.scenarist.packs.services.internal.offline.ServiceDesign} — one of eight business kinds, a business, its
 * tables, sample rows, workflows, ports and optional resources — from which the plan (rising round by round through
 * the rubric's gaps, {@link dev.scenarist.packs.services.internal.offline.PlanDraft}) and every implementation file
 * ({@link dev.scenarist.packs.services.internal.offline.Implementation}) are written in the reference example's
 * format. Some seeds' first implementation carries a {@link dev.scenarist.packs.services.internal.offline.Defect} that
 * the static checks or the dry-run must find; the repair writes the clean files.
 */
package dev.scenarist.packs.services.internal.offline;
