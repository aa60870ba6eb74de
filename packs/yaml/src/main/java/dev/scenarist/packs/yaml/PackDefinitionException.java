package dev.scenarist.packs.yaml;

import dev.scenarist.packs.yaml.tree.FieldProblem;
import dev.scenarist.packs.yaml.tree.SourceLocation;
import java.util.Objects;

/**
 * A pack definition is broken. Says where (file, line, column and the field's path such as
 * {@code stages[1].policy.max_attempts}), what is wrong, and how to fix it, e.g.
 * {@code unknown field 'max_attempt' at packs/quiz/pack.yaml:12:7 (in stages[0].policy); did you mean 'max_attempts'?}
 */
public final class PackDefinitionException extends RuntimeException {
    private final SourceLocation location;
    private final String field;
    private final String problem;
    private final String fix;

    public PackDefinitionException(SourceLocation location, String field, String problem, String fix) {
        super(render(location, field, problem, fix));
        this.location = Objects.requireNonNull(location, "location");
        this.field = field == null ? "" : field;
        this.problem = Objects.requireNonNull(problem, "problem");
        this.fix = fix == null ? "" : fix;
    }

    public PackDefinitionException(FieldProblem p) {
        this(p.location(), p.field(), p.problem(), p.fix());
    }

    /** The same problem as a value, for readers that collect every problem before reporting. */
    public FieldProblem toProblem() {
        return new FieldProblem(location, field, problem, fix);
    }

    private static String render(SourceLocation location, String field, String problem, String fix) {
        StringBuilder b = new StringBuilder(problem).append(" at ").append(location);
        if (field != null && !field.isEmpty()) b.append(" (in ").append(field).append(')');
        if (fix != null && !fix.isEmpty()) b.append("; ").append(fix);
        return b.toString();
    }

    public SourceLocation location() {
        return location;
    }

    /** The file the problem is in (pack.yaml, or a schema file it points to). */
    public String file() {
        return location.file();
    }

    /** 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return location.line();
    }

    /** 1-based column, or 0 when the problem concerns the whole file. */
    public int column() {
        return location.column();
    }

    /** The field's path from the document root, e.g. {@code stages[2].checks[0].schema_file}; empty for the root. */
    public String field() {
        return field;
    }

    /** What is wrong, without location or fix. */
    public String problem() {
        return problem;
    }

    /** How to fix it, or empty. */
    public String fix() {
        return fix;
    }
}
