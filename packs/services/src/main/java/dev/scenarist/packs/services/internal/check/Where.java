package dev.scenarist.packs.services.internal.check;

/**
 * How findings of the static checks say where: {@code file:line} for text files (SQL, scripts, YAML), and
 * {@code file#/json/pointer} for JSON documents, whose line then ends the message ("(line 41)") so a person with an
 * editor and a model reading the pointer both find the spot.
 */
final class Where {
    private Where() {}

    static String line(String file, int line) {
        return file + ":" + line;
    }

    static String pointer(String file, String pointer) {
        return file + "#" + (pointer.isEmpty() ? "/" : pointer);
    }

    /** The message suffix naming the line of a JSON pointer. */
    static String onLine(int line) {
        return " (line " + line + ")";
    }
}
