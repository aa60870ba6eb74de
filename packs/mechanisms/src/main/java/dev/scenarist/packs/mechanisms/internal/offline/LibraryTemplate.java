package dev.scenarist.packs.mechanisms.internal.offline;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One template of the offline library: its Java source (as the model would have written it), what its
 * {@code info()} declares (read from the source, never by running it outside the sandbox) and its design space.
 */
public record LibraryTemplate(String resource, String className, String id, int tier, String title, String description, String source,
                              DesignSpace design) {
    private static final Pattern INFO = Pattern.compile(
            "new\\s+TemplateInfo\\(\\s*\"([^\"]+)\"\\s*,\\s*(\\d)\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\+?\\s*)+),");
    private static final Pattern CLASS = Pattern.compile("public\\s+class\\s+(\\w+)\\s+implements\\s+Template");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    static LibraryTemplate read(String resource, String source, DesignSpace design) {
        Matcher c = CLASS.matcher(source);
        Matcher m = INFO.matcher(source);
        if (!c.find() || !m.find()) {
            throw new IllegalStateException("library template " + resource + " must declare 'public class X implements Template'"
                    + " and return new TemplateInfo(\"id\", tier, \"title\", \"description\" ...)");
        }
        StringBuilder description = new StringBuilder();
        Matcher lit = LITERAL.matcher(m.group(4));
        while (lit.find()) description.append(unescape(lit.group(1)));
        return new LibraryTemplate(resource, c.group(1), m.group(1), Integer.parseInt(m.group(2)), unescape(m.group(3)),
                description.toString(), source, design);
    }

    /** The source with a design point written into its design region. */
    public String specialised(Map<String, Double> point) {
        return DesignSpace.apply(source, point);
    }

    /** The design point as people read it, e.g. "LOAD_RATIO 4.5, FULCRUM_OFFSET 0.1". */
    public static String describe(Map<String, Double> point) {
        StringBuilder b = new StringBuilder();
        point.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(' ').append(DesignSpace.format(v)));
        return b.toString();
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
    }
}
