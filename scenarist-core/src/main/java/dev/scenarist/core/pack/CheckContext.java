package dev.scenarist.core.pack;

import dev.scenarist.core.workspace.Workspace;
import java.util.Map;

/**
 * Everything a check may look at.
 *
 * @param stage        the stage whose output is being checked
 * @param stageOutputs text outputs of earlier stages (review feedback, gate notes), by stage name
 * @param critic       a model to ask for judgements (judge checks); calls are accounted to the run
 */
public record CheckContext(RunContext run, String stage, Workspace workspace, Map<String, String> stageOutputs, Critic critic) {
    public CheckContext {
        stageOutputs = Map.copyOf(stageOutputs);
    }
}
