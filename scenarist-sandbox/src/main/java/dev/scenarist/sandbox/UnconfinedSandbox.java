package dev.scenarist.sandbox;

import dev.scenarist.sandbox.internal.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs trusted commands directly on the host: no namespaces, full file and network access. Only the environment is
 * replaced by the request's, the timeout kills the process tree, and — when {@code /usr/bin/prlimit} exists — the
 * memory and CPU limits apply. Never use it for anything a model wrote; that is what {@link BubblewrapSandbox} is for.
 */
final class UnconfinedSandbox implements Sandbox {
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");

    @Override
    public boolean confined() {
        return false;
    }

    @Override
    public SandboxResult run(SandboxRequest request) throws SandboxUnavailableException, InterruptedException {
        if (!Files.isDirectory(request.workDir())) {
            throw new SandboxUnavailableException("working directory " + request.workDir() + " does not exist or is not a folder");
        }
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(PRLIMIT)) {
            long cpuSeconds = Math.max(1, (request.timeout().toMillis() + 999) / 1000) + 1;
            // no --nproc here: outside a user namespace it would count every thread of this user, the JVM's included
            cmd.addAll(List.of(PRLIMIT.toString(), "--as=" + request.memoryBytes(), "--cpu=" + cpuSeconds, "--core=0", "--"));
        }
        cmd.addAll(request.argv());
        try {
            return ProcessRunner.run(new ProcessRunner.Launch(cmd, request.environment(), request.workDir(),
                    request.timeout(), request.maxOutputBytes(), false));
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot start " + request.argv().getFirst() + ": " + e.getMessage(), e);
        }
    }
}
