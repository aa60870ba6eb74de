package dev.scenarist.packs.yaml.tree;

/**
 * A place in a definition file, shown as {@code file:line:column}. Line and column are 1-based; 0 means the
 * whole file (e.g. a file that does not exist).
 */
public record SourceLocation(String file, int line, int column) {
    public static SourceLocation wholeFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    /** The same file, {@code lines} lines further down, at column 1 (a line inside a block of text). */
    public SourceLocation linesBelow(int lines) {
        return lines == 0 ? this : new SourceLocation(file, line + lines, 1);
    }

    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }
}
