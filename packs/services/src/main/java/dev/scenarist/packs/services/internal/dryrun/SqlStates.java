package dev.scenarist.packs.services.internal.dryrun;

import dev.scenarist.packs.services.format.ErrorClass;
import java.util.Map;

/**
 * What a PostgreSQL error code (SQLSTATE) means for the scenario: its error class, the detail of the finding code and
 * how to fix it. Class 42601 is a syntax error, 42501 a privilege the dry-run's role (like any deployment's) does not
 * have; every other refusal of a statement (undefined or duplicate objects, constraint violations, bad data) is a
 * DATABASE error.
 */
public record SqlStates(ErrorClass errorClass, String detail, String fix) {
    private static final Map<String, SqlStates> KNOWN = Map.ofEntries(
            Map.entry("42601", new SqlStates(ErrorClass.SYNTAX, "SQL", "correct the statement's syntax at that line (PostgreSQL's grammar)")),
            Map.entry("42501", new SqlStates(ErrorClass.PERMISSION, "SQL_PRIVILEGE",
                    "remove the statement: the service's database role is not a superuser (no COPY TO/FROM PROGRAM or files,"
                            + " no server file functions, no untrusted extensions, no role changes)")),
            Map.entry("42703", new SqlStates(ErrorClass.DATABASE, "UNDEFINED_COLUMN",
                    "use a column schema.sql defines, or add the column to the table in schema.sql")),
            Map.entry("42P01", new SqlStates(ErrorClass.DATABASE, "UNDEFINED_TABLE",
                    "create the table in schema.sql before it is used (schema.sql runs before seed.sql), or fix its name")),
            Map.entry("42883", new SqlStates(ErrorClass.DATABASE, "UNDEFINED_FUNCTION", "use a function PostgreSQL has, with matching argument types")),
            Map.entry("42704", new SqlStates(ErrorClass.DATABASE, "UNDEFINED_OBJECT", "create the object first or use one that exists")),
            Map.entry("42P07", new SqlStates(ErrorClass.DATABASE, "DUPLICATE_TABLE", "create each table once (or use CREATE TABLE IF NOT EXISTS)")),
            Map.entry("42710", new SqlStates(ErrorClass.DATABASE, "DUPLICATE_OBJECT", "create each object once")),
            Map.entry("42701", new SqlStates(ErrorClass.DATABASE, "DUPLICATE_COLUMN", "name each column of a table once")),
            Map.entry("42804", new SqlStates(ErrorClass.DATABASE, "DATATYPE_MISMATCH", "give the value the column's type")),
            Map.entry("23503", new SqlStates(ErrorClass.DATABASE, "FOREIGN_KEY",
                    "insert the referenced row first (seed.sql runs top to bottom) or reference an id that exists")),
            Map.entry("23502", new SqlStates(ErrorClass.DATABASE, "NOT_NULL", "give the NOT NULL column a value in every row")),
            Map.entry("23505", new SqlStates(ErrorClass.DATABASE, "UNIQUE", "make the values of the unique column(s) distinct")),
            Map.entry("23514", new SqlStates(ErrorClass.DATABASE, "CHECK", "use a value the table's CHECK constraint allows")),
            Map.entry("57014", new SqlStates(ErrorClass.DATABASE, "SQL_TIMEOUT",
                    "make the statement finish quickly: seed data should be small, and nothing should wait or sleep")),
            Map.entry("55P03", new SqlStates(ErrorClass.DATABASE, "LOCK_TIMEOUT", "do not hold locks across statements")),
            Map.entry("58P01", new SqlStates(ErrorClass.DATABASE, "UNAVAILABLE_FILE",
                    "use only what a stock PostgreSQL has (the extension or file named is not available)")),
            Map.entry("0A000", new SqlStates(ErrorClass.DATABASE, "UNSUPPORTED", "use only standard PostgreSQL features")));

    /** The meaning of {@code sqlState}; unknown codes are DATABASE errors named by their code. */
    public static SqlStates of(String sqlState) {
        if (sqlState == null) return new SqlStates(ErrorClass.DATABASE, "SQL", "fix the statement PostgreSQL refused");
        SqlStates known = KNOWN.get(sqlState);
        if (known != null) return known;
        if (sqlState.startsWith("22")) return new SqlStates(ErrorClass.DATABASE, "DATA", "give the value the column's type and range");
        if (sqlState.startsWith("23")) return new SqlStates(ErrorClass.DATABASE, "CONSTRAINT", "make the rows satisfy the table's constraints");
        return new SqlStates(ErrorClass.DATABASE, "SQL_" + sqlState, "fix the statement PostgreSQL refused");
    }

    /** The finding code, e.g. {@code SVC_DATABASE_UNDEFINED_COLUMN}. */
    public String code() {
        return errorClass.code(detail);
    }
}
