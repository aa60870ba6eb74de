package dev.scenarist.packs.services.catalog;

/**
 * A resource catalog file cannot be used. The message names the file and line ({@code my-resources.yaml:12}), what is
 * wrong and how to fix it; {@link #file()}, {@link #line()} and {@link #fix()} give the parts.
 */
public final class CatalogException extends Exception {
    private final String file;
    private final int line;
    private final String fix;

    CatalogException(String file, int line, String problem, String fix) {
        super(file + ":" + line + ": " + problem + (fix.isEmpty() ? "" : " (fix: " + fix + ")"));
        this.file = file;
        this.line = line;
        this.fix = fix;
    }

    public String file() {
        return file;
    }

    /** 1-based. */
    public int line() {
        return line;
    }

    public String fix() {
        return fix;
    }
}
