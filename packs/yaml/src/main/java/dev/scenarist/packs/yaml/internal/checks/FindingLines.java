package dev.scenarist.packs.yaml.internal.checks;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The protocol by which a command check reports precise findings: each stdout line of the form
 * <pre>
 * FINDING &lt;CODE&gt; &lt;location or -&gt; &lt;message…&gt;
 * WARNING &lt;CODE&gt; &lt;location or -&gt; &lt;message…&gt;
 * </pre>
 * becomes one finding (FINDING = error, WARNING = warning). CODE is upper-case letters, digits and '_'; location
 * is {@code file:line}, {@code file#/json/pointer}, a file, or {@code -} for none, and contains no spaces.
 * All other lines are ignored. A FINDING line that does not follow the form still counts as an error, so a broken
 * check script is noticed instead of silently passing.
 */
public final class FindingLines {
    private static final Pattern LINE = Pattern.compile("^(FINDING|WARNING)\\s+([A-Z][A-Z0-9_]*)\\s+(\\S+)\\s+(.+)$");
    private static final Pattern KEYWORD = Pattern.compile("^(FINDING|WARNING)(\\s.*)?$");

    private FindingLines() {}

    public static List<Finding> parse(String stdout) {
        List<Finding> out = new ArrayList<>();
        for (String raw : stdout.split("\r?\n")) {
            String line = raw.strip();
            if (!KEYWORD.matcher(line).matches()) continue;
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                Severity severity = m.group(1).equals("FINDING") ? Severity.ERROR : Severity.WARNING;
                String location = m.group(3).equals("-") ? "" : m.group(3);
                out.add(new Finding(m.group(2), severity, m.group(4).strip(), location, ""));
            } else if (line.startsWith("FINDING")) {
                out.add(Finding.error("CHECK_OUTPUT", line.substring("FINDING".length()).strip(), "",
                        "(the check printed a FINDING line without CODE and location: 'FINDING <CODE> <file:line or -> <message>')"));
            }
        }
        return out;
    }
}
