package dev.scenarist.core.author;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a tool-using author (Claude Code) may look and what it may touch for one request: the run's workspace,
 * the stage's editable files (empty = read-only) and the tools its policy allows. Plain chat authors ignore it.
 * The engine still writes the files itself from the reply; this only bounds what the tool may do meanwhile.
 */
public record WorkScope(Optional<Path> workspace, List<String> editable, List<String> tools) {
    public static final WorkScope NONE = new WorkScope(Optional.empty(), List.of(), List.of());

    public WorkScope {
        editable = List.copyOf(editable);
        tools = List.copyOf(tools);
    }
}
