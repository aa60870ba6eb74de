package dev.scenarist.packs.yaml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code <file path="…">…</file>} blocks of a model reply (the engine's reply format), for tests. */
final class FileBlocks {
    private static final Pattern BLOCK = Pattern.compile("<file path=\"([^\"]+)\">\\n?(.*?)</file>", Pattern.DOTALL);

    private FileBlocks() {}

    static Map<String, String> parse(String reply) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(reply);
        while (m.find()) out.put(m.group(1), m.group(2));
        return out;
    }
}
