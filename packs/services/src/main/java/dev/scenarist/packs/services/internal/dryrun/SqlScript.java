package dev.scenarist.packs.services.internal.dryrun;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL file cut into the statements PostgreSQL would receive from {@code psql -f}, each with where it starts, so an
 * error PostgreSQL reports at a character position of one statement becomes a line of the file.
 *
 * <p>Statements end at a {@code ;} outside single-quoted strings (with {@code ''} escapes and {@code E'\''}),
 * double-quoted identifiers, {@code $tag$ ... $tag$} dollar quotes, {@code --} comments and nested {@code /* *}{@code /}
 * comments. An unterminated quote or comment simply runs to the end of the file: PostgreSQL then reports it.
 */
public final class SqlScript {
    /** One statement: its text from its first token up to (not including) its {@code ;}, and where that token is. */
    public record Statement(String text, int offset, int line) {}

    private final String source;
    private final List<Statement> statements;

    private SqlScript(String source, List<Statement> statements) {
        this.source = source;
        this.statements = List.copyOf(statements);
    }

    public static SqlScript parse(String source) {
        List<Statement> out = new ArrayList<>();
        int start = -1; // offset of the current statement's first token, -1 before it
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '-' && i + 1 < n && source.charAt(i + 1) == '-') {
                i = endOfLine(source, i);
                continue;
            }
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                i = endOfBlockComment(source, i);
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == ';') {
                if (start >= 0) out.add(statement(source, start, i));
                start = -1;
                i++;
                continue;
            }
            if (start < 0) start = i;
            if (c == '\'') {
                boolean backslashEscapes = i > 0 && (source.charAt(i - 1) == 'E' || source.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(source.charAt(i - 2)));
                i = endOfQuoted(source, i, '\'', backslashEscapes);
            } else if (c == '"') {
                i = endOfQuoted(source, i, '"', false);
            } else if (c == '$') {
                i = endOfDollarQuote(source, i);
            } else {
                i++;
            }
        }
        if (start >= 0) out.add(statement(source, start, n));
        return new SqlScript(source, out);
    }

    public List<Statement> statements() {
        return statements;
    }

    /**
     * The 1-based line of a position PostgreSQL reported for {@code statement}: {@code position} counts characters
     * (code points) of the statement from 1.
     */
    public int lineOf(Statement statement, int position) {
        if (position <= 0) return statement.line();
        int offset;
        try {
            offset = source.offsetByCodePoints(statement.offset(), position - 1);
        } catch (IndexOutOfBoundsException e) {
            return statement.line();
        }
        return lineAt(source, offset);
    }

    private static Statement statement(String source, int start, int end) {
        return new Statement(source.substring(start, end).stripTrailing(), start, lineAt(source, start));
    }

    static int lineAt(String source, int offset) {
        int line = 1;
        for (int k = 0; k < offset && k < source.length(); k++) if (source.charAt(k) == '\n') line++;
        return line;
    }

    private static int endOfLine(String s, int i) {
        int nl = s.indexOf('\n', i);
        return nl < 0 ? s.length() : nl + 1;
    }

    private static int endOfBlockComment(String s, int i) {
        int depth = 0;
        int n = s.length();
        while (i < n) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) return i;
            } else {
                i++;
            }
        }
        return n;
    }

    private static int endOfQuoted(String s, int i, char quote, boolean backslashEscapes) {
        int n = s.length();
        i++;
        while (i < n) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && s.charAt(i + 1) == quote) {
                    i += 2; // '' or "" inside the quote
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** A {@code $tag$} opener (tag empty or an identifier not starting with a digit); otherwise a plain {@code $} ($1, money). */
    private static int endOfDollarQuote(String s, int i) {
        int n = s.length();
        if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) return i + 1; // inside an identifier
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
        boolean isTag = j < n && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)));
        if (!isTag) return i + 1;
        String tag = s.substring(i, j + 1);
        int close = s.indexOf(tag, j + 1);
        return close < 0 ? n : close + tag.length();
    }
}
