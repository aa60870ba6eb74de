package dev.scenarist.packs.mechanisms.internal.scenefile;

import dev.scenarist.core.files.AtomicFile;
import dev.scenarist.packs.mechanisms.scene.TriangleMesh;
import dev.scenarist.packs.mechanisms.scene.Vec3;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes binary STL, the only STL MuJoCo loads (it rejects ASCII STL): an 80-byte header, a little-endian uint32
 * triangle count, then 50 bytes per triangle (normal, three vertices as float32, a zero attribute word).
 *
 * <p>The header is a fixed text that does not start with {@code solid}, because some readers take that as the
 * mark of ASCII STL.
 */
public final class StlWriter {
    static final String HEADER_TEXT = "binary STL written by Scenarist";
    static final int HEADER_BYTES = 80;
    static final int TRIANGLE_BYTES = 50;

    private StlWriter() {}

    public static byte[] toBytes(TriangleMesh mesh) {
        int count = mesh.triangleCount();
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + 4 + TRIANGLE_BYTES * count).order(ByteOrder.LITTLE_ENDIAN);
        byte[] header = Arrays.copyOf(HEADER_TEXT.getBytes(StandardCharsets.US_ASCII), HEADER_BYTES);
        Arrays.fill(header, HEADER_TEXT.length(), HEADER_BYTES, (byte) ' ');
        b.put(header);
        b.putInt(count);
        for (int t = 0; t < count; t++) {
            Vec3 a = mesh.vertex(mesh.corner(t, 0));
            Vec3 v1 = mesh.vertex(mesh.corner(t, 1));
            Vec3 v2 = mesh.vertex(mesh.corner(t, 2));
            put(b, unitNormal(a, v1, v2));
            put(b, a);
            put(b, v1);
            put(b, v2);
            b.putShort((short) 0);
        }
        return b.array();
    }

    public static void write(TriangleMesh mesh, Path file) throws IOException {
        AtomicFile.write(file, toBytes(mesh));
    }

    /** The facet normal readers expect; zero for a degenerate triangle (the mesh checks report those). */
    private static Vec3 unitNormal(Vec3 a, Vec3 b, Vec3 c) {
        Vec3 n = b.minus(a).cross(c.minus(a));
        double l = n.length();
        return l == 0 ? Vec3.ZERO : n.times(1 / l);
    }

    private static void put(ByteBuffer b, Vec3 v) {
        b.putFloat((float) v.x());
        b.putFloat((float) v.y());
        b.putFloat((float) v.z());
    }
}
