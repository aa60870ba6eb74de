package dev.scenarist.core.engine;

import dev.scenarist.core.trajectory.RunFiles;
import java.nio.file.Path;

/** Where things live under the data directory. */
public record DataLayout(Path root) {
    public DataLayout {
        root = root.toAbsolutePath().normalize();
    }

    public RunFiles run(String runId) {
        return new RunFiles(root.resolve("runs").resolve(runId));
    }

    public Path scenariosDir(String pack) {
        return root.resolve("scenarios").resolve(pack);
    }

    public Path scenario(String pack, String scenarioId) {
        return scenariosDir(pack).resolve(scenarioId);
    }

    public Path database() {
        return root.resolve("scenarist.db");
    }

    public String relative(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
