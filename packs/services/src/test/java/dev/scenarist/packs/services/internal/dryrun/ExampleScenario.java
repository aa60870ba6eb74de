package dev.scenarist.packs.services.internal.dryrun;

import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.pack.RunContext;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.Map;

/** A copy of the reference example scenario in a test's folder, to break on purpose. */
final class ExampleScenario {
    static final Path EXAMPLE = Path.of("src/test/resources/example/appointment-booking");

    final Workspace workspace;
    final Path artifacts;

    ExampleScenario(Path dir) {
        workspace = new Workspace(dir.resolve("workspace"));
        Workspace.copyTree(EXAMPLE, workspace.root());
        artifacts = dir.resolve("artifacts");
    }

    String read(String file) {
        return workspace.read(file).orElseThrow();
    }

    /** Replaces {@code from} (which must occur) by {@code to} in {@code file}. */
    ExampleScenario replace(String file, String from, String to) {
        String text = read(file);
        if (!text.contains(from)) throw new AssertionError(file + " does not contain: " + from);
        workspace.write(file, text.replace(from, to));
        return this;
    }

    ExampleScenario write(String file, String text) {
        workspace.write(file, text);
        return this;
    }

    CheckContext context() {
        return new CheckContext(new RunContext("run-1", "campaign-1", "services", 7, Map.of()), "validate", workspace, Map.of(), null, artifacts);
    }
}
