package dev.scenarist.packs.appworld.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test support: the example scenarios under src/test/resources/scenarios ({@code valid}, {@code broken}, {@code refused}). */
public final class ScenarioFiles {
    public static final Path ROOT = Path.of("src/test/resources/scenarios");

    private ScenarioFiles() {}

    /** Files of one folder, sorted by name. */
    public static List<Path> in(String folder) {
        try (Stream<Path> s = Files.list(ROOT.resolve(folder))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario read(String folder, String name) {
        return new ScenarioReader().read(text(ROOT.resolve(folder).resolve(name + ".json")));
    }

    /** The check code a broken variant is named after: {@code CODE__what.json}. */
    public static String expectedCode(Path p) {
        return p.getFileName().toString().split("__")[0];
    }
}
