package dev.scenarist.server.audit;

import dev.scenarist.core.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log as JSON Lines in the data folder ({@code <data>/audit/audit.jsonl}): one entry a line, appended under an
 * exclusive file lock (so servers of several processes sharing the folder never interleave a line) and forced to disk
 * ({@code fsync}) before {@link #append} returns. A line cut short by a crash is skipped on read, never fatal.
 */
public final class JsonlAuditLog implements AuditLog {
    private static final Logger log = LoggerFactory.getLogger(JsonlAuditLog.class);
    private final Path file;
    private final FileChannel channel;

    public JsonlAuditLog(Path dataDir) {
        this.file = dataDir.resolve("audit").resolve("audit.jsonl");
        try {
            Files.createDirectories(file.getParent());
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void append(AuditEntry entry) {
        byte[] line = (Json.write(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileLock ignored = channel.lock()) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) channel.write(buf);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        Deque<AuditEntry> last = new ArrayDeque<>();
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(l -> {
                if (l.isBlank()) return;
                try {
                    last.addFirst(Json.read(l, AuditEntry.class));
                    if (last.size() > limit) last.removeLast();
                } catch (RuntimeException e) {
                    log.warn("skipping a damaged line of {}: {}", file, e.getMessage());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(last);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("closing {}: {}", file, e.toString());
        }
    }
}
