package dev.scenarist.embeddings;

import java.nio.file.Path;

/** A process of {@link VectorFilesTest}: appends {@code n} records of 8 floats to the pack "shared" in a folder. */
public final class VectorAppender {
    private VectorAppender() {}

    public static void main(String[] args) {
        var files = new VectorFiles(Path.of(args[0]));
        String prefix = args[1];
        int n = Integer.parseInt(args[2]);
        float p = Float.parseFloat(prefix.substring(1));
        for (int i = 0; i < n; i++) {
            float[] v = {p, i, 1, 2, 3, 4, 5, 6};
            files.keep("shared", prefix + "-" + i, "text " + i, "fake", v);
        }
    }
}
