package dev.scenarist.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the real CLI in a separate JVM (same classpath as the tests), as a user's shell would. */
final class ChildProcess {
    private ChildProcess() {}

    static Process start(Path dataDir, Path log, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", dataDir.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().remove("SCENARIST_HOME");
        return pb.start();
    }
}
