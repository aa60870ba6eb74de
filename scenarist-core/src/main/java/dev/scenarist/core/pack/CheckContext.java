package dev.scenarist.core.pack;

import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a check may look at.
 *
 * @param stage        the stage whose output is being checked
 * @param stageOutputs text outputs of earlier stages (review feedback, gate notes), by stage name
 * @param critic       a model to ask for judgements (judge checks); calls are accounted to the run
 * @param artifacts    a folder outside the workspace that the run owns, where a check may keep by-products (builds,
 *                     reports) across attempts; the pack's {@link ScenarioAssembler assembly} finds them there
 */
public record CheckContext(RunContext run, String stage, Workspace workspace, Map<String, String> stageOutputs, Critic critic,
                           Path artifacts) {
    public CheckContext {
        stageOutputs = Map.copyOf(stageOutputs);
        java.util.Objects.requireNonNull(artifacts, "artifacts");
    }

    /** A context whose artifacts folder sits beside the workspace (as a run's does: {@code runs/<id>/artifacts}). */
    public CheckContext(RunContext run, String stage, Workspace workspace, Map<String, String> stageOutputs, Critic critic) {
        this(run, stage, workspace, stageOutputs, critic, workspace.root().toAbsolutePath().resolveSibling("artifacts"));
    }
}
