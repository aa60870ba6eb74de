package dev.scenarist.packs.yaml.internal;

import dev.scenarist.core.text.DidYouMean;
import dev.scenarist.packs.yaml.PackDefinitionException;
import dev.scenarist.packs.yaml.internal.parameters.ParameterSpace;
import dev.scenarist.packs.yaml.internal.parameters.ParameterSpec;
import dev.scenarist.packs.yaml.tree.ListNode;
import dev.scenarist.packs.yaml.tree.MapNode;
import dev.scenarist.packs.yaml.tree.Node;
import dev.scenarist.packs.yaml.tree.ScalarNode;
import dev.scenarist.packs.yaml.tree.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code parameters:} of a pack.yaml, and the rule that every {@code {{name}}} in a text is one of them. */
final class ParameterReader {
    private static final Pattern PARAMETER_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,39}");
    private static final String PARAMETERS_EXAMPLE = "e.g. topic: {pick: [library loans, flight bookings]} or rows: {range: [5, 20]}";

    private ParameterReader() {}

    static ParameterSpace read(Node node) {
        MapNode m = node.asMap(PARAMETERS_EXAMPLE);
        List<ParameterSpec> specs = new ArrayList<>();
        for (var e : m.entries().entrySet()) {
            String name = e.getKey();
            Node v = e.getValue().value();
            if (!PARAMETER_NAME.matcher(name).matches()) {
                throw new PackDefinitionException(e.getValue().keyLocation(), m.path(), "parameter name '" + name + "' is not allowed",
                        "use lower-case letters, digits and '_' (it is written {{" + name.toLowerCase(Locale.ROOT) + "}} in instructions)");
            }
            specs.add(switch (v) {
                case ScalarNode s when !s.isNull() -> new ParameterSpec.Fixed(name, s.value());
                case ScalarNode s -> throw s.error("parameter '" + name + "' has no value", PARAMETERS_EXAMPLE);
                case ListNode l -> throw l.error("parameter '" + name + "' is a bare list",
                        "write '" + name + ": {pick: [...]}' to choose one value per run");
                case MapNode spec -> readParameterSpec(name, spec);
            });
        }
        return new ParameterSpace(specs);
    }

    private static ParameterSpec readParameterSpec(String name, MapNode spec) {
        spec.allowOnly(List.of("pick", "range"), "a parameter");
        if (spec.has("pick") == spec.has("range")) {
            throw spec.error("parameter '" + name + "' needs exactly one of 'pick' or 'range'", PARAMETERS_EXAMPLE);
        }
        if (spec.has("pick")) {
            ListNode values = spec.require("pick", PARAMETERS_EXAMPLE).asList("e.g. pick: [easy, medium, hard]");
            if (values.items().isEmpty()) throw values.error("'pick' of parameter '" + name + "' is empty", "list at least one value");
            List<Object> out = new ArrayList<>();
            Set<Object> seen = new HashSet<>();
            for (Node item : values.items()) {
                Object value = item.asScalar("pick values are single values, e.g. pick: [easy, medium, hard]").value();
                if (!seen.add(value)) throw item.error("value '" + value + "' appears twice in 'pick'", "list each value once");
                out.add(value);
            }
            return new ParameterSpec.Pick(name, out);
        }
        ListNode range = spec.require("range", PARAMETERS_EXAMPLE).asList("e.g. range: [1, 10]");
        if (range.items().size() != 2) throw range.error("'range' needs exactly two numbers, [lowest, highest]", "e.g. range: [1, 10]");
        int lo = range.items().get(0).asScalar("e.g. range: [1, 10]").asInt(Integer.MIN_VALUE, Integer.MAX_VALUE, "e.g. range: [1, 10]");
        int hi = range.items().get(1).asScalar("e.g. range: [1, 10]").asInt(Integer.MIN_VALUE, Integer.MAX_VALUE, "e.g. range: [1, 10]");
        if (lo > hi) throw range.error("range [" + lo + ", " + hi + "] is empty", "write the lower bound first, e.g. [" + hi + ", " + lo + "]");
        return new ParameterSpec.IntRange(name, lo, hi);
    }

    /** Every {{name}} must be a declared parameter: an unknown one would reach the model unreplaced. */
    static void requireKnownPlaceholders(ParameterSpace parameters, Node n, String text, String what) {
        Matcher m = dev.scenarist.core.pack.Placeholders.PATTERN.matcher(text);
        while (m.find()) {
            String p = m.group(1);
            if (parameters.names().contains(p)) continue;
            int lineInText = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            // a block scalar ('|') starts on the line below its key
            SourceLocation at = text.contains("\n") ? n.location().linesBelow(lineInText + 1) : n.location();
            throw new PackDefinitionException(at, n.path(), what + " use {{" + p + "}}, but no parameter '" + p + "' is declared",
                    DidYouMean.closest(p, parameters.names()).map(x -> "did you mean {{" + x + "}}? ").orElse("")
                            + "declare it under 'parameters:'" + (parameters.names().isEmpty() ? "" : " (declared: " + String.join(", ", parameters.names()) + ")"));
        }
    }
}
