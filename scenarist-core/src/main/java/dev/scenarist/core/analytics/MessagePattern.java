package dev.scenarist.core.analytics;

import java.util.regex.Pattern;

/**
 * A finding's message with its particular values taken out, so that messages of the same mistake group together:
 * quoted text becomes {@code '…'} and numbers become {@code N}. {@code column 'age' not found at line 12} and
 * {@code column "name" not found at line 3} are both {@code column '…' not found at line N}.
 */
public final class MessagePattern {
    private static final Pattern QUOTED = Pattern.compile("'[^'\\n]*'|\"[^\"\\n]*\"|`[^`\\n]*`");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_])-?[0-9]+(?:\\.[0-9]+)?(?![A-Za-z_])");
    private static final int MAX_LENGTH = 200;

    private MessagePattern() {}

    public static String of(String message) {
        String s = QUOTED.matcher(message).replaceAll("'…'");
        s = NUMBER.matcher(s).replaceAll("N");
        s = s.replaceAll("\\s+", " ").strip();
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH - 1) + "…";
    }
}
