package dev.scenarist.core.pack;

import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a pack's {@link ScenarioAssembler assembly} works with for one accepted run.
 *
 * @param scenarioId the id the scenario is accepted under
 * @param run        the run (seed, parameters)
 * @param workspace  the run's final files (read only here)
 * @param artifacts  the run's artifacts folder, where its checks left by-products
 * @param target     a folder that does not exist yet (create it, and what is under it, only to write something): what
 *                   the pack writes here is copied into the scenario folder beside the files
 */
public record ScenarioAssembly(String scenarioId, RunContext run, Workspace workspace, Path artifacts, Path target) {
    public ScenarioAssembly {
        Objects.requireNonNull(scenarioId, "scenarioId");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(artifacts, "artifacts");
        Objects.requireNonNull(target, "target");
    }
}
