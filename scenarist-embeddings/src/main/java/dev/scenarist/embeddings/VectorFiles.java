package dev.scenarist.embeddings;

import dev.scenarist.core.catalog.EmbeddingCache;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embeddings of accepted scenarios in one append-only file per pack, {@code <folder>/<pack>.vectors} (the app's
 * folder is {@code <data-dir>/catalog/embeddings}): a cache beside the catalog, so a restart reads its vectors instead
 * of embedding the whole catalog again. The catalog (the store, SQLite or PostgreSQL) stays the truth: a vector missing
 * here, or kept for another text (hash) or another model, is computed again and appended.
 *
 * <p>The file: an 8-byte header {@code SCNVEC1\n}, then records, each {@code int length}, its body, {@code int CRC32C}
 * of the body (big-endian). A body: scenario id (UTF-8, {@code short} length first), SHA-256 of the embedded text
 * (32 bytes), model id (UTF-8, {@code short} length first), {@code int} dimensions, that many float32. The last record
 * for an id and model wins (vectors of two models live side by side, so switching back finds the old ones).
 *
 * <p>Several processes may share a data folder. Each appends under an exclusive lock on the file (an OS file lock,
 * held for one record and its {@code fsync}; in this JVM also a lock per file, since the OS lock belongs to the whole
 * process), so appends never interleave. Readers take no OS lock: they read up to the last whole record whose checksum
 * holds and stop there. A record torn by a crash (or damaged) is therefore ignored when reading, never fatal, and the
 * next writer — which under the lock knows no one else is writing — cuts the file back to the last good record before
 * appending (records after a damaged one are lost with it: only a cache). A file with a foreign header is started
 * anew. A process that misses a vector reads what other processes appended since it last looked before embedding.
 * Vectors read from the file are handed over once (then forgotten here: the index keeps them). Safe for concurrent use.
 */
public final class VectorFiles implements EmbeddingCache {
    private static final Logger log = LoggerFactory.getLogger(VectorFiles.class);
    static final byte[] HEADER = "SCNVEC1\n".getBytes(StandardCharsets.US_ASCII);
    /** Larger than any record of a sane model (4096 dimensions and long ids): a length past it is damage. */
    private static final int MAX_RECORD = 1 << 20;
    /** One lock per file in this JVM: the OS lock is per process, and closing any channel of a file releases it. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path folder;
    private final Map<String, PackFile> files = new ConcurrentHashMap<>();

    public VectorFiles(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The file of a pack (its name kept to letters, digits, '.', '_' and '-'). */
    public Path file(String pack) {
        return folder.resolve(pack.replaceAll("[^A-Za-z0-9._-]", "_") + ".vectors");
    }

    @Override
    public Optional<float[]> find(String pack, String scenarioId, String text, String model) {
        try {
            return packFile(pack).find(scenarioId, EmbeddingCache.textHash(text), model);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read the embeddings of pack {} from {}: {}; they are computed again", pack, file(pack), e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void keep(String pack, String scenarioId, String text, String model, float[] vector) {
        try {
            packFile(pack).append(new Record(scenarioId, EmbeddingCache.textHash(text), model, vector.clone()));
        } catch (IOException | RuntimeException e) {
            log.warn("cannot keep the embedding of {} in {}: {}; it is computed again at the next start", scenarioId, file(pack), e.toString());
        }
    }

    private PackFile packFile(String pack) {
        return files.computeIfAbsent(pack, p -> new PackFile(file(p)));
    }

    /** One record of the file. */
    record Record(String scenarioId, byte[] textHash, String model, float[] vector) {
        /** What a newer record replaces: the vector of one scenario by one model. */
        String key() {
            return key(scenarioId, model);
        }

        static String key(String scenarioId, String model) {
            return scenarioId + '\0' + model;
        }

        boolean matches(byte[] hash, String modelId) {
            return model.equals(modelId) && Arrays.equals(textHash, hash);
        }

        byte[] encode() {
            byte[] id = scenarioId.getBytes(StandardCharsets.UTF_8);
            byte[] m = model.getBytes(StandardCharsets.UTF_8);
            if (id.length > Short.MAX_VALUE || m.length > Short.MAX_VALUE) throw new IllegalArgumentException("id or model id too long");
            int body = 2 + id.length + 32 + 2 + m.length + 4 + 4 * vector.length;
            ByteBuffer b = ByteBuffer.allocate(4 + body + 4);
            b.putInt(body).putShort((short) id.length).put(id).put(textHash).putShort((short) m.length).put(m).putInt(vector.length);
            for (float f : vector) b.putFloat(f);
            CRC32C crc = new CRC32C();
            crc.update(b.array(), 4, body);
            b.putInt((int) crc.getValue());
            return b.array();
        }

        static Record decode(byte[] body) {
            ByteBuffer b = ByteBuffer.wrap(body);
            String id = string(b);
            byte[] hash = new byte[32];
            b.get(hash);
            String model = string(b);
            int dims = b.getInt();
            if (dims < 1 || dims * 4L != b.remaining()) throw new IllegalArgumentException("bad dimensions " + dims);
            float[] v = new float[dims];
            for (int i = 0; i < dims; i++) v[i] = b.getFloat();
            return new Record(id, hash, model, v);
        }

        private static String string(ByteBuffer b) {
            int n = b.getShort();
            if (n < 0 || n > b.remaining()) throw new IllegalArgumentException("bad string length " + n);
            byte[] s = new byte[n];
            b.get(s);
            return new String(s, StandardCharsets.UTF_8);
        }
    }

    /** What a read of a file found: its records and where the good part ends. */
    record Scan(Map<String, Record> records, long goodEnd, boolean headerOk) {}

    /** Reads the records of {@code in} (positioned at {@code from}) up to the first torn or damaged one. */
    static Scan scan(InputStream raw, long from, long size) throws IOException {
        Map<String, Record> out = new HashMap<>();
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        long pos = from;
        if (from == 0) {
            if (size == 0) return new Scan(out, 0, true);
            byte[] h = new byte[HEADER.length];
            try {
                in.readFully(h);
            } catch (EOFException e) {
                return new Scan(out, 0, false);
            }
            if (!Arrays.equals(h, HEADER)) return new Scan(out, 0, false);
            pos = HEADER.length;
        }
        while (pos < size) {
            try {
                int len = in.readInt();
                if (len < 1 || len > MAX_RECORD || pos + 8 + len > size) break;
                byte[] body = new byte[len];
                in.readFully(body);
                int crc = in.readInt();
                CRC32C c = new CRC32C();
                c.update(body);
                if ((int) c.getValue() != crc) break;
                Record r = Record.decode(body);
                out.put(r.key(), r);
                pos += 8 + len;
            } catch (EOFException | IllegalArgumentException | java.nio.BufferUnderflowException e) {
                break;
            }
        }
        return new Scan(out, pos, true);
    }

    /** One pack's file and what this process has read of it. */
    private static final class PackFile {
        private final Path path;
        private final ReentrantLock jvmLock;
        /** Records read and not handed over yet, by scenario id. */
        private final Map<String, Record> unread = new HashMap<>();
        /** The end of the part of the file read and found good. */
        private long readUpTo;
        private boolean loggedDamage;

        PackFile(Path path) {
            this.path = path;
            this.jvmLock = JVM_LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
        }

        Optional<float[]> find(String id, byte[] hash, String model) throws IOException {
            jvmLock.lock();
            try {
                String key = Record.key(id, model);
                Record r = unread.get(key);
                if (r == null || !r.matches(hash, model)) {
                    refresh();
                    r = unread.get(key);
                }
                if (r == null || !r.matches(hash, model)) return Optional.empty();
                unread.remove(key);
                return Optional.of(r.vector());
            } finally {
                jvmLock.unlock();
            }
        }

        /** Reads what was appended since the last look (by any process), without the OS lock. */
        private void refresh() throws IOException {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                readFrom(ch, ch.size());
            } catch (NoSuchFileException e) {
                readUpTo = 0;
            }
        }

        private Scan readFrom(FileChannel ch, long size) throws IOException {
            if (size < readUpTo) { // replaced or cut back by someone: read it again from the start
                readUpTo = 0;
            }
            if (size == readUpTo) return new Scan(Map.of(), readUpTo, true);
            ch.position(readUpTo);
            Scan s = scan(Channels.newInputStream(ch), readUpTo, size);
            if (s.goodEnd() < size && !loggedDamage) {
                loggedDamage = true;
                log.info("{}: ignoring {} bytes after the last whole record (a write cut short, or a foreign file)", path, size - s.goodEnd());
            }
            for (var e : s.records().entrySet()) unread.put(e.getKey(), e.getValue());
            readUpTo = s.goodEnd();
            return s;
        }

        void append(Record r) throws IOException {
            byte[] bytes = r.encode();
            jvmLock.lock();
            try {
                Files.createDirectories(path.getParent());
                try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                     var osLock = ch.lock()) {
                    long size = ch.size();
                    Scan s = readFrom(ch, size);
                    long end = readUpTo;
                    if (!s.headerOk()) {
                        log.warn("{} is not a vectors file of this version: starting it anew", path);
                        unread.clear();
                        end = 0;
                    }
                    if (end < size) ch.truncate(end); // a torn tail: no one else writes while this process holds the lock
                    ByteBuffer out = ByteBuffer.allocate((end == 0 ? HEADER.length : 0) + bytes.length);
                    if (end == 0) out.put(HEADER);
                    out.put(bytes).flip();
                    long pos = end;
                    while (out.hasRemaining()) pos += ch.write(out, pos);
                    ch.force(false);
                    readUpTo = pos;
                    unread.remove(r.key()); // this process has it in its index already
                }
            } finally {
                jvmLock.unlock();
            }
        }
    }
}
