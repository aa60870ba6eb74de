package dev.scenarist.packs.chains;

import dev.scenarist.packs.chains.internal.pool.PoolReader;
import dev.scenarist.packs.chains.pool.QuestionPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Question pools: from a YAML file, or the ones bundled with the pack (the reference assistant's inventory pool). */
public final class Pools {
    /** The bundled pool the reference assistant is tested with. */
    public static final String INVENTORY = "inventory";
    public static final List<String> BUNDLED = List.of(INVENTORY);

    private Pools() {}

    /** @throws ChainsFormatException naming the file, line, field and fix */
    public static QuestionPool read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ChainsFormatException(file.toString(), 1, 1, "", "the question pool does not exist",
                    "pass an existing YAML file, or leave --pool out for the bundled '" + INVENTORY + "' pool");
        } catch (IOException e) {
            throw new ChainsFormatException(file.toString(), 1, 1, "", "cannot read: " + e.getMessage(), "");
        }
        return new PoolReader(file.toString()).read(text, file.toString());
    }

    public static QuestionPool bundled(String name) {
        if (!BUNDLED.contains(name)) throw new IllegalArgumentException("no bundled pool '" + name + "'; bundled: " + String.join(", ", BUNDLED));
        String resource = "/dev/scenarist/packs/chains/pools/" + name + ".yaml";
        try (InputStream in = Pools.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the bundled pool " + resource + " is missing from the pack's jar");
            return new PoolReader("bundled:" + name + ".yaml").read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled:" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a pool from text (a case built on the command line, tests). */
    public static QuestionPool parse(String text, String name) {
        return new PoolReader(name).read(text, name);
    }
}
