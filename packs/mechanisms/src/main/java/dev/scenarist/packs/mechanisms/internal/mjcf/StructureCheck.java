package dev.scenarist.packs.mechanisms.internal.mjcf;

import dev.scenarist.core.text.DidYouMean;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfSchema.Attr;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfSchema.Child;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfSchema.Constraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The grammar pass: every element is allowed where it stands and appears no more often than allowed, every
 * attribute exists on its element, required attributes are present, values have the declared type and length,
 * keywords come from their set, and the presence rules between attributes hold. Resolves {@link MjcfNode#def}.
 */
final class StructureCheck {
    private static final Set<String> ORIENTATION = Set.of("quat", "axisangle", "xyaxes", "zaxis", "euler");

    private final MjcfSchema schema;
    private final Findings out;

    StructureCheck(MjcfSchema schema, Findings out) {
        this.schema = schema;
        this.out = out;
    }

    /** @return false when the root is not {@code <mujoco>} (nothing else can be checked) */
    boolean run(MjcfNode root) {
        MjcfSchema.Element rootDef = schema.root();
        if (!root.tag.equals(rootDef.tag())) {
            out.error(MjcfValidator.ROOT, root, "root element is <" + root.tag + ">, an MJCF model's root must be <"
                    + rootDef.tag() + ">", "wrap the model in <" + rootDef.tag() + "> ... </" + rootDef.tag() + ">");
            return false;
        }
        root.def = rootDef;
        element(root);
        return true;
    }

    private void element(MjcfNode n) {
        attributes(n);
        Map<String, List<MjcfNode>> byTag = new LinkedHashMap<>();
        for (MjcfNode c : n.children) {
            Child cd = n.def.children().get(c.tag);
            if (cd == null) {
                misplaced(n, c);
                continue;
            }
            c.def = schema.element(cd.element());
            byTag.computeIfAbsent(c.tag, k -> new ArrayList<>()).add(c);
            element(c);
        }
        for (Child cd : n.def.children().values()) {
            List<MjcfNode> got = byTag.getOrDefault(cd.tag(), List.of());
            if (cd.unique() && got.size() > 1) {
                String where = got.stream().map(g -> g.file.equals(n.file) ? "line " + g.line : g.location())
                        .collect(Collectors.joining(", "));
                out.error(MjcfValidator.REPEATED_ELEMENT, n, "unique element '" + cd.tag() + "' found " + got.size()
                                + " times in <" + n.tag + "> (" + where + ")",
                        "<" + n.tag + "> takes at most one <" + cd.tag() + ">: merge their attributes into one element");
            } else if (cd.card() == '!' && got.isEmpty()) {
                out.error(MjcfValidator.MISSING_ELEMENT, n, "required element '" + cd.tag() + "' is missing in <"
                        + n.tag + ">", "add one <" + cd.tag() + "> inside <" + n.tag + ">");
            }
        }
    }

    private void misplaced(MjcfNode parent, MjcfNode c) {
        if (parent.def.id().equals("worldbody") && Set.of("joint", "freejoint", "inertial").contains(c.tag)) {
            boolean inertia = c.tag.equals("inertial");
            out.error(MjcfValidator.WORLD_BODY, c, "world body cannot have " + (inertia ? "inertia" : "joints")
                    + ": <" + c.tag + "> is a direct child of <worldbody>", inertia
                    ? "the world is static and has no mass; put <inertial> inside a <body>"
                    : "joints move the body they are in: wrap the geoms in a <body> and put the joint inside it");
            return;
        }
        Set<String> parents = schema.parentsOfTag(c.tag);
        if (!parents.isEmpty()) {
            out.error(MjcfValidator.MISPLACED_ELEMENT, c, "element <" + c.tag + "> is not allowed inside <"
                    + parent.tag + ">", "<" + c.tag + "> belongs inside " + parents.stream().map(p -> "<" + p + ">")
                    .collect(Collectors.joining(", ")) + "; allowed inside <" + parent.tag + ">: "
                    + allowed(parent));
        } else {
            out.error(MjcfValidator.UNKNOWN_ELEMENT, c, "unrecognized element '" + c.tag + "' in <" + parent.tag + ">",
                    DidYouMean.hint(c.tag, parent.def.children().keySet()) + "allowed inside <" + parent.tag
                            + ">: " + allowed(parent));
        }
    }

    private static String allowed(MjcfNode parent) {
        return parent.def.children().isEmpty() ? "no child elements"
                : Suggest.list(parent.def.children().keySet(), 25);
    }

    private void attributes(MjcfNode n) {
        MjcfSchema.Element def = n.def;
        if (def.id().equals("worldbody") && !n.attrs.isEmpty()) {
            out.error(MjcfValidator.WORLD_BODY, n, "world body cannot have attributes (found "
                    + n.attrs.keySet().stream().map(a -> "'" + a + "'").collect(Collectors.joining(", ")) + ")",
                    "remove them; to offset or name things, wrap them in a <body> or <frame> inside <worldbody>");
            return;
        }
        for (Map.Entry<String, String> e : n.attrs.entrySet()) {
            Attr a = def.attrs().get(e.getKey());
            if (a == null) {
                unknownAttribute(n, e.getKey());
            } else {
                value(n, a, e.getValue());
            }
        }
        for (Attr a : def.attrs().values()) {
            boolean numeric = a.type() == MjcfSchema.AttrType.INT || a.type() == MjcfSchema.AttrType.REAL;
            if (a.required() && (!n.has(a.name()) || (numeric && n.attrs.get(a.name()).isBlank()))) {
                out.error(MjcfValidator.MISSING_ATTRIBUTE, n, "required attribute missing: '" + a.name() + "' in <"
                        + n.tag + ">", "add " + a.name() + "=\"...\" to <" + n.tag + ">");
            }
        }
        for (Constraint c : def.constraints()) {
            constraint(n, c);
        }
    }

    private void unknownAttribute(MjcfNode n, String name) {
        MjcfSchema.Element def = n.def;
        if (def.projectionOf() != null && schema.element(def.projectionOf()).attrs().containsKey(name)) {
            out.error(MjcfValidator.UNKNOWN_ATTRIBUTE, n, "attribute '" + name + "' cannot be set in a default class <"
                    + n.tag + ">", "defaults hold shared properties only; set " + name + "= on each <" + n.tag
                    + "> in the body tree instead");
            return;
        }
        out.error(MjcfValidator.UNKNOWN_ATTRIBUTE, n, "unrecognized attribute '" + name + "' in <" + n.tag + ">",
                DidYouMean.hint(name, def.attrs().keySet()) + (def.attrs().isEmpty()
                        ? "<" + n.tag + "> takes no attributes"
                        : "valid attributes of <" + n.tag + ">: " + Suggest.list(def.attrs().keySet(), 40)));
    }

    private void value(MjcfNode n, Attr a, String value) {
        String where = "attribute '" + a.name() + "' of <" + n.tag + ">";
        switch (a.type()) {
            case INT, REAL -> numbers(n, a, value, where);
            case BOOL -> {
                if (!value.equals("true") && !value.equals("false")) {
                    out.error(MjcfValidator.BAD_KEYWORD, n, "invalid keyword: '" + value + "' in " + where,
                            "use true or false");
                }
            }
            case KEYWORD -> {
                List<String> kws = schema.keywords(a.enumName());
                if (!kws.contains(value)) {
                    out.error(MjcfValidator.BAD_KEYWORD, n, "invalid keyword: '" + value + "' in " + where,
                            DidYouMean.hint(value, kws) + "valid values: " + String.join(", ", kws));
                }
            }
            case FLAGS -> {
                List<String> kws = schema.keywords(a.enumName());
                for (String t : MjcfValues.tokens(value)) {
                    if (!kws.contains(t)) {
                        out.error(MjcfValidator.BAD_KEYWORD, n, "invalid keyword: '" + t + "' in " + where,
                                DidYouMean.hint(t, kws) + "valid values (space-separated, any of): "
                                        + String.join(", ", kws));
                    }
                }
            }
            case CHARS -> {
                int len = value.length();
                if (len < a.minCount() || (a.maxCount() >= 0 && len > a.maxCount())) {
                    String want = a.minCount() == a.maxCount() ? "exactly " + a.minCount()
                            : "between " + a.minCount() + " and " + a.maxCount();
                    out.error(MjcfValidator.ARRAY_LENGTH, n, "attribute '" + a.name() + "' must have " + want
                            + " characters, got '" + value + "' (" + len + ")", "e.g. eulerseq=\"xyz\"");
                }
            }
            case FILE -> {
                if (value.isBlank()) {
                    out.error(MjcfValidator.BAD_VALUE, n, where + " is empty", "name the file, e.g. file=\"part.stl\"");
                }
            }
            case STRING -> { }
        }
    }

    private void numbers(MjcfNode n, Attr a, String value, String where) {
        String[] tokens = MjcfValues.tokens(value);
        boolean isInt = a.type() == MjcfSchema.AttrType.INT;
        if (tokens.length == 0) {
            if (a.minCount() > 0) {
                out.warning(MjcfValidator.BAD_VALUE, n, where + " is empty; MuJoCo ignores it",
                        "remove the attribute or give it a value");
            }
            return;
        }
        for (String t : tokens) {
            if (isInt ? !MjcfValues.isInt(t) : !MjcfValues.isReal(t)) {
                out.error(MjcfValidator.BAD_VALUE, n, "bad format in attribute '" + a.name() + "' of <" + n.tag
                        + ">: '" + t + "' is not " + (isInt ? "an integer" : "a number") + " (value \"" + value + "\")",
                        (a.array() ? "write plain " + (isInt ? "integers" : "numbers") + " separated by spaces, "
                                : "write one " + (isInt ? "integer" : "number") + ", ") + "e.g. " + example(a));
                return;
            }
        }
        int max = a.maxCount();
        if (max >= 0 && tokens.length > max) {
            out.error(MjcfValidator.ARRAY_LENGTH, n, "attribute '" + a.name() + "' has too much data: " + tokens.length
                    + " values in <" + n.tag + ">, expects " + expected(a), "write " + expected(a) + " value"
                    + (a.maxCount() == 1 ? "" : "s") + ", e.g. " + example(a));
            return;
        }
        if (tokens.length < a.minCount()) {
            out.error(MjcfValidator.ARRAY_LENGTH, n, "attribute '" + a.name() + "' does not have enough data: "
                    + tokens.length + " value" + (tokens.length == 1 ? "" : "s") + " in <" + n.tag + ">, expects "
                    + expected(a), "write " + expected(a) + " values, e.g. " + example(a));
            return;
        }
        for (String t : tokens) {
            if (a.positive() && !(MjcfValues.real(t) > 0)) {
                out.error(MjcfValidator.BAD_VALUE, n, a.name() + " must be strictly positive in <" + n.tag + ">, got "
                        + value, "give a value greater than 0");
                return;
            }
        }
        if (!isInt) {
            for (String t : tokens) {
                double d = MjcfValues.real(t);
                if (Double.isNaN(d)) {
                    out.error(MjcfValidator.NON_FINITE, n, where + " holds NaN (\"" + value + "\")",
                            "write finite numbers; a NaN here makes the simulation diverge");
                    return;
                }
                if (Double.isInfinite(d)) {
                    out.warning(MjcfValidator.NON_FINITE, n, where + " holds an infinite value (\"" + value + "\")",
                            "prefer a large finite bound");
                    return;
                }
            }
        }
    }

    private static String expected(Attr a) {
        if (!a.array()) {
            return "exactly 1";
        }
        if (a.minCount() == a.maxCount()) {
            return "exactly " + a.minCount();
        }
        return a.maxCount() < 0 ? "at least " + a.minCount() : a.minCount() + " to " + a.maxCount();
    }

    private static String example(Attr a) {
        return switch (a.name()) {
            case "quat" -> "quat=\"1 0 0 0\"";
            case "axisangle" -> "axisangle=\"0 0 1 90\" (axis x y z, then angle)";
            case "pos" -> "pos=\"0 0 0.5\"";
            case "size" -> "size=\"0.1\" (sphere) or size=\"0.1 0.2 0.3\" (box half-lengths)";
            default -> {
                int n = Math.max(1, a.maxCount() < 0 ? a.minCount() : a.maxCount());
                yield a.name() + "=\"" + String.join(" ", java.util.Collections.nCopies(n,
                        a.type() == MjcfSchema.AttrType.INT ? "0" : "0.0")) + "\"";
            }
        };
    }

    private void constraint(MjcfNode n, Constraint c) {
        List<List<String>> present = new ArrayList<>();
        for (List<String> b : c.bundles()) {
            if (b.stream().anyMatch(n::has)) {
                present.add(b);
            }
        }
        switch (c.kind()) {
            case "exclusive" -> {
                if (present.size() > 1) {
                    boolean orientation = c.bundles().stream().flatMap(List::stream).allMatch(ORIENTATION::contains);
                    String found = present.stream().flatMap(List::stream).filter(n::has).map(x -> "'" + x + "'")
                            .collect(Collectors.joining(", "));
                    if (orientation) {
                        out.error(MjcfValidator.ATTRIBUTE_CONFLICT, n, "multiple orientation specifiers are not allowed"
                                + " in <" + n.tag + "> (found " + found + ")",
                                "keep one of quat, axisangle, xyaxes, zaxis, euler");
                    } else {
                        out.error(MjcfValidator.ATTRIBUTE_CONFLICT, n, "at most one of " + bundles(c.bundles())
                                + " can be specified in <" + n.tag + "> (found " + found + ")", "keep only one of them");
                    }
                }
            }
            case "together" -> {
                List<String> all = c.bundles().stream().flatMap(List::stream).toList();
                long count = all.stream().filter(n::has).count();
                if (count > 0 && count < all.size()) {
                    out.error(MjcfValidator.ATTRIBUTE_CONFLICT, n, "attributes " + bundles(c.bundles())
                            + " must be specified together in <" + n.tag + ">", "add "
                            + all.stream().filter(x -> !n.has(x)).map(x -> x + "=\"...\"")
                            .collect(Collectors.joining(" ")) + " or remove the others");
                }
            }
            case "requires" -> {
                List<String> first = c.bundles().get(0);
                if (first.stream().allMatch(n::has)) {
                    List<String> missing = c.bundles().stream().skip(1).flatMap(List::stream)
                            .filter(x -> !n.has(x)).toList();
                    if (!missing.isEmpty()) {
                        out.error(MjcfValidator.ATTRIBUTE_CONFLICT, n, "attribute " + bundles(List.of(first))
                                + " requires " + bundles(missing.stream().map(List::of).toList()) + " in <" + n.tag
                                + ">", "add the missing attributes");
                    }
                }
            }
            case "oneof" -> {
                boolean complete = c.bundles().stream().anyMatch(b -> b.stream().allMatch(n::has));
                if (!complete) {
                    out.error(MjcfValidator.MISSING_ATTRIBUTE, n, "one of " + bundles(c.bundles())
                            + " must be specified in <" + n.tag + ">", "give <" + n.tag + "> one complete set: "
                            + bundles(c.bundles()));
                }
            }
            default -> { }
        }
    }

    /** MuJoCo's way of listing bundles: {@code 'a', 'b'} or {@code ('a', 'b'), ('c')}. */
    private static String bundles(List<List<String>> bundles) {
        boolean single = bundles.stream().allMatch(b -> b.size() == 1);
        return bundles.stream().map(b -> single ? "'" + b.get(0) + "'"
                        : "(" + b.stream().map(x -> "'" + x + "'").collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
    }
}
