package dev.scenarist.packs.mechanisms.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real third-party MJCF models in {@code ../shared/data/mjcf/} (beside the repository): {@code valid/*.xml} and
 * {@code invalid/*.xml}, whose {@code SOURCES.md} lists, per file, the substrings MuJoCo's error must contain.
 * Found through {@code SCENARIST_SHARED_DATA} (the {@code data} folder) or by walking up from the working directory.
 */
final class SharedMjcfData {
    static final String MISSING = "the shared data folder ../shared/data/mjcf (real MuJoCo models) is missing: "
            + "these tests need it beside the repository, or SCENARIST_SHARED_DATA pointing at the data folder";

    private SharedMjcfData() {}

    static Optional<Path> root() {
        String env = System.getenv("SCENARIST_SHARED_DATA");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env, "mjcf"))) {
            return Optional.of(Path.of(env, "mjcf"));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/mjcf");
            if (Files.isDirectory(candidate.resolve("valid"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<Path> xmlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The asserted substrings per file from an {@code invalid/SOURCES.md}: each "## file.xml" section's
     * "asserted substring(s): `a`; `b`" line.
     */
    static Map<String, List<String>> expectedErrors(Path sourcesMd) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String current = null;
        Pattern code = Pattern.compile("`([^`]*)`");
        for (String line : Files.readAllLines(sourcesMd)) {
            if (line.startsWith("## ")) {
                current = line.substring(3).trim();
            } else if (current != null && line.contains("asserted substring(s):")) {
                List<String> subs = new ArrayList<>();
                Matcher m = code.matcher(line.substring(line.indexOf("asserted substring(s):")));
                while (m.find()) {
                    subs.add(m.group(1));
                }
                out.put(current, subs);
            }
        }
        return out;
    }
}
