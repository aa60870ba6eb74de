package dev.scenarist.packs.yaml.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import dev.scenarist.core.text.DurationText;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A single value. YAML has already decided its type ({@code 3} is a number, {@code yes} a boolean, {@code ~} null);
 * {@link #text()} is what was written, whatever the type.
 */
public record ScalarNode(SourceLocation location, String path, String text, Type type) implements Node {
    public enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    public boolean isNull() {
        return type == Type.NULL;
    }

    /** The value with its YAML type: String, Integer (Long when large), Double, Boolean, or null. */
    public Object value() {
        return switch (type) {
            case STRING -> text;
            case INTEGER -> {
                long v = Long.parseLong(text.replace("_", ""));
                yield v == (int) v ? (Object) (int) v : (Object) v;
            }
            case FLOAT -> Double.parseDouble(text);
            case BOOLEAN -> Boolean.parseBoolean(text) || text.equalsIgnoreCase("yes") || text.equalsIgnoreCase("on");
            case NULL -> null;
        };
    }

    public int asInt(int min, int max, String example) {
        return (int) asLong(min, max, example);
    }

    /** Only ASCII digits, as YAML means them: Java would also read "४२" as 42, which no one means in a config file. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?[0-9][0-9_]*");

    public long asLong(long min, long max, String example) {
        String range = min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "" : max == Long.MAX_VALUE ? " of at least " + min
                : " from " + min + " to " + max;
        String expected = "expected a whole number" + range + " but found " + describe();
        if (type != Type.INTEGER && type != Type.STRING || !WHOLE_NUMBER.matcher(text).matches()) {
            throw error(expected, example);
        }
        if (type == Type.STRING) throw error(expected + " in quotes", "write the number without quotes: " + text);
        long v;
        try {
            v = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(expected, example);
        }
        if (v < min || v > max) throw error("the number " + text + " is out of range: it must be from " + min + " to " + max, example);
        return v;
    }

    public double asDouble(double min, double max, String example) {
        if (type != Type.INTEGER && type != Type.FLOAT) {
            throw error("expected a number from " + min + " to " + max + " but found " + describe(), example);
        }
        double v = Double.parseDouble(text.replace("_", ""));
        if (!(v >= min && v <= max)) throw error("the number " + text + " is out of range: it must be from " + min + " to " + max, example);
        return v;
    }

    /**
     * A duration as {@link DurationText} reads it: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1m30s},
     * ISO-8601 {@code PT5M}; longer than zero.
     *
     * @param example the fix when the value is no scalar to read at all (nothing, a boolean); a text that is no
     *                duration gets the parser's own examples
     */
    public Duration asDuration(String example) {
        if (type == Type.NULL || type == Type.BOOLEAN) {
            throw error("expected a duration but found " + describe(), DurationText.EXAMPLES + "; " + example);
        }
        try {
            return DurationText.parse(text);
        } catch (DurationText.InvalidDuration e) {
            throw error(e.problem(), e.fix());
        }
    }

    public boolean asBoolean(String example) {
        if (type != Type.BOOLEAN) throw error("expected true or false but found " + describe(), example);
        return (Boolean) value();
    }

    @Override
    public String describe() {
        return switch (type) {
            case NULL -> "nothing (an empty value)";
            case STRING -> "the text '" + abbreviate(text) + "'";
            case INTEGER, FLOAT -> "the number " + text;
            case BOOLEAN -> "the boolean " + text;
        };
    }

    @Override
    public JsonNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (type) {
            case STRING -> f.textNode(text);
            case INTEGER -> f.numberNode(new BigDecimal(text.replace("_", "")).toBigInteger());
            case FLOAT -> f.numberNode(new BigDecimal(text.replace("_", "")));
            case BOOLEAN -> f.booleanNode((Boolean) value());
            case NULL -> f.nullNode();
        };
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
