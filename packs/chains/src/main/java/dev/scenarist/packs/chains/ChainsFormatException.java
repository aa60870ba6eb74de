package dev.scenarist.packs.chains;

/**
 * A question pool (or a step's expectation) that cannot be read: the file, line and column, the field, what is wrong
 * and how to fix it — {@code inventory.yaml:12:9: scenarios[0].steps[2].expect[0]: unknown operator '=~'; use ==, !=, ...}.
 */
public final class ChainsFormatException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;

    public ChainsFormatException(String file, int line, int column, String field, String problem, String fix) {
        super(file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + problem + (fix.isEmpty() ? "" : "; " + fix));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
