package dev.scenarist.core.engine.internal;

import dev.scenarist.core.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The append-only {@code steps.jsonl} of a run. Each append is forced to disk and returns the new length;
 * the store records that length with the attempt, and on resume anything past it (written, then crashed
 * before the store committed) is cut off, so the file and the database always tell the same story.
 */
public final class TrajectoryLog {
    private final Path file;

    public TrajectoryLog(Path file) {
        this.file = file;
    }

    /** Appends one event as a JSON line, syncs it to disk, and returns the file length after it. */
    public long append(Map<String, Object> event) {
        byte[] line = (Json.write(event) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            try (FileChannel ch = open()) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) ch.write(buf);
                // fdatasync: the data and the length that finds it (what an append changes), not the times
                ch.force(false);
                return ch.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** The folder is made on the first append only: checking for it on every append cost a failed mkdir each time. */
    private FileChannel open() throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (java.nio.file.NoSuchFileException e) {
            Files.createDirectories(file.getParent());
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
    }

    /** Cuts the file back to the committed length (no-op when it is already that long or missing). */
    public void truncateTo(long committedLength) {
        try {
            if (!Files.exists(file)) return;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                if (ch.size() > committedLength) {
                    ch.truncate(committedLength);
                    ch.force(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> read() {
        if (!Files.exists(file)) return List.of();
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) out.add(Json.read(line, Map.class));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
