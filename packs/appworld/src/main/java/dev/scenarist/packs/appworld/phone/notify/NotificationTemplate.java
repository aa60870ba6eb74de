package dev.scenarist.packs.appworld.phone.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notification text with {@code {argument}} placeholders, e.g. "New email from {sender}: {subject}". Deliberately
 * tiny (no expressions): the placeholders are checked against the tool's parameters when the tool is declared.
 */
public record NotificationTemplate(String text, List<String> placeholders) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");

    public NotificationTemplate {
        placeholders = List.copyOf(placeholders);
    }

    public static NotificationTemplate parse(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group(1));
        return new NotificationTemplate(text, names);
    }

    /** Fills the placeholders; an absent optional argument renders as an empty string. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        m.appendTail(out);
        return out.toString();
    }
}
