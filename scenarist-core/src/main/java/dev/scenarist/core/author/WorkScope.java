package dev.scenarist.core.author;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one request is about, beyond its text: the run's workspace, the stage's editable files (empty = read-only),
 * the tools its policy allows — which bound a tool-using author (Claude Code) — and the files the reply must carry,
 * which lets a provider constrain its reply to a JSON schema. The engine still writes the files itself from the reply.
 *
 * @param outputs the files the stage's reply must contain (empty for reviews and judges, whose reply is prose)
 */
public record WorkScope(Optional<Path> workspace, List<String> editable, List<String> tools, List<String> outputs) {
    public static final WorkScope NONE = new WorkScope(Optional.empty(), List.of(), List.of(), List.of());

    public WorkScope {
        editable = List.copyOf(editable);
        tools = List.copyOf(tools);
        outputs = List.copyOf(outputs);
    }

    public WorkScope(Optional<Path> workspace, List<String> editable, List<String> tools) {
        this(workspace, editable, tools, List.of());
    }
}
