package dev.scenarist.packs.services.internal.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A lexical reader of PostgreSQL scripts: it splits a script into statements on {@code ;} outside quotes and comments,
 * and finds what no statement can survive — a string, quoted identifier, dollar quote or block comment that never
 * ends, and parentheses that do not pair up — with the line where it starts. It knows PostgreSQL's lexical rules
 * ({@code ''} inside strings, backslash escapes only in {@code E'...'}, {@code $tag$...$tag$} bodies, nested
 * {@code /* *}{@code /} comments) but no grammar: the dry-run loads the files into a real PostgreSQL for that.
 */
public final class SqlLexer {
    /**
     * One statement as written (comments inside it kept), without its {@code ;}: what PostgreSQL is sent, so a character
     * position it reports in the statement maps back to the file ({@link Result#lineOf}). {@code offset} is where its first
     * token is in the text, {@code line} that token's 1-based line.
     */
    public record Statement(String text, int offset, int line) {}

    /** Something that makes the script unreadable; {@code detail} is the finding detail, {@code line} 1-based. */
    public record Problem(String detail, int line, String message, String fix) {}

    /**
     * The statements of a script and its lexical problems (none for a readable script). After a problem that ends the
     * reading (an unterminated quote or comment), the rest of the script is one last statement.
     */
    public record Result(String source, List<Statement> statements, List<Problem> problems) {
        public Result {
            statements = List.copyOf(statements);
            problems = List.copyOf(problems);
        }

        /**
         * The 1-based line of a position PostgreSQL reported for {@code statement}: {@code position} counts characters
         * (code points) of the statement from 1; 0 or less means none was reported.
         */
        public int lineOf(Statement statement, int position) {
            if (position <= 0) return statement.line();
            int offset;
            try {
                offset = source.offsetByCodePoints(statement.offset(), position - 1);
            } catch (IndexOutOfBoundsException e) {
                return statement.line();
            }
            int line = 1;
            for (int k = 0; k < offset && k < source.length(); k++) if (source.charAt(k) == '\n') line++;
            return line;
        }
    }

    private final String s;
    private int i;
    private int line = 1;
    private final List<Statement> statements = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    /** Lines of the '(' not yet closed in the current statement. */
    private final Deque<Integer> open = new ArrayDeque<>();
    private int statementLine = -1;
    private int statementStart = -1;

    private SqlLexer(String text) {
        this.s = text;
    }

    public static Result read(String text) {
        SqlLexer l = new SqlLexer(text);
        l.run();
        if (l.statementLine >= 0) l.addStatement(text.length()); // the unreadable rest, for PostgreSQL to report too
        return new Result(text, l.statements, l.problems);
    }

    private void run() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                if (!blockComment()) return;
            } else if (c == '\'') {
                if (!quoted('\'', isEscapeString(), "SQL_UNTERMINATED_STRING", "string literal")) return;
            } else if (c == '"') {
                if (!quoted('"', false, "SQL_UNTERMINATED_IDENTIFIER", "quoted identifier")) return;
            } else if (c == '$' && dollarTag() != null) {
                if (!dollarQuoted(dollarTag())) return;
            } else if (c == ';') {
                endStatement();
                i++;
            } else {
                if (c == '(') {
                    open.push(line);
                } else if (c == ')') {
                    if (open.isEmpty()) {
                        problems.add(new Problem("SQL_UNBALANCED_PARENTHESIS", line, "')' on line " + line + " closes no '('",
                                "remove the extra ')' or add the '(' it belongs to"));
                    } else {
                        open.pop();
                    }
                }
                take(c);
            }
        }
        endStatement();
    }

    /** Adds a character of the current statement, tracking lines. */
    private void take(char c) {
        if (statementLine < 0 && !Character.isWhitespace(c)) {
            statementLine = line;
            statementStart = i;
        }
        if (c == '\n') line++;
        i++;
    }

    private void endStatement() {
        if (!open.isEmpty()) {
            int at = open.peekLast();
            problems.add(new Problem("SQL_UNBALANCED_PARENTHESIS", at, "'(' on line " + at + " is never closed"
                    + (open.size() > 1 ? " (" + open.size() + " parentheses are open)" : "") + " before the statement ends on line " + line,
                    "add the missing ')' (or remove the extra '(') so the parentheses of the statement pair up"));
            open.clear();
        }
        if (statementLine >= 0) addStatement(Math.min(i, s.length()));
    }

    private void addStatement(int end) {
        statements.add(new Statement(s.substring(statementStart, end).strip(), statementStart, statementLine));
        statementLine = -1;
        statementStart = -1;
    }

    private void skipLineComment() {
        while (i < s.length() && s.charAt(i) != '\n') i++;
    }

    /** PostgreSQL block comments nest. */
    private boolean blockComment() {
        int startLine = line;
        int depth = 0;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) return true;
            } else {
                if (s.charAt(i) == '\n') line++;
                i++;
            }
        }
        problems.add(new Problem("SQL_UNTERMINATED_COMMENT", startLine, "the comment '/*' opened on line " + startLine + " is never closed",
                "close it with '*/' (comments nest: every '/*' inside needs its own '*/')"));
        return false;
    }

    /** A string or quoted identifier; the quote doubled stands for itself, and in E'...' a backslash escapes. */
    private boolean quoted(char quote, boolean backslashEscapes, String detail, String what) {
        int startLine = line;
        take(s.charAt(i));
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\' && i + 1 < s.length()) {
                take(c);
                take(s.charAt(i));
            } else if (c == quote) {
                take(c);
                if (i < s.length() && s.charAt(i) == quote) {
                    take(quote);
                } else {
                    return true;
                }
            } else {
                take(c);
            }
        }
        String q = String.valueOf(quote);
        problems.add(new Problem(detail, startLine, "the " + what + " opened with " + q + " on line " + startLine + " is never closed",
                "close it with " + q + "; write a " + q + " inside it as " + q + q));
        return false;
    }

    private boolean dollarQuoted(String tag) {
        int startLine = line;
        for (int k = 0; k < tag.length(); k++) take(s.charAt(i));
        while (i < s.length()) {
            if (s.startsWith(tag, i)) {
                for (int k = 0; k < tag.length(); k++) take(s.charAt(i));
                return true;
            }
            take(s.charAt(i));
        }
        problems.add(new Problem("SQL_UNTERMINATED_DOLLAR_QUOTE", startLine, "the dollar quote " + tag + " opened on line " + startLine
                + " is never closed", "end the body with the same " + tag));
        return false;
    }

    /** The {@code $tag$} starting here, or null ({@code $1} is a parameter, {@code a$b} part of an identifier). */
    private String dollarTag() {
        if (i > 0 && isIdentifierPart(s.charAt(i - 1))) return null;
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '$') return "$$";
        if (j >= s.length() || !(Character.isLetter(s.charAt(j)) || s.charAt(j) == '_')) return null;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
        return j < s.length() && s.charAt(j) == '$' ? s.substring(i, j + 1) : null;
    }

    /** An E'...' (or e'...') string: the E must start a token. */
    private boolean isEscapeString() {
        if (i == 0 || (s.charAt(i - 1) != 'E' && s.charAt(i - 1) != 'e')) return false;
        return i < 2 || !isIdentifierPart(s.charAt(i - 2));
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private char peek(int ahead) {
        return i + ahead < s.length() ? s.charAt(i + ahead) : '\0';
    }
}
