package dev.scenarist.packs.yaml.internal.checks;

import dev.scenarist.core.model.CheckResult;
import dev.scenarist.core.model.Finding;
import dev.scenarist.core.pack.Check;
import dev.scenarist.core.pack.CheckContext;
import dev.scenarist.core.workspace.Workspace;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code type: patterns}: regular expressions a file (or every file matching a glob) must not / must contain.
 * {@code forbid} patterns are tried on each line, so findings name {@code file:line}; {@code require} patterns are
 * tried on the whole text with {@code ^}/{@code $} matching at line ends.
 */
public final class PatternsCheck implements Check {
    /** At most this many findings per rule and file; a long file full of one mistake needs one lesson, not fifty. */
    private static final int MAX_FINDINGS_PER_RULE = 5;

    /** One pattern with the explanation shown when it triggers (empty: a generic one is made up). */
    public record Rule(Pattern regex, String message) {
        public Rule {
            Objects.requireNonNull(regex, "regex");
            message = message == null ? "" : message;
        }
    }

    private final String name;
    private final String file;
    private final Optional<PathMatcher> glob;
    private final List<Rule> forbid;
    private final List<Rule> require;

    /** @param file a workspace path, or a glob such as {@code *.sql} or {@code queries/**}{@code .sql} */
    public PatternsCheck(String name, String file, List<Rule> forbid, List<Rule> require) {
        this.name = Objects.requireNonNull(name, "name");
        this.file = Objects.requireNonNull(file, "file");
        this.glob = isGlob(file) ? Optional.of(FileSystems.getDefault().getPathMatcher("glob:" + file)) : Optional.empty();
        this.forbid = List.copyOf(forbid);
        this.require = List.copyOf(require);
    }

    public static boolean isGlob(String file) {
        return file.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** Whether {@code path} is one of the files this check reads. */
    public boolean covers(String path) {
        return glob.map(g -> g.matches(Path.of(path))).orElse(file.equals(path));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int tier() {
        return TIER_PARSE;
    }

    @Override
    public CheckResult run(CheckContext context) {
        Workspace ws = context.workspace();
        List<String> files = glob.isPresent() ? ws.list().stream().filter(this::covers).toList() : List.of(file);
        List<Finding> findings = new ArrayList<>();
        if (files.isEmpty() && !require.isEmpty()) {
            findings.add(Finding.error("MISSING_FILE", "no file matches '" + file + "'", file, "write the file(s) the stage declares"));
        }
        for (String f : files) {
            Optional<String> content = ws.read(f);
            if (content.isEmpty()) {
                findings.add(Finding.error("MISSING_FILE", "'" + f + "' was not written", f, "reply with a <file path=\"" + f + "\"> block")
                        .withFix("add " + f + " to the scenario folder"));
                continue;
            }
            checkForbidden(f, content.get(), findings);
            for (Rule r : require) {
                if (!r.regex().matcher(content.get()).find()) {
                    String what = r.message().isEmpty() ? "'" + f + "' does not contain the required pattern /" + r.regex().pattern() + "/" : r.message();
                    findings.add(Finding.error("MISSING_PATTERN", what, f, "add what the pattern /" + r.regex().pattern() + "/ asks for"));
                }
            }
        }
        return CheckResult.of(findings);
    }

    private void checkForbidden(String f, String content, List<Finding> findings) {
        // the newline that ends the last line does not start another (blank) line
        String body = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        String[] lines = body.split("\r?\n", -1);
        for (Rule r : forbid) {
            int hits = 0;
            for (int i = 0; i < lines.length; i++) {
                Matcher m = r.regex().matcher(lines[i]);
                if (!m.find()) continue;
                if (++hits > MAX_FINDINGS_PER_RULE) continue;
                String what = (r.message().isEmpty() ? "forbidden pattern /" + r.regex().pattern() + "/ matches" : r.message())
                        + ": `" + excerpt(lines[i]) + "`";
                findings.add(Finding.error("FORBIDDEN_PATTERN", what, f + ":" + (i + 1), "remove or rewrite this line"));
            }
            if (hits > MAX_FINDINGS_PER_RULE) {
                findings.add(Finding.error("FORBIDDEN_PATTERN", (hits - MAX_FINDINGS_PER_RULE) + " more lines of '" + f
                        + "' match /" + r.regex().pattern() + "/", f, "fix every line like the ones above"));
            }
        }
    }

    private static String excerpt(String line) {
        String s = line.strip();
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
