package dev.scenarist.packs.services.format;

import java.util.Locale;
import java.util.Optional;

/**
 * The five classes every finding of this pack falls into (Vrooli's dry-run error classes), so analytics can count
 * them over attempts. A finding's code is {@code SVC_<CLASS>_<DETAIL>}, built by {@link #code(String)} and read back by
 * {@link #ofCode(String)}.
 */
public enum ErrorClass {
    /** A file does not parse: JSON, YAML, SQL, shell. */
    SYNTAX,
    /** Files parse but disagree: schema violations, unknown resources, port clashes, names that do not match. */
    CONFIGURATION,
    /** PostgreSQL refused a statement of schema.sql or seed.sql, or a SQL test of scenario-test.yaml failed. */
    DATABASE,
    /** Something was refused for lack of a permission (a script not executable, a privileged statement). */
    PERMISSION,
    /** A file that a phase, a script or a test names does not exist. */
    MISSING_FILE;

    private static final String PREFIX = "SVC_";

    /** The finding code for this class and a detail such as {@code UNDEFINED_COLUMN}. */
    public String code(String detail) {
        return PREFIX + name() + "_" + detail.toUpperCase(Locale.ROOT);
    }

    /** The class of a finding code this pack emitted; empty for codes of other origins (the engine's own). */
    public static Optional<ErrorClass> ofCode(String code) {
        if (code == null || !code.startsWith(PREFIX)) return Optional.empty();
        String rest = code.substring(PREFIX.length());
        // longest name first: MISSING_FILE before a hypothetical MISSING
        ErrorClass best = null;
        for (ErrorClass c : values()) {
            if (rest.startsWith(c.name() + "_") && (best == null || c.name().length() > best.name().length())) best = c;
        }
        return Optional.ofNullable(best);
    }

    /** Lower-case label for reports: {@code missing file}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
