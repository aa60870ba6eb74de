package dev.scenarist.packs.mechanisms.internal.template;

import dev.scenarist.sandbox.SandboxRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM the sandbox runs for templates — the {@link CompileServer} and each scenario's build ({@link RunCompiled}):
 * one command line and one request shape, so the two cannot drift apart. Its reservations must fit under the
 * sandbox's address-space limit: a small heap, class space and code cache; C1 only and the serial collector (a build
 * is over in about a second, and for the server C2's own compiling cost more than it saved); no perf-data file.
 */
final class ConfinedJvm {
    private ConfinedJvm() {}

    /** {@code java} of {@code javaHome} with the flags above; the caller appends its own options, class path and main. */
    static List<String> command(Path javaHome) {
        return new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-Xmx512m", "-XX:CompressedClassSpaceSize=64m",
                "-XX:ReservedCodeCacheSize=64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss4m"));
    }

    /** A sandbox request for {@code argv} in {@code workspace}, the class path's entries mounted read-only, JAVA_HOME set. */
    static SandboxRequest.Builder request(Path workspace, List<String> argv, List<Path> classpath, Path javaHome) {
        var b = SandboxRequest.builder(workspace, argv).maxProcesses(256);
        for (Path p : classpath) if (Files.exists(p)) b.readOnly(p);
        b.env("JAVA_HOME", javaHome.toString());
        return b;
    }
}
