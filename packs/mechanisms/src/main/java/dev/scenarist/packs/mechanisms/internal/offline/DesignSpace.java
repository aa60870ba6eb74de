package dev.scenarist.packs.mechanisms.internal.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's design space, read from the {@code <ClassName>.design.json} beside its source: the mechanism's
 * geometric requirements as a planner would write them, the statements its 1 s MuJoCo run must bear out, and a grid
 * over each of the design constants that the source declares in its design region.
 *
 * <p>The region is a block of the template's class body between two marker lines; inside it are only comments and
 * declarations {@code static final double NAME = <number>;}:
 *
 * <pre>
 *     // scenarist:begin design
 *     /** Load mass as a multiple of the beam mass. *&#47;
 *     static final double LOAD_RATIO = 3.0;
 *     // scenarist:end design
 * </pre>
 *
 * <p>{@link #draw(long)} picks a grid point from a seed, {@link #apply(String, Map)} writes a point into the
 * source; {@link #declared(String)} reads the region back.
 *
 * @param requirements the mechanism's geometric requirements, one short sentence each
 * @param verification what the 1 s MuJoCo run of any design point must show, one statement each
 * @param constants the design constants, in the order the region declares them
 */
public record DesignSpace(List<String> requirements, List<String> verification, List<DesignConstant> constants) {
    /** The line that opens the design region. */
    public static final String BEGIN_MARKER = "// scenarist:begin design";
    /** The line that closes the design region. */
    public static final String END_MARKER = "// scenarist:end design";
    /** At most this many constants, so that {@link #corners()} stays a reasonable list. */
    static final int MAX_CONSTANTS = 16;

    private static final Pattern BEGIN = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(BEGIN_MARKER) + "[ \\t]*$");
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(END_MARKER) + "[ \\t]*$");
    private static final String NUMBER = "[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?[dD]?";
    private static final Pattern DECLARATION = Pattern.compile(
            "(?:(?:public|protected|private)\\s+)?static\\s+final\\s+double\\s+([A-Za-z_$][A-Za-z0-9_$]*)\\s*=\\s*("
                    + NUMBER + ")\\s*;");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public DesignSpace {
        requirements = List.copyOf(Objects.requireNonNull(requirements, "requirements"));
        verification = List.copyOf(Objects.requireNonNull(verification, "verification"));
        constants = List.copyOf(Objects.requireNonNull(constants, "constants"));
        if (constants.size() > MAX_CONSTANTS) {
            throw new IllegalArgumentException("a design space has at most " + MAX_CONSTANTS + " constants, got "
                    + constants.size());
        }
        Set<String> names = new LinkedHashSet<>();
        for (DesignConstant c : constants) {
            if (!names.add(c.name())) throw new IllegalArgumentException("design constant " + c.name() + " is declared twice");
        }
    }

    // ---- the design.json file --------------------------------------------------------------------------------------

    /**
     * Reads a design space from its JSON text. Every problem throws {@link IllegalArgumentException} with a message
     * that starts with {@code location} and names the field ({@code constants[1].step}).
     *
     * <pre>{@code
     * {"requirements": ["..."], "verification": ["..."],
     *  "constants": [{"name": "LOAD_RATIO", "min": 1.5, "max": 6.0, "step": 0.5, "about": "..."}]}
     * }</pre>
     */
    public static DesignSpace parse(String json, String location) {
        Objects.requireNonNull(json, "json");
        String where = location == null || location.isBlank() ? "design space" : location;
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) throw new IllegalArgumentException(where + ": empty document");
        if (!root.isObject()) throw new IllegalArgumentException(where + ": the document must be a JSON object");
        onlyFields(root, where, "", Set.of("requirements", "verification", "constants"));
        List<String> requirements = sentences(root, where, "requirements");
        List<String> verification = sentences(root, where, "verification");
        JsonNode array = root.get("constants");
        if (array == null) throw new IllegalArgumentException(where + ": constants: missing");
        if (!array.isArray()) throw new IllegalArgumentException(where + ": constants: must be an array of objects");
        List<DesignConstant> constants = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String field = "constants[" + i + "]";
            JsonNode c = array.get(i);
            if (!c.isObject()) throw new IllegalArgumentException(where + ": " + field + ": must be an object");
            onlyFields(c, where, field + ".", Set.of("name", "min", "max", "step", "about"));
            String name = text(c, where, field + ".name", "name");
            if (!DesignConstant.NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + ": " + field + ".name: '" + name
                        + "' is not UPPER_SNAKE (e.g. LOAD_RATIO)");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + ": " + field + ".name: " + name + " is declared twice");
            }
            double min = number(c, where, field + ".min", "min");
            double max = number(c, where, field + ".max", "max");
            double step = number(c, where, field + ".step", "step");
            String about = text(c, where, field + ".about", "about");
            if (!(min <= max)) {
                throw new IllegalArgumentException(where + ": " + field + ".min: " + min + " is greater than max " + max);
            }
            if (!(step > 0)) throw new IllegalArgumentException(where + ": " + field + ".step: must be > 0, got " + step);
            try {
                constants.add(new DesignConstant(name, min, max, step, about));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + field + ".step: " + e.getMessage(), e);
            }
        }
        if (constants.size() > MAX_CONSTANTS) {
            throw new IllegalArgumentException(where + ": constants: at most " + MAX_CONSTANTS + ", got " + constants.size());
        }
        return new DesignSpace(requirements, verification, constants);
    }

    private static void onlyFields(JsonNode node, String where, String prefix, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new IllegalArgumentException(where + ": " + prefix + f + ": unknown field (expected one of "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private static List<String> sentences(JsonNode root, String where, String field) {
        JsonNode array = root.get(field);
        if (array == null) throw new IllegalArgumentException(where + ": " + field + ": missing");
        if (!array.isArray()) throw new IllegalArgumentException(where + ": " + field + ": must be an array of strings");
        if (array.isEmpty()) throw new IllegalArgumentException(where + ": " + field + ": must not be empty");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode s = array.get(i);
            if (!s.isTextual() || s.asText().isBlank()) {
                throw new IllegalArgumentException(where + ": " + field + "[" + i + "]: must be a non-blank string");
            }
            out.add(s.asText().strip());
        }
        return out;
    }

    private static String text(JsonNode node, String where, String field, String key) {
        JsonNode v = node.get(key);
        if (v == null) throw new IllegalArgumentException(where + ": " + field + ": missing");
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": " + field + ": must be a non-blank string");
        }
        return v.asText().strip();
    }

    private static double number(JsonNode node, String where, String field, String key) {
        JsonNode v = node.get(key);
        if (v == null) throw new IllegalArgumentException(where + ": " + field + ": missing");
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(where + ": " + field + ": must be a finite number, got " + v);
        }
        return v.asDouble();
    }

    // ---- the grid --------------------------------------------------------------------------------------------------

    /**
     * One grid point drawn from {@code seed}: each constant independently uniform over its levels, from one
     * {@link SplittableRandom}{@code (seed)} in declared order. The same seed always gives the same point.
     */
    public Map<String, Double> draw(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Double> out = new LinkedHashMap<>();
        for (DesignConstant c : constants) {
            List<Double> levels = c.levels();
            out.put(c.name(), levels.get(random.nextInt(levels.size())));
        }
        return out;
    }

    /**
     * The extreme points of the grid and its middle: every combination of each constant at its min or max (2^n of
     * them; constant 0 flips fastest, so the first is all minima and the (2^n)-th all maxima), then the point with
     * each constant at its middle level (the lower middle one for an even count), which does not depend on the
     * template's defaults. Duplicates (a constant with min = max) appear once.
     */
    public List<Map<String, Double>> corners() {
        int n = constants.size();
        Set<Map<String, Double>> out = new LinkedHashSet<>();
        for (long mask = 0; mask < (1L << n); mask++) {
            Map<String, Double> point = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                DesignConstant c = constants.get(i);
                point.put(c.name(), (mask >>> i & 1) == 0 ? c.min() : c.max());
            }
            out.add(Collections.unmodifiableMap(point));
        }
        Map<String, Double> middle = new LinkedHashMap<>();
        for (DesignConstant c : constants) {
            List<Double> levels = c.levels();
            middle.put(c.name(), levels.get((levels.size() - 1) / 2));
        }
        out.add(Collections.unmodifiableMap(middle));
        return List.copyOf(out);
    }

    /** The number of grid points: the product of each constant's number of levels (1 for no constants). */
    public long size() {
        long n = 1;
        for (DesignConstant c : constants) n = Math.multiplyExact(n, c.levels().size());
        return n;
    }

    // ---- the design region of a template's source -------------------------------------------------------------------

    /**
     * The constants the source's design region declares, name to value in declaration order.
     *
     * @throws IllegalArgumentException when the region is missing, opened or closed more than once, empty, or holds
     *     anything but comments and {@code static final double NAME = <number>;} declarations
     */
    public static Map<String, Double> declared(String templateSource) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Declaration d : region(templateSource)) out.put(d.name(), d.value());
        return out;
    }

    /**
     * The source with {@code values} written into its design region: each named declaration's number is replaced
     * by the value's shortest exact decimal ({@code 4.5}, {@code 12.0}, {@code 0.0001}); comments, spacing and
     * everything outside the region stay as they were. Constants the map does not name keep their values.
     *
     * @throws IllegalArgumentException when the region is missing or malformed, when {@code values} names a
     *     constant the region does not declare, or holds a value that is not finite
     */
    public static String apply(String templateSource, Map<String, Double> values) {
        Objects.requireNonNull(values, "values");
        List<Declaration> region = region(templateSource);
        Map<String, Declaration> byName = new LinkedHashMap<>();
        for (Declaration d : region) byName.put(d.name(), d);
        List<String> unknown = values.keySet().stream().filter(k -> !byName.containsKey(k)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the design region does not declare " + String.join(", ", unknown)
                    + " (it declares " + String.join(", ", byName.keySet()) + ")");
        }
        StringBuilder out = new StringBuilder(templateSource);
        for (int i = region.size() - 1; i >= 0; i--) {
            Declaration d = region.get(i);
            if (!values.containsKey(d.name())) continue;
            Double v = values.get(d.name());
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException(d.name() + ": value must be a finite number, got " + v);
            }
            out.replace(d.literalStart(), d.literalEnd(), format(v));
        }
        return out.toString();
    }

    /** The shortest decimal that reads back as exactly {@code v}, always with a decimal point: 4.5, 12.0, 0.0001. */
    public static String format(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not a finite number: " + v);
        if (v == 0) return "0.0";
        String s = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }

    /** One declaration in the region, with the offsets of its number in the whole source. */
    private record Declaration(String name, double value, int literalStart, int literalEnd) {}

    private static List<Declaration> region(String source) {
        Objects.requireNonNull(source, "templateSource");
        Matcher begin = BEGIN.matcher(source);
        if (!begin.find()) {
            throw new IllegalArgumentException("the source has no design region: no line '" + BEGIN_MARKER + "'");
        }
        int bodyStart = begin.end();
        if (begin.find()) {
            throw new IllegalArgumentException("the source opens the design region twice ('" + BEGIN_MARKER + "' at lines "
                    + lineOf(source, bodyStart) + " and " + lineOf(source, begin.start()) + ")");
        }
        Matcher end = END.matcher(source);
        if (!end.find()) {
            throw new IllegalArgumentException("the design region is never closed: no line '" + END_MARKER + "'");
        }
        int bodyEnd = end.start();
        if (end.find()) {
            throw new IllegalArgumentException("the source closes the design region twice ('" + END_MARKER + "')");
        }
        if (bodyEnd < bodyStart) {
            throw new IllegalArgumentException("'" + END_MARKER + "' comes before '" + BEGIN_MARKER + "'");
        }
        List<Declaration> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Matcher decl = DECLARATION.matcher(source).region(bodyStart, bodyEnd);
        int i = bodyStart;
        while (i < bodyEnd) {
            char ch = source.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (source.startsWith("//", i)) {
                int nl = source.indexOf('\n', i);
                i = nl < 0 || nl > bodyEnd ? bodyEnd : nl + 1;
            } else if (source.startsWith("/*", i)) {
                int close = source.indexOf("*/", i + 2);
                if (close < 0 || close + 2 > bodyEnd) {
                    throw new IllegalArgumentException("design region, line " + lineOf(source, i)
                            + ": a comment is not closed inside the region");
                }
                i = close + 2;
            } else if (decl.region(i, bodyEnd).lookingAt()) {
                String name = decl.group(1);
                if (!DesignConstant.NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("design region, line " + lineOf(source, i) + ": constant '" + name
                            + "' is not UPPER_SNAKE (e.g. LOAD_RATIO)");
                }
                if (!names.add(name)) {
                    throw new IllegalArgumentException("design region, line " + lineOf(source, i) + ": " + name
                            + " is declared twice");
                }
                String literal = decl.group(2);
                double value = Double.parseDouble(literal.replaceFirst("[dD]$", ""));
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("design region, line " + lineOf(source, i) + ": " + name
                            + " = " + literal + " is not a finite number");
                }
                out.add(new Declaration(name, value, decl.start(2), decl.end(2)));
                i = decl.end();
            } else {
                int nl = source.indexOf('\n', i);
                String line = source.substring(i, nl < 0 || nl > bodyEnd ? bodyEnd : nl).strip();
                throw new IllegalArgumentException("design region, line " + lineOf(source, i)
                        + ": expected only comments and 'static final double NAME = <number>;', found: " + line);
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("the design region declares no constants");
        return out;
    }

    private static int lineOf(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < source.length(); i++) if (source.charAt(i) == '\n') line++;
        return line;
    }
}
