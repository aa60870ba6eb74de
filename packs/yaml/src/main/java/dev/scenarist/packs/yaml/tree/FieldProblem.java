package dev.scenarist.packs.yaml.tree;

import java.util.Objects;

/**
 * One thing wrong in a YAML file, as a value: where, which field, what, and how to fix it. Readers that report every
 * problem at once (the campaign configuration) collect these; readers that stop at the first (pack definitions) throw
 * one inside a {@link dev.scenarist.packs.yaml.PackDefinitionException}.
 *
 * @param field the field's path from the document root ({@code budget.max_runs}); empty for the root
 * @param fix   how to fix it, or empty
 */
public record FieldProblem(SourceLocation location, String field, String problem, String fix) {
    public FieldProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(problem, "problem");
        field = field == null ? "" : field;
        fix = fix == null ? "" : fix;
    }

    /** {@code campaign.yaml:4:3: budget.max_runs: expected a whole number ...; write it without quotes}. */
    public String render() {
        StringBuilder b = new StringBuilder(location.toString()).append(": ");
        if (!field.isEmpty()) b.append(field).append(": ");
        b.append(problem);
        if (!fix.isEmpty()) b.append("; ").append(fix);
        return b.toString();
    }
}
