package dev.scenarist.packs.mechanisms.internal.mjcf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a file is a binary STL that MuJoCo's STL decoder accepts: at least an 84-byte header, a little-endian
 * triangle count between 1 and 200000, exactly {@code 84 + 50·n} bytes, and finite vertex coordinates. MuJoCo reads
 * no ASCII STL; an ASCII file is recognised by its {@code solid} line and text body and named as such.
 */
public final class BinaryStl {
    /** MuJoCo's limit on faces per STL file. */
    public static final int MAX_FACES = 200_000;
    static final int HEADER = 84;
    static final int RECORD = 50;

    private BinaryStl() {}

    /** The problem that makes MuJoCo reject {@code file}, or empty when it is a valid binary STL. */
    public static Optional<String> problem(Path file) throws IOException {
        long size = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        boolean ascii = looksAscii(head);
        if (size < HEADER) {
            return Optional.of(ascii ? asciiMessage()
                    : "invalid header in STL file: " + size + " bytes, a binary STL has at least 84 (80-byte header "
                            + "and a 4-byte triangle count)");
        }
        long n = ByteBuffer.wrap(head, 80, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        long expected = HEADER + RECORD * n;
        if (size != expected) {
            return Optional.of(ascii ? asciiMessage()
                    : "STL file has wrong size: " + size + " bytes, but its header counts " + n + " triangles, "
                            + "which take 84 + 50*" + n + " = " + expected + " bytes");
        }
        if (n < 1 || n > MAX_FACES) {
            return Optional.of("number of faces should be between 1 and " + MAX_FACES + " in STL file, its header "
                    + "counts " + n);
        }
        ByteBuffer body = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        for (long t = 0; t < n; t++) {
            int base = (int) (HEADER + RECORD * t) + 12;
            for (int k = 0; k < 9; k++) {
                float f = body.getFloat(base + 4 * k);
                if (!Float.isFinite(f)) {
                    return Optional.of("STL triangle " + t + " has a non-finite vertex coordinate (" + f + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static String asciiMessage() {
        return "ASCII STL is not supported: the file starts with 'solid' and holds text; MuJoCo reads binary STL only";
    }

    /** {@code solid} (after optional blanks) followed by text that mentions facets, all printable ASCII. */
    static boolean looksAscii(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1);
        if (!s.stripLeading().startsWith("solid")) {
            return false;
        }
        int limit = Math.min(head.length, 512);
        for (int i = 0; i < limit; i++) {
            int b = head[i] & 0xFF;
            if (b >= 0x7F || (b < 0x20 && b != '\n' && b != '\r' && b != '\t')) {
                return false;
            }
        }
        return s.contains("facet") || s.contains("endsolid") || head.length < HEADER;
    }
}
