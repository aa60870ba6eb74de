package dev.scenarist.packs.services.internal.dryrun;

import dev.scenarist.core.model.Finding;
import dev.scenarist.packs.services.format.ErrorClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the output of a failed script or dry-run command into findings: one per line that reads as an error, classified
 * by {@link OutputClassifier}, located at the {@code file:line} the line names (bash's own {@code file: line N:} or a
 * {@code path/to/file.ext:N}) and otherwise at the fallback location (the script's last traced line).
 */
final class OutputFindings {
    /** Enough to repair from; a script spewing errors would otherwise drown the feedback. */
    static final int MAX_FINDINGS = 8;
    private static final Pattern BASH_LINE = Pattern.compile("^(?:bash: )?([^:\\s][^:]*): line (\\d+): ");
    /** A script reaching for the network: there is none in the dry-run, which is the script's mistake, not the machine's. */
    private static final Pattern NETWORK = Pattern.compile(
            "[Cc]ould not resolve host|[Cc]onnection refused|[Nn]etwork is unreachable|[Ff]ailed to connect|[Nn]ame or service not known");
    private static final Pattern FILE_LINE = Pattern.compile("([\\w./-]+\\.(?:sql|sh|json|ya?ml|md|txt|env|conf)):(\\d+)");

    private OutputFindings() {}

    /**
     * @param text     the output to read (stderr, or stdout and stderr together)
     * @param detail   the finding code's detail, e.g. {@code SCRIPT}
     * @param what     who printed it, for the message: "deployment/startup.sh exited with 3"
     * @param scratch  the scratch folder, so paths printed inside it become relative scenario paths
     * @param fallback where to point when a line names no file:line
     * @param fix      how to repair, appended to the class's own advice
     */
    static List<Finding> from(String text, String detail, String what, Path scratch, String fallback, String fix) {
        Set<String> seen = new LinkedHashSet<>();
        List<Finding> out = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("+")) continue; // "+" lines are a script's own trace (set -x)
            Optional<ErrorClass> cls = OutputClassifier.classify(line);
            if (cls.isEmpty()) continue;
            String shown = relativize(line, scratch);
            if (!seen.add(shown)) continue;
            String location = locate(shown, scratch).orElse(fallback);
            String advice = NETWORK.matcher(line).find()
                    ? "the dry-run has no network and no services: when DRY_RUN=1, print the call instead of making it"
                    : advice(cls.get());
            out.add(Finding.error(cls.get().code(detail), what + ": " + shown, location, advice + "; " + fix));
            if (out.size() == MAX_FINDINGS) break;
        }
        return out;
    }

    static String advice(ErrorClass c) {
        return switch (c) {
            case MISSING_FILE -> "create the file it reads (or correct its path); in the dry-run only the scenario's own files and /usr exist,"
                    + " so a tool or service must not be called when DRY_RUN=1";
            case PERMISSION -> "write only inside the scenario folder and do not need privileges";
            case SYNTAX -> "correct the syntax the message points at";
            case DATABASE -> "correct the SQL the message names";
            case CONFIGURATION -> "make the files agree with each other and with service.json";
        };
    }

    private static Optional<String> locate(String line, Path scratch) {
        Matcher bash = BASH_LINE.matcher(line);
        if (bash.find() && existsIn(scratch, bash.group(1))) return Optional.of(bash.group(1) + ":" + bash.group(2));
        Matcher file = FILE_LINE.matcher(line);
        while (file.find()) {
            if (existsIn(scratch, file.group(1))) return Optional.of(file.group(1) + ":" + file.group(2));
        }
        return Optional.empty();
    }

    private static boolean existsIn(Path scratch, String relative) {
        if (relative.startsWith("/") || relative.contains("..")) return false;
        return Files.isRegularFile(scratch.resolve(relative));
    }

    /** Paths inside the scratch folder are shown relative to it: the model knows the scenario, not our temp folder. */
    static String relativize(String line, Path scratch) {
        return line.replace(scratch.toString() + "/", "").replace(scratch.toString(), ".");
    }
}
