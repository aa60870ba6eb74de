package dev.scenarist.packs.chains.internal.pool;

import dev.scenarist.packs.chains.internal.path.JsonPath;
import dev.scenarist.packs.chains.pool.CheckKind;
import dev.scenarist.packs.chains.pool.Expectation;
import dev.scenarist.packs.chains.pool.Priority;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PATH OP OPERAND}: PATH starts at {@code response.}, {@code session.} or {@code semantic_memory.}; OP is one of
 * {@code == != >= <= contains exists missing}; the operand is a JSON literal ({@code "text"}, a number, true, false,
 * null), placeholders allowed inside it.
 */
final class ExpectationParser {
    private static final Pattern FORM = Pattern.compile("\\s*(\\S+)\\s+(==|!=|>=|<=|contains|exists|missing)\\s*(.*?)\\s*");

    private ExpectationParser() {}

    static Expectation parse(String text, String kindText, String priorityText, String location) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("'" + text + "' is not PATH OP VALUE (OP one of == != >= <= contains exists missing)");
        String path = m.group(1);
        JsonPath parsed = JsonPath.parse(path);
        String root = parsed.head();
        if (!root.equals("response") && !root.equals("session") && !root.equals("semantic_memory")) {
            throw new IllegalArgumentException("the path '" + path + "' must start with response., session. or semantic_memory.");
        }
        Expectation.Operator op = switch (m.group(2)) {
            case "==" -> Expectation.Operator.EQUALS;
            case "!=" -> Expectation.Operator.NOT_EQUALS;
            case ">=" -> Expectation.Operator.AT_LEAST;
            case "<=" -> Expectation.Operator.AT_MOST;
            case "contains" -> Expectation.Operator.CONTAINS;
            case "exists" -> Expectation.Operator.EXISTS;
            default -> Expectation.Operator.MISSING;
        };
        String operand = m.group(3);
        if (op.takesOperand() && operand.isEmpty()) throw new IllegalArgumentException("'" + op.symbol + "' needs a value after it");
        if (!op.takesOperand() && !operand.isEmpty()) throw new IllegalArgumentException("'" + op.symbol + "' takes no value, found '" + operand + "'");
        CheckKind kind = kindText != null ? enumValue(CheckKind.class, kindText, "kind")
                : root.equals("semantic_memory") ? CheckKind.CARRYOVER
                : op == Expectation.Operator.CONTAINS ? CheckKind.PRESENTATION
                : root.equals("session") ? CheckKind.STATE : CheckKind.ANSWER;
        Priority priority = priorityText != null ? enumValue(Priority.class, priorityText, "priority")
                : switch (kind) {
                    case CARRYOVER -> Priority.P0;
                    case ANSWER, STATE -> Priority.P1;
                    case PRESENTATION -> Priority.P2;
                };
        return new Expectation(text.strip(), new Expectation.Check(path, op, operand), kind, priority, location);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
        for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(text)) return e;
        StringBuilder all = new StringBuilder();
        for (E e : type.getEnumConstants()) all.append(all.isEmpty() ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        throw new IllegalArgumentException("unknown " + field + " '" + text + "'; use one of " + all);
    }
}
