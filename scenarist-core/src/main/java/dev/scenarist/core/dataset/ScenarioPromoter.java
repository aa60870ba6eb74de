package dev.scenarist.core.dataset;

import dev.scenarist.core.campaign.CampaignRequestException;
import dev.scenarist.core.pack.Pack;
import dev.scenarist.core.store.CatalogEntry;
import dev.scenarist.core.store.Store;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Moves an accepted scenario from staging into the dataset, after a person approved it: copy, record the new place
 * in the catalog, then remove the staging copy — a crash in between leaves the scenario in both places (the catalog
 * naming one that exists), never in neither; promoting again finishes the job.
 */
public final class ScenarioPromoter {
    private final Store store;
    private final Path dataRoot;
    private final Function<String, Pack> packs;

    /** {@code packs}: the pack of a name, which says where its promoted scenarios go ({@link dev.scenarist.core.pack.Capabilities#datasetPath}). */
    public ScenarioPromoter(Store store, Path dataRoot, Function<String, Pack> packs) {
        this.store = store;
        this.dataRoot = dataRoot.toAbsolutePath().normalize();
        this.packs = packs;
    }

    public Promotion promote(String scenarioId) {
        CatalogEntry entry = store.catalog().find(scenarioId)
                .orElseThrow(() -> new CampaignRequestException("no accepted scenario " + scenarioId + "; accepted ones are listed at the end of"
                        + " 'scenarist generate' and in 'scenarist show RUN'"));
        Path from = dataRoot.resolve(entry.location());
        if (entry.stage().equals(Promotion.DATASET)) return new Promotion(scenarioId, from, true);
        if (!Files.isDirectory(from)) {
            // the catalog outlived the files (a folder deleted by hand, a partial copy of the data directory)
            throw new CampaignRequestException("the files of " + scenarioId + " are missing: the catalog has it at " + from
                    + ", which does not exist; restore that folder (e.g. from 'scenarist export' or a backup of the data"
                    + " directory) and promote again");
        }
        Map<String, Object> parameters = store.runs().find(entry.runId()).map(r -> r.parameters()).orElse(Map.of());
        Path to = dataRoot.resolve(dev.scenarist.core.pack.Capabilities.datasetPath(packs.apply(entry.pack()), scenarioId, parameters)).normalize();
        // copy, record, then remove: a crash in between leaves the scenario in both places, never in neither
        Workspace.deleteTree(to, true);
        Workspace.copyTree(from, to);
        store.catalog().updateStage(scenarioId, Promotion.DATASET, dataRoot.relativize(to).toString().replace('\\', '/'));
        Workspace.deleteTree(from, true);
        return new Promotion(scenarioId, to, false);
    }
}
