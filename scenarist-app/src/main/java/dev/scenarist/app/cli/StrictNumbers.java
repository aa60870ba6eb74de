package dev.scenarist.app.cli;

import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Whole-number options take ASCII digits only, as the config file does: Java's own parsing would read
 * {@code --count ५} as 5 without a word.
 */
public final class StrictNumbers {
    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");

    private StrictNumbers() {}

    public static void install(CommandLine cli) {
        CommandLine.ITypeConverter<Integer> ints = s -> (int) parse(s, Integer.MIN_VALUE, Integer.MAX_VALUE);
        CommandLine.ITypeConverter<Long> longs = s -> parse(s, Long.MIN_VALUE, Long.MAX_VALUE);
        cli.registerConverter(Integer.class, ints).registerConverter(int.class, ints)
                .registerConverter(Long.class, longs).registerConverter(long.class, longs);
    }

    private static long parse(String s, long min, long max) {
        String t = s.strip();
        try {
            if (WHOLE.matcher(t).matches()) {
                long v = Long.parseLong(t);
                if (v >= min && v <= max) return v;
            }
        } catch (NumberFormatException e) {
            // out of range for a long: reported below like any other bad number
        }
        throw new TypeConversionException("'" + s + "' is not a whole number written in digits 0-9");
    }
}
