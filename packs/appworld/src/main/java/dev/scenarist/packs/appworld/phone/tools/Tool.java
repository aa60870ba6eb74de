package dev.scenarist.packs.appworld.phone.tools;

import java.util.Objects;

/** A described tool and its body. */
public record Tool(ToolSpec spec, ToolHandler handler) {
    public Tool {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(handler, "handler");
    }
}
