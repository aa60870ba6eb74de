package dev.scenarist.app.errors;

import dev.scenarist.core.text.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Words a command-line mistake for a person: every unknown option with the closest real one ({@code --cuont} →
 * {@code --count}), and every required option still missing, since a misspelled required option is both at once.
 */
public final class UsageErrors {
    private UsageErrors() {}

    public static String describe(ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        List<String> lines = new ArrayList<>();
        Set<String> unmatched = new LinkedHashSet<>(cmd.getUnmatchedArguments());
        if (ex instanceof CommandLine.UnmatchedArgumentException u) unmatched.addAll(u.getUnmatched());
        List<String> optionNames = cmd.getCommandSpec().optionsMap().keySet().stream().filter(n -> n.startsWith("--")).toList();
        boolean afterUnknownOption = false;
        for (String arg : unmatched) {
            if (arg.startsWith("-")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                lines.add("unknown option '" + name + "'" + DidYouMean.closest(name, optionNames).map(c -> " (did you mean '" + c + "'?)").orElse(""));
                afterUnknownOption = true;
            } else if (!afterUnknownOption) {
                lines.add("unexpected argument '" + arg + "'");
            } else {
                afterUnknownOption = false; // the unknown option's value
            }
        }
        boolean aboutOptions = ex instanceof CommandLine.UnmatchedArgumentException || ex instanceof CommandLine.MissingParameterException;
        if (!aboutOptions) lines.add(ex.getMessage()); // picocli's own words for a bad value already name the option and value
        List<String> missing = aboutOptions ? missingRequired(ex) : List.of();
        if (!missing.isEmpty()) lines.add("missing required option" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        if (lines.isEmpty()) lines.add(ex.getMessage());
        return String.join("; ", lines) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')";
    }

    private static List<String> missingRequired(ParameterException ex) {
        List<ArgSpec> missing = ex instanceof CommandLine.MissingParameterException m ? m.getMissing()
                : ex.getCommandLine().getParseResult() == null ? List.of()
                : ex.getCommandLine().getCommandSpec().requiredArgs().stream()
                        .filter(a -> !ex.getCommandLine().getParseResult().matchedArgs().contains(a)).toList();
        return missing.stream().map(a -> a instanceof OptionSpec o ? "'" + o.longestName() + " " + o.paramLabel() + "'"
                : "'" + a.paramLabel() + "'").toList();
    }
}
