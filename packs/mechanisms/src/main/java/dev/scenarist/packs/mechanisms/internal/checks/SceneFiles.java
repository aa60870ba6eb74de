package dev.scenarist.packs.mechanisms.internal.checks;

import dev.scenarist.core.pack.CheckContext;
import java.util.List;

/** Which MJCF files of a workspace a check looks at: the one named by the run's {@code target}, else every top-level {@code .xml}. */
final class SceneFiles {
    private SceneFiles() {}

    static List<String> of(CheckContext ctx) {
        Object target = ctx.run().parameters().get("target");
        if (target instanceof String t && t.endsWith(".xml")) return List.of(t);
        return ctx.workspace().list().stream().filter(f -> !f.contains("/") && f.endsWith(".xml")).toList();
    }
}
