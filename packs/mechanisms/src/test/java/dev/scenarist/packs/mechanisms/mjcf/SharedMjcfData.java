package dev.scenarist.packs.mechanisms.mjcf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The third-party MJCF models in {@code ../shared/data/mjcf} (valid and invalid, with MuJoCo's expected errors).
 * Found by walking up from the working directory, or named by {@code -Dscenarist.mjcf.data=...}.
 */
final class SharedMjcfData {
    private SharedMjcfData() {}

    /** One invalid model and what MuJoCo says about it (from {@code invalid/SOURCES.md}). */
    record Expected(String file, List<String> assertedSubstrings, String fullMessage) {
        /** The line MuJoCo's full message names, or -1. */
        int line() {
            Matcher m = Pattern.compile("line (\\d+)").matcher(fullMessage);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }
    }

    static Path dir() {
        String configured = System.getProperty("scenarist.mjcf.data");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/mjcf");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The data folder, or the test is skipped with a message saying the shared data is absent. */
    static Path requireDir() {
        Path d = dir();
        assumeTrue(d != null && Files.isDirectory(d.resolve("valid")) && Files.isDirectory(d.resolve("invalid")),
                "shared MJCF test data not found (looked for shared/data/mjcf above the working directory, "
                        + "or -Dscenarist.mjcf.data): skipping the real-model tests");
        return d;
    }

    static List<Path> xmlFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
    }

    static List<Expected> expectedErrors(Path invalidDir) throws IOException {
        String md = Files.readString(invalidDir.resolve("SOURCES.md"));
        Matcher section = Pattern.compile("(?m)^## (\\S+\\.xml)\\s*$").matcher(md);
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        while (section.find()) {
            names.add(section.group(1));
            starts.add(section.end());
        }
        List<Expected> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String body = md.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : md.length());
            List<String> asserted = new ArrayList<>();
            Matcher a = Pattern.compile("(?m)^- asserted substring\\(s\\): (.*)$").matcher(body);
            if (a.find()) {
                Matcher q = Pattern.compile("`([^`]*)`").matcher(a.group(1));
                while (q.find()) {
                    asserted.add(q.group(1));
                }
            }
            Matcher f = Pattern.compile("(?m)^- full message[^:]*: `(.*)`\\s*$").matcher(body);
            out.add(new Expected(names.get(i), List.copyOf(asserted), f.find() ? f.group(1) : ""));
        }
        return out;
    }
}
