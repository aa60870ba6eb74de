package dev.scenarist.packs.mechanisms.internal.mjcf;

import dev.scenarist.core.text.DidYouMean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the later passes need to know about a model whose grammar has been checked: its default classes (and the
 * value an attribute takes once defaults apply), the names declared per namespace, the body tree, and the compiler
 * settings. Building it reports default-class and repeated-name errors.
 */
final class ModelIndex {

    /** One default class: its own {@code <default>} child elements in document order, and its parent class. */
    static final class DefaultClass {
        final String name;
        final DefaultClass parent;
        final MjcfNode node;
        final List<MjcfNode> own = new ArrayList<>();

        DefaultClass(String name, DefaultClass parent, MjcfNode node) {
            this.name = name;
            this.parent = parent;
            this.node = node;
        }
    }

    /** An attribute value once defaults apply, and the element it was written on. */
    record Resolved(String value, MjcfNode source) {
        boolean fromDefault(MjcfNode user) {
            return source != user;
        }
    }

    static final String MAIN = "main";
    static final String WORLD = "world";
    private static final Set<String> GENERATIVE = Set.of("replicate", "attach", "composite", "flexcomp");
    private static final Set<String> IMPLICITLY_NAMED = Set.of("mesh", "hfield", "skin", "texture");

    final MjcfSchema schema;
    final MjcfNode root;
    final Map<String, DefaultClass> classes = new LinkedHashMap<>();
    final Map<String, Map<String, MjcfNode>> names = new HashMap<>();
    /** Every element the grammar pass resolved, in document order. */
    final List<MjcfNode> nodes = new ArrayList<>();
    /** Replicate, attach, composite or flexcomp present: some names are generated at compile time. */
    boolean generative;
    /** Compiler attributes, later {@code <compiler>} elements overriding earlier ones. */
    final Map<String, String> compiler = new HashMap<>();
    final List<MjcfNode> compilerNodes = new ArrayList<>();
    /** The files {@code <include>} read, in order. */
    final List<ModelFile> includedFiles = new ArrayList<>();
    private final Map<String, String> defaultTagOf = new HashMap<>();
    /** Default tags that write the one actuator default of a class (a motor inherits a general's ctrlrange). */
    private final Set<String> actuatorDefaultTags = new java.util.HashSet<>();

    private ModelIndex(MjcfSchema schema, MjcfNode root) {
        this.schema = schema;
        this.root = root;
        for (MjcfSchema.Child c : schema.element("default").children().values()) {
            String p = schema.element(c.element()).projectionOf();
            if (p != null) {
                defaultTagOf.put(p, c.tag());
            }
        }
        schema.element("equality").children().values().forEach(c -> defaultTagOf.put(c.element(), "equality"));
        schema.element("tendon").children().values().forEach(c -> defaultTagOf.put(c.element(), "tendon"));
        for (MjcfSchema.Child c : schema.element("actuator").children().values()) {
            String tag = defaultTagOf.get(c.element());
            if (tag != null) {
                actuatorDefaultTags.add(tag);
            }
        }
    }

    /** Whether {@code n} is an actuator ({@code <motor>}, {@code <general>}, ... inside {@code <actuator>}). */
    static boolean isActuator(MjcfNode n) {
        return n.parent != null && n.parent.def != null && n.parent.def.id().equals("actuator") && n.def != null;
    }

    static ModelIndex build(MjcfSchema schema, MjcfNode root, Findings out) {
        ModelIndex ix = new ModelIndex(schema, root);
        ix.collect(root);
        ix.defaults(root, null, out);
        ix.classReferences(out);
        ix.names(out);
        return ix;
    }

    private void collect(MjcfNode n) {
        if (n.def == null) {
            return;
        }
        nodes.add(n);
        if (GENERATIVE.contains(n.def.id())) {
            generative = true;
        }
        if (n.def.id().equals("compiler")) {
            compiler.putAll(n.attrs);
            compilerNodes.add(n);
        }
        for (MjcfNode c : n.children) {
            collect(c);
        }
    }

    // ------------------------------------------------------------------ default classes

    private void defaults(MjcfNode n, DefaultClass parent, Findings out) {
        for (MjcfNode d : n.children) {
            if (d.def == null || !d.def.id().equals("default")) {
                continue;
            }
            DefaultClass cls;
            if (parent == null) {
                String name = d.attr("class").orElse(MAIN);
                if (!name.equals(MAIN)) {
                    out.error(MjcfValidator.DEFAULT_CLASS, d, "top-level default class '" + name
                            + "' cannot be renamed", "the top-level <default> is always class 'main': remove class=\""
                            + name + "\", or nest <default class=\"" + name + "\"> inside it");
                }
                cls = classes.computeIfAbsent(MAIN, k -> new DefaultClass(MAIN, null, d));
            } else {
                String name = d.attr("class").orElse("");
                cls = new DefaultClass(name, parent, d);
                if (name.isEmpty()) {
                    out.error(MjcfValidator.DEFAULT_CLASS, d, "empty class name: a nested <default> needs a class",
                            "write <default class=\"some_name\"> and refer to it with class=\"some_name\"");
                } else if (classes.containsKey(name)) {
                    DefaultClass first = classes.get(name);
                    out.error(MjcfValidator.DEFAULT_CLASS, d, "repeated default class name '" + name
                            + "' (first defined at " + first.node.location() + ")",
                            "default class names are global across the whole <default> tree: rename one of them");
                } else {
                    classes.put(name, cls);
                }
            }
            for (MjcfNode c : d.children) {
                if (c.def != null && !c.def.id().equals("default")) {
                    cls.own.add(c);
                }
            }
            defaults(d, cls, out);
        }
    }

    private void classReferences(Findings out) {
        for (MjcfNode n : nodes) {
            if (n.def.id().equals("default")) {
                continue;
            }
            n.attr("class").ifPresent(c -> {
                if (!classes.containsKey(c)) {
                    out.error(MjcfValidator.DEFAULT_CLASS, n, "unknown default class name '" + c + "' in <" + n.tag
                            + ">", DidYouMean.hint(c, classes.keySet()) + knownClasses());
                }
            });
            n.attr("childclass").ifPresent(c -> {
                if (!classes.containsKey(c)) {
                    out.error(MjcfValidator.DEFAULT_CLASS, n, "unknown default childclass '" + c + "' in <" + n.tag
                            + ">", DidYouMean.hint(c, classes.keySet()) + knownClasses());
                }
            });
        }
    }

    private String knownClasses() {
        return classes.isEmpty() ? "no default classes are defined: add <default><default class=\"...\">...</default>"
                + "</default>, or remove the attribute"
                : "defined classes: " + Suggest.list(classes.keySet(), 30);
    }

    /** The default class that applies to {@code n}: its class=, else the nearest childclass= above it, else main. */
    DefaultClass classOf(MjcfNode n) {
        String explicit = n.attrs.get("class");
        if (explicit != null) {
            DefaultClass c = classes.get(explicit);
            return c != null ? c : classes.get(MAIN);
        }
        for (MjcfNode p = n.parent; p != null; p = p.parent) {
            String cc = p.attrs.get("childclass");
            if (cc != null && classes.containsKey(cc)) {
                return classes.get(cc);
            }
        }
        return classes.get(MAIN);
    }

    /** Whether {@code n} names an undefined class, or sits under an undefined childclass (reported already). */
    boolean classUnknown(MjcfNode n) {
        String explicit = n.attrs.get("class");
        if (explicit != null) {
            return !classes.containsKey(explicit);
        }
        for (MjcfNode p = n.parent; p != null; p = p.parent) {
            String cc = p.attrs.get("childclass");
            if (cc != null) {
                return !classes.containsKey(cc);
            }
        }
        return false;
    }

    /** The tag under {@code <default>} whose attributes apply to {@code n}, or null when none do. */
    String defaultTag(MjcfNode n) {
        return n.def == null ? null : defaultTagOf.get(n.def.id());
    }

    /** The value of attribute {@code name} of {@code n} once default classes apply, or null when unset. */
    Resolved effective(MjcfNode n, String name) {
        String v = n.attrs.get(name);
        if (v != null) {
            return new Resolved(v, n);
        }
        String tag = defaultTag(n);
        if (tag == null || inDefaults(n)) {
            return null;
        }
        Set<String> tags = actuatorDefaultTags.contains(tag) ? actuatorDefaultTags : Set.of(tag);
        for (DefaultClass c = classOf(n); c != null; c = c.parent) {
            for (int i = c.own.size() - 1; i >= 0; i--) {
                MjcfNode d = c.own.get(i);
                String dv = tags.contains(d.tag) ? d.attrs.get(name) : null;
                if (dv != null) {
                    return new Resolved(dv, d);
                }
            }
        }
        return null;
    }

    /**
     * The numbers of an array attribute as MuJoCo holds them: {@code initial}, overwritten value by value by each
     * default class from {@code main} down to the element's class, then by the element itself (a box with
     * {@code size="2"} under a class with {@code size="1 1 1"} is 2 1 1). Null when some value does not parse.
     */
    double[] merged(MjcfNode n, String name, double[] initial) {
        List<String> layers = new ArrayList<>();
        String tag = defaultTag(n);
        if (tag != null && !inDefaults(n)) {
            Set<String> tags = actuatorDefaultTags.contains(tag) ? actuatorDefaultTags : Set.of(tag);
            java.util.Deque<DefaultClass> chain = new java.util.ArrayDeque<>();
            for (DefaultClass c = classOf(n); c != null; c = c.parent) {
                chain.push(c);
            }
            for (DefaultClass c : chain) {
                for (MjcfNode d : c.own) {
                    if (tags.contains(d.tag) && d.has(name)) {
                        layers.add(d.attrs.get(name));
                    }
                }
            }
        }
        if (n.has(name)) {
            layers.add(n.attrs.get(name));
        }
        double[] out = initial.clone();
        for (String layer : layers) {
            double[] v = MjcfValues.reals(layer);
            if (v == null) {
                return null;
            }
            if (v.length > out.length) {
                out = java.util.Arrays.copyOf(out, v.length);
            }
            System.arraycopy(v, 0, out, 0, v.length);
        }
        return out;
    }

    String effectiveValue(MjcfNode n, String name, String fallback) {
        Resolved r = effective(n, name);
        return r == null ? fallback : r.value();
    }

    static boolean inDefaults(MjcfNode n) {
        for (MjcfNode p = n; p != null; p = p.parent) {
            if (p.def != null && p.def.id().equals("default")) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ names

    private void names(Findings out) {
        names.computeIfAbsent("body", k -> new HashMap<>()).put(WORLD, null);
        for (MjcfNode n : nodes) {
            if (n == root || inDefaults(n)) {
                continue;
            }
            for (MjcfSchema.Attr a : n.def.attrs().values()) {
                if (a.declares() == null || a.declares().equals("default")) {
                    continue;
                }
                String name = n.attrs.get(a.name());
                boolean implicit = false;
                if (name == null && IMPLICITLY_NAMED.contains(a.declares()) && n.has("file")) {
                    name = implicitName(n.attrs.get("file"));
                    implicit = true;
                }
                if (name == null || name.isEmpty()) {
                    continue;
                }
                Map<String, MjcfNode> ns = names.computeIfAbsent(a.declares(), k -> new HashMap<>());
                if (ns.containsKey(name)) {
                    MjcfNode first = ns.get(name);
                    String where = first == null ? "it is the name of the world body"
                            : "first declared at " + first.location();
                    out.error(MjcfValidator.REPEATED_NAME, n, "repeated name '" + name + "' in " + a.declares()
                            + (implicit ? " (taken from file '" + n.attrs.get("file") + "')" : "") + "; " + where,
                            "names must be unique among " + a.declares() + " elements (different kinds may share a "
                                    + "name): rename one of them" + (implicit ? ", or give the asset an explicit name"
                                    : ""));
                } else {
                    ns.put(name, n);
                }
            }
        }
    }

    /** MuJoCo names an unnamed file asset after its file, without directories and extension. */
    static String implicitName(String file) {
        String f = file.replace('\\', '/');
        f = f.substring(f.lastIndexOf('/') + 1);
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    boolean declared(String namespace, String name) {
        Map<String, MjcfNode> ns = names.get(namespace);
        return ns != null && ns.containsKey(name);
    }

    Set<String> declaredNames(String namespace) {
        Map<String, MjcfNode> ns = names.get(namespace);
        return ns == null ? Set.of() : ns.keySet();
    }

    // ------------------------------------------------------------------ body tree

    static boolean isBody(MjcfNode n) {
        return n.def != null && (n.def.id().equals("body") || n.def.id().equals("worldbody"));
    }

    static boolean isWorld(MjcfNode n) {
        return n.def != null && n.def.id().equals("worldbody");
    }

    /** The body an element belongs to (frames and replicates are transparent), or null outside the body tree. */
    static MjcfNode enclosingBody(MjcfNode n) {
        for (MjcfNode p = n.parent; p != null; p = p.parent) {
            if (isBody(p)) {
                return p;
            }
            if (p.def == null || !(p.def.id().equals("frame") || p.def.id().equals("replicate"))) {
                return null;
            }
        }
        return null;
    }

    /** Elements owned by {@code body}: its children, looking through frames and replicates, not into child bodies. */
    static List<MjcfNode> owned(MjcfNode body) {
        List<MjcfNode> out = new ArrayList<>();
        owned(body, out);
        return out;
    }

    private static void owned(MjcfNode n, List<MjcfNode> out) {
        for (MjcfNode c : n.children) {
            if (c.def == null) {
                continue;
            }
            out.add(c);
            if (c.def.id().equals("frame") || c.def.id().equals("replicate")) {
                owned(c, out);
            }
        }
    }

    static List<MjcfNode> childBodies(MjcfNode body) {
        return owned(body).stream().filter(c -> c.def.id().equals("body")).toList();
    }

    String compilerValue(String name, String fallback) {
        return compiler.getOrDefault(name, fallback);
    }

    /** Where bodies' masses come from, as this model's {@code <compiler>} says. */
    MassRule massRule() {
        return MassRule.of(compilerValue("inertiafromgeom", "auto"), compilerValue("inertiagrouprange", "0 5"),
                compilerValue("boundmass", "0"), compilerValue("boundinertia", "0"));
    }
}
