package dev.scenarist.core.trajectory;

import dev.scenarist.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder of one run: {@code steps.jsonl}, {@code workspace/}, {@code snapshots/<nn>-<stage>/} after each
 * passed stage, {@code failure/} when it did not make it. A snapshot is written before the store commits
 * the attempt that passed its stage; a crash in between leaves a snapshot of an uncommitted stage, which
 * {@link #pruneSnapshotsFrom} removes on resume — so no temporary folder and rename are needed.
 */
public final class RunFiles {
    private final Path dir;

    public RunFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path steps() {
        return dir.resolve("steps.jsonl");
    }

    public Workspace workspace() {
        return new Workspace(dir.resolve("workspace"));
    }

    /** By-products of checks (builds, reports) that are not scenario files: see {@code CheckContext#artifacts}. */
    public Path artifacts() {
        return dir.resolve("artifacts");
    }

    public Path snapshotsDir() {
        return dir.resolve("snapshots");
    }

    public Path failureDir() {
        return dir.resolve("failure");
    }

    public static String snapshotName(int stageIndex, String stage) {
        return String.format("%02d-%s", stageIndex + 1, stage);
    }

    public Path snapshot(int stageIndex, String stage) {
        return snapshotsDir().resolve(snapshotName(stageIndex, stage));
    }

    /** Copies the workspace into the stage's snapshot folder (replacing a leftover of an uncommitted attempt). */
    public void writeSnapshot(int stageIndex, String stage, Workspace workspace) {
        Path target = snapshot(stageIndex, stage);
        Workspace.deleteTree(target, true);
        Workspace.copyTree(workspace.root(), target);
    }

    /** The snapshot of the last stage before {@code stageIndex}, if any stage before it has one. */
    public Optional<Path> latestSnapshotBefore(int stageIndex) {
        if (!Files.isDirectory(snapshotsDir())) return Optional.empty();
        try (Stream<Path> s = Files.list(snapshotsDir())) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> snapshotIndex(p) < stageIndex)
                    .max(java.util.Comparator.comparingInt(RunFiles::snapshotIndex));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes snapshots of stages at or after {@code stageIndex} and leftover temporary folders. */
    public void pruneSnapshotsFrom(int stageIndex) {
        if (!Files.isDirectory(snapshotsDir())) return;
        try (Stream<Path> s = Files.list(snapshotsDir())) {
            s.filter(p -> p.getFileName().toString().startsWith(".") || snapshotIndex(p) >= stageIndex)
                    .forEach(p -> Workspace.deleteTree(p, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int snapshotIndex(Path p) {
        String n = p.getFileName().toString();
        int dash = n.indexOf('-');
        try {
            return Integer.parseInt(n.substring(0, dash)) - 1;
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
