package dev.scenarist.packs.yaml;

import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.Critic;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import java.util.Map;

/** Builds the contexts checks run in, for tests. */
final class TestRuns {
    private TestRuns() {}

    static RunContext run(String pack, Map<String, Object> parameters) {
        return new RunContext("run-1", "campaign-1", pack, 7L, parameters);
    }

    static CheckContext context(String stage, Workspace workspace, Map<String, Object> parameters, Critic critic) {
        return new CheckContext(run("sql-quiz", parameters), stage, workspace, Map.of(), critic);
    }

    static CheckContext context(String stage, Workspace workspace) {
        return context(stage, workspace, Map.of(), null);
    }
}
