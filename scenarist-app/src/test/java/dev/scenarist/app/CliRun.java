package dev.scenarist.app;

import dev.scenarist.core.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One in-process run of the command line against a data folder: exit code, stdout, stderr. */
record CliRun(int code, String out, String err) {
    Map<?, ?> json() {
        return Json.read(out, Map.class);
    }

    static CliRun in(Path dataDir, String... args) {
        return in(dataDir, Map.of(), args);
    }

    /** With an environment of its own (model endpoints, PATH), as the shell would pass it. */
    static CliRun in(Path dataDir, Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        int code = Main.run(all.toArray(String[]::new), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
