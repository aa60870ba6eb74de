package dev.scenarist.packs.chains.internal.loop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scenarist.packs.chains.LoopOptions;
import dev.scenarist.packs.chains.internal.artifacts.ArtifactFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the coder hook once: {@code sh -c COMMAND} with the backlog's paths in its environment, its output captured into
 * the iteration's {@code coder_output.log} (redacted), its exit code into {@code coder_result.json}, killed with its
 * children at the timeout.
 */
final class CoderRun {
    /** @param exitCode empty when it timed out */
    record Result(Optional<Integer> exitCode, boolean timedOut, long millis) {
        boolean succeeded() {
            return exitCode.isPresent() && exitCode.get() == 0;
        }
    }

    private final LoopOptions.Coder coder;
    private final ArtifactFiles files;

    CoderRun(LoopOptions.Coder coder, ArtifactFiles files) {
        this.coder = coder;
        this.files = files;
    }

    Result run(Path iterationDir, int iteration, Path packDir) throws InterruptedException {
        Path log = iterationDir.resolve("coder_output.log");
        Path raw = iterationDir.resolve(".coder_output.raw");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", coder.command()).directory(coder.workingDir().toFile())
                .redirectErrorStream(true).redirectOutput(raw.toFile());
        pb.environment().putAll(coder.env());
        pb.environment().put("SCENARIST_BACKLOG", iterationDir.resolve("backlog.json").toAbsolutePath().toString());
        pb.environment().put("SCENARIST_BACKLOG_MD", iterationDir.resolve("backlog.md").toAbsolutePath().toString());
        pb.environment().put("SCENARIST_ITERATION", Integer.toString(iteration));
        pb.environment().put("SCENARIST_PACK_DIR", packDir.toAbsolutePath().toString());
        long start = System.nanoTime();
        Result result;
        try {
            Process p = pb.start();
            boolean done = p.waitFor(coder.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            result = new Result(done ? Optional.of(p.exitValue()) : Optional.empty(), !done, (System.nanoTime() - start) / 1_000_000);
            files.text(log, Files.exists(raw) ? Files.readString(raw, StandardCharsets.UTF_8) : "");
        } catch (IOException e) {
            files.text(log, "the coder command could not be started: " + e.getMessage() + "\n");
            result = new Result(Optional.of(127), false, (System.nanoTime() - start) / 1_000_000);
        } finally {
            try {
                Files.deleteIfExists(raw);
            } catch (IOException ignored) {
                // a leftover raw log is harmless; the redacted copy is the artifact
            }
        }
        ObjectNode json = ArtifactFiles.object("coder_result").put("iteration", iteration).put("command", coder.command())
                .put("timed_out", result.timedOut()).put("timeout_seconds", coder.timeout().toSeconds()).put("millis", result.millis())
                .put("output", "coder_output.log");
        if (result.exitCode().isPresent()) json.put("exit_code", result.exitCode().get());
        else json.putNull("exit_code");
        files.json(iterationDir.resolve("coder_result.json"), json);
        return result;
    }
}
