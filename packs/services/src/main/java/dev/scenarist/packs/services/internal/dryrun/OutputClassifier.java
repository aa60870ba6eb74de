package dev.scenarist.packs.services.internal.dryrun;

import dev.scenarist.packs.services.format.ErrorClass;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sorts a line a script or the user's dry-run command printed into an error class: a missing file (or command), a
 * refused permission, a syntax error, a database error (PostgreSQL's wording, as psql prints it); any other line that reads as an error is a CONFIGURATION
 * error. Lines that do not read as errors at all are not classified.
 */
final class OutputClassifier {
    private record Rule(ErrorClass errorClass, Pattern pattern) {}

    /**
     * First match wins: PostgreSQL's own wording first ("relation \"x\" does not exist" is a database error, not a
     * missing file), then "syntax error near unexpected token" is SYNTAX even though it also says "error".
     */
    private static final List<Rule> RULES = List.of(
            new Rule(ErrorClass.DATABASE, Pattern.compile(
                    "psql:\\S+:\\d+:|SQLSTATE|violates .*constraint|duplicate key value|(relation|column|table|function|schema) \"[^\"]*\"")),
            new Rule(ErrorClass.MISSING_FILE, Pattern.compile(
                    "No such file or directory|command not found|[Nn]o such file|does not exist|[Mm]issing file|cannot find|can't open|not found",
                    Pattern.CASE_INSENSITIVE)),
            new Rule(ErrorClass.PERMISSION, Pattern.compile("[Pp]ermission denied|[Oo]peration not permitted|EACCES|[Rr]ead-only file system")),
            new Rule(ErrorClass.SYNTAX, Pattern.compile(
                    "syntax error|unexpected token|unexpected EOF|unexpected end of file|parse error|[Ii]nvalid JSON|[Uu]nexpected character")));

    private static final Pattern ERRORISH = Pattern.compile("\\b(error|fail(ed|ure)?|fatal|cannot|could not|unable to|invalid)\\b",
            Pattern.CASE_INSENSITIVE);

    private OutputClassifier() {}

    /** The class of an error line; empty when the line does not read as an error. */
    static Optional<ErrorClass> classify(String line) {
        for (Rule r : RULES) if (r.pattern().matcher(line).find()) return Optional.of(r.errorClass());
        return ERRORISH.matcher(line).find() ? Optional.of(ErrorClass.CONFIGURATION) : Optional.empty();
    }
}
