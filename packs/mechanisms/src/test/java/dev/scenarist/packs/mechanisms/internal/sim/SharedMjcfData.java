package dev.scenarist.packs.mechanisms.internal.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What MuJoCo says about the invalid models of {@code ../shared/data/mjcf/invalid} (found by
 * {@link dev.scenarist.packs.mechanisms.SharedData}): its {@code SOURCES.md} lists, per file, the substrings MuJoCo's
 * error must contain.
 */
final class SharedMjcfData {
    private SharedMjcfData() {}

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
