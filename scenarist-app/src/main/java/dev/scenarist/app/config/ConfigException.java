package dev.scenarist.app.config;

import dev.scenarist.packs.yaml.tree.FieldProblem;
import java.util.List;

/**
 * A configuration problem the user must fix: the message names the file, line or option and the fix. Exit code 2.
 * A configuration file's problems are all reported at once, one per line, each at its {@code file:line:column}.
 */
public class ConfigException extends RuntimeException {
    private final List<FieldProblem> problems;

    public ConfigException(String message) {
        super(message);
        this.problems = List.of();
    }

    /** @param problems at least one */
    public ConfigException(String file, List<FieldProblem> problems) {
        super(render(file, problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem of a configuration file with its location; empty for a problem not tied to a file (an option). */
    public List<FieldProblem> problems() {
        return problems;
    }

    private static String render(String file, List<FieldProblem> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("no problems to report");
        if (problems.size() == 1) return problems.getFirst().render();
        StringBuilder b = new StringBuilder(file).append(" has ").append(problems.size()).append(" problems:");
        for (FieldProblem p : problems) b.append("\n  ").append(p.render());
        return b.toString();
    }
}
