package dev.scenarist.app.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations of text inputs (YAML, XML, JSON lines) the way careless editing and damaged files break them:
 * lines lost, doubled or swapped, indentation shifted, values replaced by hostile ones, files cut short, bytes
 * garbled. The same seed gives the same mutants, so a failure names the input that caused it.
 */
final class Mutations {
    /** Values a user (or an attacker) puts where a number, a duration, a name or a URL belongs. */
    static final List<String> HOSTILE_VALUES = List.of("", "-1", "0", "-0", "४२", "١٢", "1e9", "NaN", "Infinity",
            "99999999999999999999", "0x10", "4.5", "\"12\"", "'", "\"", "{", "[", "}", "]", "~", "null", "yes", "no",
            "ftp://x", "not a url", "http://", "../../../etc/passwd", "/etc/passwd", "{{pack_dir}}", "${HOME}",
            "&anchor", "*alias", "!!binary AAAA", "!!java.lang.Runtime", "- a\n- b", "a: b: c", "\t", "​", "💥",
            "-5s", "0s", "10y", "30 minutes", "1_000", "２", "true", "[1, 2]", "{a: 1}");

    private final SplittableRandom random;

    Mutations(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** One to three line-level or value-level mutations of a YAML or XML text. */
    String mutateText(String text) {
        String result = text;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) result = mutateOnce(result);
        return result;
    }

    private String mutateOnce(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.isEmpty()) return pick(HOSTILE_VALUES);
        int at = random.nextInt(lines.size());
        switch (random.nextInt(12)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(at)); // duplicate keys, repeated elements
            case 2 -> {
                int other = random.nextInt(lines.size());
                String t = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, t);
            }
            case 3 -> lines.set(at, " ".repeat(1 + random.nextInt(3)) + lines.get(at)); // bad indentation
            case 4 -> lines.set(at, lines.get(at).stripLeading());
            case 5 -> lines.set(at, replaceValue(lines.get(at)));
            case 6 -> lines.set(at, replaceValue(lines.get(at)));
            case 7 -> {
                return text.substring(0, random.nextInt(text.length() + 1)); // cut short
            }
            case 8 -> lines.set(at, typo(lines.get(at)));
            case 9 -> lines.add(at, pick(HOSTILE_VALUES));
            case 10 -> lines.set(at, lines.get(at).replace(' ', '\t'));
            default -> {
                return garble(text);
            }
        }
        return String.join("\n", lines);
    }

    /** Replaces what follows a YAML colon, or an XML attribute's value, with a hostile value. */
    String replaceValue(String line) {
        String value = pick(HOSTILE_VALUES);
        int quote = line.indexOf("=\"");
        if (quote >= 0) {
            int end = line.indexOf('"', quote + 2);
            if (end > quote) return line.substring(0, quote + 2) + value.replace("\"", "&quot;") + line.substring(end);
        }
        int colon = line.indexOf(':');
        if (colon >= 0) return line.substring(0, colon + 1) + " " + value;
        return line + value;
    }

    /** Swaps two neighbouring letters of a word: the misspelt key or option. */
    String typo(String word) {
        if (word.length() < 3) return word + "x";
        int i = 1 + random.nextInt(word.length() - 2);
        char[] c = word.toCharArray();
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
    }

    /** Overwrites a few characters with arbitrary code points, as a damaged file would have. */
    String garble(String text) {
        if (text.isEmpty()) return "\uFFFD";
        StringBuilder b = new StringBuilder(text);
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) b.setCharAt(random.nextInt(b.length()), (char) (1 + random.nextInt(0x2FF)));
        return b.toString();
    }

    /** Overwrites bytes of a binary file (a database page) in place. */
    byte[] garble(byte[] bytes, int from, int to, int count) {
        byte[] copy = bytes.clone();
        if (to <= from) return copy;
        for (int i = 0; i < count; i++) copy[from + random.nextInt(to - from)] = (byte) random.nextInt(256);
        return copy;
    }
}
