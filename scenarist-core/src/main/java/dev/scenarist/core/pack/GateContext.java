package dev.scenarist.core.pack;

import dev.scenarist.core.catalog.SimilarityIndex;
import dev.scenarist.core.workspace.Workspace;

/**
 * What a gate may consult.
 *
 * @param uniquenessText the pack's uniqueness text for this scenario
 * @param similarity     the catalog's similarity index for the pack
 */
public record GateContext(RunContext run, Workspace workspace, String uniquenessText, SimilarityIndex similarity) {}
