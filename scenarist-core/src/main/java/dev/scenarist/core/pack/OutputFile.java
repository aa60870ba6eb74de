package dev.scenarist.core.pack;

import dev.scenarist.core.workspace.Workspace;
import java.util.Objects;

/** A file a stage must (or may) produce, with its format and a one-line description for the prompt. */
public record OutputFile(String path, FileFormat format, boolean required, String description) {
    public OutputFile {
        Objects.requireNonNull(format, "format");
        String problem = Workspace.problemWithPath(path);
        if (problem != null) throw new IllegalArgumentException("output file: " + problem);
        description = description == null ? "" : description;
    }

    public static OutputFile required(String path, FileFormat format, String description) {
        return new OutputFile(path, format, true, description);
    }
}
