package dev.scenarist.packs.mechanisms.internal.mjcf;

import dev.scenarist.core.text.DidYouMean;
import dev.scenarist.packs.mechanisms.internal.mjcf.ModelIndex.Resolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every name an attribute refers to is declared: a geom's mesh and material, an actuator's joint or tendon, the
 * bodies of an equality or a contact exclusion, a sensor's site, the objects named by objtype/objname pairs; and
 * every actuator has exactly one transmission target. Values set through default classes are followed.
 */
final class ReferenceCheck {
    /** MuJoCo object-type keywords (mjtObj names) and the namespace their names live in. */
    private static final Map<String, String> OBJECT_NAMESPACES = Map.ofEntries(
            Map.entry("body", "body"), Map.entry("xbody", "body"), Map.entry("joint", "joint"),
            Map.entry("geom", "geom"), Map.entry("site", "site"), Map.entry("camera", "camera"),
            Map.entry("light", "light"), Map.entry("flex", "flex"), Map.entry("mesh", "mesh"),
            Map.entry("skin", "skin"), Map.entry("hfield", "hfield"), Map.entry("texture", "texture"),
            Map.entry("material", "material"), Map.entry("pair", "pair"), Map.entry("exclude", "exclude"),
            Map.entry("equality", "equality"), Map.entry("tendon", "tendon"), Map.entry("actuator", "actuator"),
            Map.entry("sensor", "sensor"), Map.entry("numeric", "numeric"), Map.entry("text", "text"),
            Map.entry("tuple", "tuple"), Map.entry("key", "key"), Map.entry("frame", "frame"));
    private static final List<String> TARGETS = List.of("joint", "jointinparent", "tendon", "site", "cranksite", "body");

    private final ModelIndex ix;
    private final Findings out;

    ReferenceCheck(ModelIndex ix, Findings out) {
        this.ix = ix;
        this.out = out;
    }

    void run() {
        for (MjcfNode n : ix.nodes) {
            if (n == ix.root || ModelIndex.inDefaults(n)) {
                continue;
            }
            for (MjcfSchema.Attr a : n.def.attrs().values()) {
                if (a.refers() == null || a.refers().equals("default")) {
                    continue;
                }
                if (n.def.id().equals("attach") && !a.name().equals("model")) {
                    continue; // body= and frame= of <attach> name things inside the attached model
                }
                Resolved r = ix.effective(n, a.name());
                if (r == null) {
                    continue;
                }
                if (r.value().isEmpty()) {
                    boolean firstOfEquality = n.parent != null && n.parent.def != null
                            && n.parent.def.id().equals("equality") && a.name().endsWith("1");
                    if (inSensor(n) || firstOfEquality || n.def.id().equals("spatial_site")
                            || n.def.id().equals("fixed_joint")) {
                        out.error(MjcfValidator.UNKNOWN_REFERENCE, n, "empty name in attribute '" + a.name() + "' of "
                                + n.describe() + ": it must name a " + a.refers(), "name an existing " + a.refers()
                                + ", or remove the attribute");
                    }
                } else if (!ix.declared(a.refers(), r.value())) {
                    unresolved(n, a.name(), a.refers(), r);
                }
            }
            if (n.def.id().equals("pair") && nonEmpty(n, "geom1") != nonEmpty(n, "geom2")) {
                String missing = nonEmpty(n, "geom1") ? "geom2" : "geom1";
                out.error(MjcfValidator.UNKNOWN_REFERENCE, n, "geom '' not found in collision: contact pair "
                        + n.describe() + " has no " + missing, "a <pair> names both geoms: geom1=\"...\" geom2=\"...\"");
            }
            objectPair(n, "objtype", "objname");
            objectPair(n, "reftype", "refname");
            if (n.parent != null && n.parent.def != null && n.parent.def.id().equals("actuator")) {
                transmission(n);
            }
        }
    }

    private static boolean inSensor(MjcfNode n) {
        return n.parent != null && n.parent.def != null && n.parent.def.id().equals("sensor");
    }

    private static boolean nonEmpty(MjcfNode n, String attr) {
        String v = n.attrs.get(attr);
        return v != null && !v.isEmpty();
    }

    private void objectPair(MjcfNode n, String typeAttr, String nameAttr) {
        String type = n.attrs.get(typeAttr);
        String name = n.attrs.get(nameAttr);
        if (type == null || name == null || name.isEmpty()) {
            return;
        }
        String ns = OBJECT_NAMESPACES.get(type);
        if (ns != null && !ix.declared(ns, name)) {
            unresolved(n, nameAttr, ns, new Resolved(name, n));
        }
    }

    private void unresolved(MjcfNode n, String attr, String ns, Resolved r) {
        String via = r.fromDefault(n) ? " (set by default class at " + r.source().location() + ")" : "";
        String message = ns + " '" + r.value() + "' not found: attribute '" + attr + "' of " + n.describe()
                + " refers to it" + via;
        Set<String> known = new java.util.TreeSet<>(ix.declaredNames(ns));
        String hint = known.isEmpty()
                ? "no " + ns + " named '" + r.value() + "' is declared; declare one (name=\"" + r.value()
                        + "\") or fix the reference"
                : DidYouMean.hint(r.value(), known) + "declared " + ns + " names: " + Suggest.list(known, 20);
        if (ix.generative) {
            out.warning(MjcfValidator.UNKNOWN_REFERENCE, n, message + "; the model generates names (replicate, "
                    + "attach, composite or flexcomp), so it may exist after compilation", hint);
        } else {
            out.error(MjcfValidator.UNKNOWN_REFERENCE, n, message, hint);
        }
    }

    private void transmission(MjcfNode n) {
        List<String> present = new ArrayList<>();
        for (String t : TARGETS) {
            if (n.def.attrs().containsKey(t) && nonEmpty(n, t)) {
                present.add(t);
            }
        }
        List<String> possible = TARGETS.stream().filter(t -> n.def.attrs().containsKey(t)).toList();
        if (present.isEmpty()) {
            out.error(MjcfValidator.TRANSMISSION, n, "missing transmission target for actuator " + n.describe(),
                    "set one of " + String.join("=, ", possible) + "= (what the actuator drives)"
                            + (possible.contains("cranksite") ? "; cranksite= also needs slidersite=" : ""));
        } else if (present.size() > 1) {
            out.warning(MjcfValidator.TRANSMISSION, n, "actuator " + n.describe() + " names several transmission "
                    + "targets (" + String.join(", ", present) + "); MuJoCo uses only one", "keep exactly one");
        }
        if (n.has("cranksite") && !n.has("slidersite")) {
            out.error(MjcfValidator.TRANSMISSION, n, "missing base site for slider-crank: actuator " + n.describe()
                    + " has cranksite= but no slidersite=", "add slidersite=\"...\" (the site the slider moves along)");
        }
        if (n.has("refsite") && !n.has("site")) {
            out.error(MjcfValidator.TRANSMISSION, n, "refsite can only be used with site transmission (actuator "
                    + n.describe() + ")", "add site=\"...\" or remove refsite=");
        }
    }
}
