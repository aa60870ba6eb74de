package dev.scenarist.app.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How one command line ended, and what a user must never see from it: an internal error (exit 3), a stack trace,
 * the parser's or the JVM's own words instead of ours, a {@code --json} run whose stdout is not one JSON document,
 * or temporary files left behind in the data directory.
 */
record CliOutcome(List<String> args, int code, String out, String err) {
    /** The exit codes of the contract: success, fell short, usage/configuration error, not judged. */
    static final Set<Integer> DOCUMENTED_EXIT_CODES = Set.of(0, 1, 2, 4);
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\n\\s*at [a-zA-Z_$][\\w$.]*\\("), // a stack frame
            Pattern.compile("Exception in thread"),
            Pattern.compile("internal error"),
            Pattern.compile("\\b(java\\.lang|java\\.io|java\\.nio|com\\.fasterxml|org\\.yaml\\.snakeyaml|org\\.sqlite|org\\.jdbi)\\.[A-Za-z]"),
            Pattern.compile("Cannot deserialize|Unrecognized field|MismatchedInputException|NullPointerException"));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every rule this outcome breaks, each a sentence naming the input; empty when it behaved. */
    List<String> violations(String family, String input, Optional<Path> dataDir) {
        List<String> problems = new ArrayList<>();
        String where = family + " [" + input + "] " + args;
        if (!DOCUMENTED_EXIT_CODES.contains(code)) problems.add(where + ": exit " + code + "\n" + tail(err));
        for (Pattern leak : LEAKS) {
            for (String stream : List.of(out, err)) {
                String shown = withoutEchoedArguments(stream);
                var m = leak.matcher(shown);
                if (m.find()) {
                    String around = shown.substring(Math.max(0, m.start() - 300), Math.min(shown.length(), m.end() + 300));
                    problems.add(where + ": shows '" + m.group().strip() + "' to the user:\n…" + around + "…");
                    break;
                }
            }
        }
        if (args.contains("--json") && wantsDocument()) {
            try {
                JSON.readTree(out);
                if (out.isBlank()) problems.add(where + ": --json printed nothing on stdout (exit " + code + ")\n" + tail(err));
            } catch (IOException e) {
                problems.add(where + ": --json stdout is not one JSON document: " + tail(out));
            }
        }
        dataDir.flatMap(CliOutcome::leftoverTemporaryFile).ifPresent(f -> problems.add(where + ": left " + f + " behind"));
        return problems;
    }

    /**
     * A message may quote what the user wrote — an unexpected argument, or a value from the file, such as
     * '!!java.lang.Runtime' — and that is no leak.
     */
    private String withoutEchoedArguments(String stream) {
        String s = stream;
        for (String a : args) if (a.length() > 2) s = s.replace(a, "ARG");
        for (String v : Mutations.HOSTILE_VALUES) if (v.length() > 2) s = s.replace(v, "VALUE");
        return s;
    }

    private boolean wantsDocument() {
        return args.stream().noneMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V")
                || a.equals("help") || a.equals("completion"));
    }

    private static Optional<Path> leftoverTemporaryFile(Path dataDir) {
        if (!Files.isDirectory(dataDir)) return Optional.empty();
        try (Stream<Path> all = Files.walk(dataDir)) {
            return all.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".tmp") || name.contains(".tmp-") || name.endsWith(".partial");
            }).findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty(); // a folder removed while we looked is no leftover
        }
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() > 600 ? "…" + t.substring(t.length() - 600) : t;
    }
}
