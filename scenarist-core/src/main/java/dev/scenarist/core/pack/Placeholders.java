package dev.scenarist.core.pack;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one placeholder syntax of prompt templates, rubrics, replies and command arguments: {@code {{name}}}
 * (spaces inside the braces allowed; names are letters, digits, '_', '.', '-').
 */
public final class Placeholders {
    public static final Pattern PATTERN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

    private Placeholders() {}

    /** Replaces each placeholder with its value; a name without a value stays as written. */
    public static String render(String template, Map<String, ?> values) {
        Matcher m = PATTERN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : String.valueOf(v)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
