package dev.scenarist.packs.mechanisms.internal.mjcf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scenarist.packs.mechanisms.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The third-party MJCF models in {@code ../shared/data/mjcf} (valid and invalid, with MuJoCo's expected errors), found
 * by {@link SharedData}.
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

    /** The data folder, or the test is skipped with a message saying the shared data is absent. */
    static Path requireDir() {
        Path d = SharedData.mjcfDir().orElse(null);
        assumeTrue(d != null && Files.isDirectory(d.resolve("invalid")),
                SharedData.missing("skipping the real-model tests"));
        return d;
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
