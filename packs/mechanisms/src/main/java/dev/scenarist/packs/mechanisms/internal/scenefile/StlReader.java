package dev.scenarist.packs.mechanisms.internal.scenefile;

import dev.scenarist.packs.mechanisms.scene.TriangleMesh;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads binary STL as a triangle soup: every triangle gets its own three vertices, exactly as stored (float32
 * widened to double). Welding shared vertices is the reader's caller's business, because how to weld (exactly or
 * within a tolerance) is a checking decision. Stored normals are ignored: the winding is what MuJoCo uses.
 */
public final class StlReader {
    private StlReader() {}

    public static TriangleMesh read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    public static TriangleMesh read(byte[] bytes) throws StlFormatException {
        int headerAndCount = StlWriter.HEADER_BYTES + 4;
        if (bytes.length < headerAndCount) {
            if (looksAscii(bytes)) throw asciiStl();
            throw new StlFormatException("file is " + bytes.length + " bytes, shorter than the " + headerAndCount
                    + "-byte binary STL header and triangle count");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long count = Integer.toUnsignedLong(b.getInt(StlWriter.HEADER_BYTES));
        long expected = headerAndCount + StlWriter.TRIANGLE_BYTES * count;
        if (expected != bytes.length) {
            if (looksAscii(bytes)) throw asciiStl();
            throw new StlFormatException("binary STL declares " + count + " triangles, which take " + expected
                    + " bytes, but the file has " + bytes.length + " bytes (truncated or not STL)");
        }
        TriangleMesh.Builder m = TriangleMesh.builder();
        for (int t = 0; t < count; t++) {
            int at = headerAndCount + StlWriter.TRIANGLE_BYTES * t + 12; // skip the stored normal
            int[] v = new int[3];
            for (int k = 0; k < 3; k++) {
                int p = at + 12 * k;
                float x = b.getFloat(p);
                float y = b.getFloat(p + 4);
                float z = b.getFloat(p + 8);
                if (!Float.isFinite(x) || !Float.isFinite(y) || !Float.isFinite(z)) {
                    throw new StlFormatException("triangle " + t + " has a non-finite coordinate (" + x + ", " + y
                            + ", " + z + ")");
                }
                v[k] = m.vertex(x, y, z);
            }
            m.triangle(v[0], v[1], v[2]);
        }
        return m.build();
    }

    private static boolean looksAscii(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 5), StandardCharsets.US_ASCII);
        return start.equalsIgnoreCase("solid");
    }

    private static StlFormatException asciiStl() {
        return new StlFormatException("file is ASCII STL (starts with 'solid'); MuJoCo loads only binary STL");
    }
}
