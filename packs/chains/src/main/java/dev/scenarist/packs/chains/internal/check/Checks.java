package dev.scenarist.packs.chains.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scenarist.packs.chains.internal.path.Captures;
import dev.scenarist.packs.chains.internal.path.JsonPath;
import dev.scenarist.packs.chains.internal.path.Placeholders;
import dev.scenarist.packs.chains.pool.CheckKind;
import dev.scenarist.packs.chains.pool.Expectation;
import dev.scenarist.packs.chains.pool.Priority;
import java.io.IOException;
import java.util.Locale;

/**
 * Runs a step's expectations against what the step captured — the assistant's response and the session fetched after
 * it — before any analyst is asked: they cost nothing and are never wrong about what was returned.
 */
public final class Checks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checks() {}

    /** The implicit first check of every step: the contract's reply is there (a direct answer comes first). */
    public static CheckResult replyPresent(JsonNode response) {
        JsonNode reply = response.path("reply");
        boolean ok = !reply.isMissingNode() && !reply.isNull() && !(reply.isTextual() && reply.asText().isBlank());
        return new CheckResult("response.reply exists", "response.reply exists", CheckKind.ANSWER, Priority.P1,
                new CheckResult.Finding(ok, ok ? "reply present" : "the response has no 'reply'", ok));
    }

    public static CheckResult run(Expectation e, Captures captures) {
        Expectation.Check c = e.check();
        String operandText;
        try {
            operandText = Placeholders.resolve(c.operand(), captures).text();
        } catch (Placeholders.UnresolvedPlaceholder u) {
            return new CheckResult(e.source(), e.source(), e.kind(), e.priority(), new CheckResult.Finding(false, "not judged: " + u.getMessage(), false));
        }
        String resolved = c.path() + " " + c.op().symbol + (operandText.isEmpty() ? "" : " " + operandText);
        JsonPath path = JsonPath.parse(c.path());
        JsonNode doc = switch (path.head()) {
            case "response" -> captures.lastResponse();
            case "session" -> captures.lastSession();
            default -> captures.lastSession();
        };
        JsonPath rest = path.head().equals("semantic_memory") ? path : path.tail();
        JsonNode actual = switch (rest.lookup(doc)) {
            case JsonPath.Found f -> f.value();
            case JsonPath.NotFound n -> null;
        };
        boolean present = actual != null && !actual.isNull();
        String found = actual == null ? "nothing (" + ((JsonPath.NotFound) rest.lookup(doc)).reason() + ")" : actual.toString();
        JsonNode expected = operandText.isEmpty() ? null : literal(operandText);
        boolean ok = switch (c.op()) {
            case EXISTS -> present;
            case MISSING -> !present;
            case EQUALS -> present ? same(actual, expected) : expected.isNull();
            case NOT_EQUALS -> !(present ? same(actual, expected) : expected.isNull());
            case AT_LEAST -> present && actual.isNumber() && expected.isNumber() && actual.decimalValue().compareTo(expected.decimalValue()) >= 0;
            case AT_MOST -> present && actual.isNumber() && expected.isNumber() && actual.decimalValue().compareTo(expected.decimalValue()) <= 0;
            case CONTAINS -> present && contains(actual, expected);
        };
        String detail = ok ? "ok: " + found : switch (c.op()) {
            case EXISTS -> "expected a value, found " + found;
            case MISSING -> "expected nothing, found " + found;
            default -> "expected " + c.op().symbol + " " + expected + ", found " + found;
        };
        return new CheckResult(e.source(), resolved, e.kind(), e.priority(), new CheckResult.Finding(ok, detail, present));
    }

    /** A JSON literal ({@code "CB-20"}, {@code 15}, {@code true}); anything else is taken as plain text. */
    static JsonNode literal(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n == null || n.isMissingNode() ? TextNode.valueOf(text) : n;
        } catch (IOException e) {
            return TextNode.valueOf(text);
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
        return a.equals(b);
    }

    private static boolean contains(JsonNode actual, JsonNode expected) {
        if (actual.isArray()) {
            for (JsonNode n : actual) if (same(n, expected)) return true;
            return false;
        }
        return actual.asText().toLowerCase(Locale.ROOT).contains(expected.asText().toLowerCase(Locale.ROOT));
    }
}
