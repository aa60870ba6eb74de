package dev.scenarist.packs.mechanisms.internal.mjcf;

import dev.scenarist.packs.mechanisms.internal.mjcf.ModelIndex.Resolved;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiler rules beyond geometry and mass: limits and ranges (joints, tendons, actuators, {@code autolimits}),
 * orientation actuators on ball joints, site types, spatial tendon paths, asset names, builtin texture sizes, and
 * keyframe vector lengths.
 */
final class ModelRulesCheck {
    private final ModelIndex ix;
    private final Findings out;
    private final boolean autolimits;

    ModelRulesCheck(ModelIndex ix, Findings out) {
        this.ix = ix;
        this.out = out;
        this.autolimits = !ix.compilerValue("autolimits", "true").equals("false");
    }

    void run() {
        for (MjcfNode n : ix.nodes) {
            if (ModelIndex.inDefaults(n) || ix.classUnknown(n)) {
                continue;
            }
            switch (n.def.id()) {
                case "joint" -> joint(n);
                case "spatial", "fixed" -> tendon(n);
                case "site" -> site(n);
                case "mesh", "hfield", "texture", "material" -> assetName(n);
                default -> { }
            }
            if (n.def.id().equals("texture")) {
                builtinTexture(n);
            }
            if (n.def.id().equals("sensor_contact") && n.has("num")
                    && !(number(n.attrs.get("num")) > 0)) {
                out.error(MjcfValidator.BAD_VALUE, n, "'num' must be positive in sensor " + n.describe() + ", got "
                        + n.attrs.get("num"), "num is how many contacts the sensor reports, e.g. num=\"1\"");
            }
            if (ModelIndex.isActuator(n)) {
                actuator(n);
            }
        }
        keyframes();
    }

    // ------------------------------------------------------------------ limits

    private void joint(MjcfNode j) {
        String type = ix.effectiveValue(j, "type", "hinge");
        Resolved limited = ix.effective(j, "limited");
        Resolved range = ix.effective(j, "range");
        if (!autolimits(j, "joint", "limited", "range", limited, range)) {
            return;
        }
        actuatorForceRange(j, "actfrcrange[0] should be smaller than actfrcrange[1] in joint");
        String lim = limited == null ? "auto" : limited.value();
        double[] r = MjcfValues.reals(range == null || range.value().isBlank() ? "0 0" : range.value());
        if (r == null || r.length != 2) {
            return;
        }
        if (type.equals("free")) {
            return; // MuJoCo ignores limits on free joints
        }
        if (type.equals("ball")) {
            if (!lim.equals("false") && range != null && r[0] != 0) {
                out.error(MjcfValidator.LIMITS, j, "range[0] should be 0 in ball joint" + j.nameSuffix() + ", got range=\""
                        + range.value() + "\"" + via(j, range), "a ball joint's range is \"0 max-angle\"");
            }
        } else if (lim.equals("true") && !(r[0] < r[1])) {
            out.error(MjcfValidator.LIMITS, j, "range[0] should be smaller than range[1] in joint" + j.nameSuffix()
                    + ": limited=\"true\"" + via(j, limited) + " with range=\"" + (range == null ? "" : range.value())
                    + "\"" + (range == null ? " (unset, so 0 0)" : via(j, range)),
                    "give range=\"lower upper\" with lower < upper, or limited=\"false\"");
        }
    }

    private void actuatorForceRange(MjcfNode n, String message) {
        Resolved limited = ix.effective(n, "actuatorfrclimited");
        if (limited == null || !limited.value().equals("true")) {
            return;
        }
        Resolved range = ix.effective(n, "actuatorfrcrange");
        double[] r = MjcfValues.reals(range == null || range.value().isBlank() ? "0 0" : range.value());
        if (r != null && r.length == 2 && !(r[0] < r[1])) {
            out.error(MjcfValidator.LIMITS, n, message + n.nameSuffix() + ": actuatorfrclimited=\"true\""
                    + via(n, limited) + " with actuatorfrcrange=\"" + (range == null ? "" : range.value()) + "\"",
                    "give actuatorfrcrange=\"lower upper\" with lower < upper");
        }
    }

    private void tendon(MjcfNode t) {
        actuatorForceRange(t, "invalid actuatorfrcrange in tendon");
        if (t.def.id().equals("spatial")) {
            double width = number(ix.effectiveValue(t, "width", "0.003"));
            if (!(width > 0) && !Double.isNaN(width)) {
                out.error(MjcfValidator.BAD_VALUE, t, "tendon " + t.describe() + " must have positive width, got "
                        + MjcfValues.fmt(width), "width is the rendered radius, e.g. width=\"0.003\"");
            }
        }
        Resolved limited = ix.effective(t, "limited");
        Resolved range = ix.effective(t, "range");
        if (autolimits(t, "tendon", "limited", "range", limited, range) && limited != null
                && limited.value().equals("true")) {
            double[] r = MjcfValues.reals(range == null || range.value().isBlank() ? "0 0" : range.value());
            if (r != null && r.length == 2 && !(r[0] < r[1])) {
                out.error(MjcfValidator.LIMITS, t, "invalid limits in tendon " + t.describe() + ": limited=\"true\" "
                        + "with range=\"" + (range == null ? "" : range.value()) + "\"",
                        "give range=\"lower upper\" with lower < upper");
            }
        }
        path(t);
    }

    private void actuator(MjcfNode a) {
        boolean muscle = a.def.id().equals("muscle");
        boolean inherits = number(ix.effectiveValue(a, "inheritrange", "0")) > 0;
        range(a, new RangeRule("ctrllimited", "ctrlrange", "invalid control range for actuator", muscle ? "0 1" : "0 0",
                a.def.id().equals("adhesion")), inherits);
        range(a, new RangeRule("forcelimited", "forcerange", "invalid force range for actuator", "0 0", false), false);
        range(a, new RangeRule("actlimited", "actrange", "invalid actrange for actuator", "0 0", false),
                inherits && a.def.id().equals("intvelocity"));
        if (a.def.id().equals("orientation") && a.has("joint")) {
            ix.names.getOrDefault("joint", Map.of()).entrySet().stream()
                    .filter(e -> e.getKey().equals(a.attrs.get("joint")) && e.getValue() != null).findFirst()
                    .ifPresent(e -> {
                        MjcfNode j = e.getValue();
                        String type = j.def.id().equals("freejoint") ? "free" : ix.effectiveValue(j, "type", "hinge");
                        if (!type.equals("ball")) {
                            out.error(MjcfValidator.TRANSMISSION, a, "so3 joint transmission requires a ball joint in "
                                    + "actuator " + a.describe() + ": joint '" + e.getKey() + "' is a " + type
                                    + " joint", "point joint= at a ball joint, or use a motor/position actuator");
                        }
                    });
        }
    }

    /**
     * One of an actuator's ranges: its limited flag and range attributes, the message's start, the range MuJoCo
     * assumes when it is unset, and whether the actuator is limited whatever its flag says.
     */
    private record RangeRule(String limitedAttr, String rangeAttr, String message, String fallback, boolean alwaysLimited) {}

    /** A range that is limited must have min < max; {@code inherited} ranges (inheritrange) are not the actuator's own. */
    private void range(MjcfNode a, RangeRule rule, boolean inherited) {
        String limitedAttr = rule.limitedAttr();
        String rangeAttr = rule.rangeAttr();
        String fallback = rule.fallback();
        boolean alwaysLimited = rule.alwaysLimited();
        if (!a.def.attrs().containsKey(rangeAttr) || inherited) {
            return;
        }
        Resolved limited = ix.effective(a, limitedAttr);
        Resolved range = ix.effective(a, rangeAttr);
        if (!autolimits(a, "actuator", limitedAttr, rangeAttr, limited, range)) {
            return;
        }
        if (!alwaysLimited && (limited == null || !limited.value().equals("true"))) {
            return;
        }
        String rv = range == null ? fallback : range.value().isBlank() ? "0 0" : range.value();
        double[] r = MjcfValues.reals(rv);
        if (r != null && r.length == 2 && !(r[0] < r[1])) {
            out.error(MjcfValidator.LIMITS, a, rule.message() + " " + a.describe() + ": " + (alwaysLimited
                    ? "<" + a.tag + "> is always limited" : limitedAttr + "=\"true\"" + via(a, limited)) + " with "
                    + rangeAttr + "=\"" + (range == null ? "" : range.value()) + "\"" + (range == null
                    ? " (unset, so " + fallback + ")" : via(a, range)), "give " + rangeAttr + "=\"lower upper\" with "
                    + "lower < upper" + (alwaysLimited ? "" : ", or " + limitedAttr + "=\"false\""));
        }
    }

    /** With {@code autolimits="false"}, a range needs an explicit limited flag. @return false when reported */
    private boolean autolimits(MjcfNode n, String kind, String limitedAttr, String rangeAttr, Resolved limited,
                               Resolved range) {
        if (autolimits || range == null || limited != null) {
            return true;
        }
        out.error(MjcfValidator.LIMITS, n, kind + " has `" + rangeAttr + "` but not `" + limitedAttr + "`: "
                + n.describe() + " sets " + rangeAttr + "=\"" + range.value() + "\"" + via(n, range)
                + " and the model has <compiler autolimits=\"false\">", "set " + limitedAttr + "=\"true\" or \"false\", "
                + "remove " + rangeAttr + "=, or drop autolimits=\"false\"");
        return false;
    }

    // ------------------------------------------------------------------ sites, tendons, assets

    private void site(MjcfNode s) {
        String type = ix.effectiveValue(s, "type", "sphere");
        if (type.equals("plane") || type.equals("hfield")) {
            out.error(MjcfValidator.GEOM_SIZE, s, "hfields and planes not allowed in site" + s.nameSuffix()
                    + " (type " + type + ")", "use a box site for a flat marker, e.g. type=\"box\" size=\"0.1 0.1 0.001\"");
        } else if (type.equals("mesh") || type.equals("sdf")) {
            Resolved mesh = ix.effective(s, "mesh");
            if (mesh == null || mesh.value().isEmpty()) {
                out.error(MjcfValidator.GEOM_SIZE, s, "mesh site" + s.nameSuffix() + " must have valid meshid: it has no "
                        + "mesh attribute", "add mesh=\"name\" or use a primitive site type");
            }
        }
    }

    private void path(MjcfNode t) {
        List<MjcfNode> path = t.children.stream().filter(c -> c.def != null).toList();
        if (path.isEmpty()) {
            out.error(MjcfValidator.TENDON_PATH, t, t.tag + " tendon" + (t.has("name") ? " '" + t.attrs.get("name")
                    + "'" : "") + ": path cannot be empty",
                    t.def.id().equals("fixed") ? "add <joint joint=\"...\" coef=\"1\"/> elements"
                            : "add at least two <site site=\"...\"/> elements");
            return;
        }
        if (!t.def.id().equals("spatial")) {
            return;
        }
        String tn = "spatial tendon" + (t.has("name") && !t.attrs.get("name").isEmpty()
                ? " '" + t.attrs.get("name") + "'" : "");
        if (path.size() < 2) {
            out.error(MjcfValidator.TENDON_PATH, t, tn + ": spatial path must contain at least two objects",
                    "a spatial tendon runs from one <site> to another");
            return;
        }
        if (path.get(path.size() - 1).tag.equals("pulley")) {
            out.error(MjcfValidator.TENDON_PATH, path.get(path.size() - 1), tn + ": path ends with pulley",
                    "end the path with a <site>");
        }
        for (int i = 0; i < path.size(); i++) {
            MjcfNode e = path.get(i);
            boolean prevSite = i > 0 && path.get(i - 1).tag.equals("site");
            boolean nextSite = i + 1 < path.size() && path.get(i + 1).tag.equals("site");
            if (e.tag.equals("geom")) {
                if (!prevSite || !nextSite) {
                    out.error(MjcfValidator.TENDON_PATH, e, tn + ": geom at pos " + i + " not bracketed by sites",
                            "a wrapping geom needs a <site> right before and right after it in the path");
                }
                wrapGeom(t, e, i);
            } else if (e.tag.equals("pulley")) {
                double divisor = number(e.attrs.getOrDefault("divisor", "1"));
                if (divisor < 0) {
                    out.error(MjcfValidator.TENDON_PATH, e, tn + ": pulley has negative divisor "
                            + MjcfValues.fmt(divisor), "a pulley divisor is positive, e.g. divisor=\"2\"");
                }
            } else if (e.tag.equals("site")) {
                boolean prevOk = i > 0 && !path.get(i - 1).tag.equals("pulley");
                boolean nextOk = i + 1 < path.size() && !path.get(i + 1).tag.equals("pulley");
                if (!prevOk && !nextOk) {
                    out.error(MjcfValidator.TENDON_PATH, e, tn + ": site " + i + " needs a neighbor that is not a "
                            + "pulley", "each branch between pulleys needs at least two sites");
                }
                if (prevSite && e.attrs.get("site") != null
                        && e.attrs.get("site").equals(path.get(i - 1).attrs.get("site"))) {
                    out.error(MjcfValidator.TENDON_PATH, e, tn + ": site " + (i - 1) + " is repeated ('"
                            + e.attrs.get("site") + "' twice in a row)", "remove the duplicate <site>");
                }
            }
        }
    }

    private void wrapGeom(MjcfNode tendon, MjcfNode e, int pos) {
        String name = e.attrs.get("geom");
        MjcfNode g = name == null ? null : ix.names.getOrDefault("geom", Map.of()).get(name);
        if (g == null || ix.classUnknown(g)) {
            return;
        }
        String type = ix.effectiveValue(g, "type", "sphere");
        if (!type.equals("sphere") && !type.equals("cylinder")) {
            out.error(MjcfValidator.TENDON_PATH, e, "geom '" + name + "' in " + tendon.tag + " tendon"
                    + (tendon.has("name") ? " '" + tendon.attrs.get("name") + "'" : "") + ", wrap " + pos + " is not sphere or cylinder (it is a " + type + ")",
                    "tendons wrap only around spheres and cylinders");
        }
    }

    private void assetName(MjcfNode n) {
        if (n.has("name") && !n.attrs.get("name").isEmpty()) {
            return;
        }
        String id = n.def.id();
        boolean fromFile = Set.of("mesh", "hfield", "texture").contains(id) && n.has("file");
        boolean skybox = id.equals("texture") && ix.effectiveValue(n, "type", "cube").equals("skybox");
        if (!fromFile && !skybox) {
            String kind = id.equals("hfield") ? "height field" : id;
            out.error(MjcfValidator.REPEATED_NAME, n, "empty name in " + kind + ": <" + n.tag + "> at line " + n.line
                    + " has no name" + (Set.of("mesh", "hfield", "texture").contains(id) ? " and no file to take one "
                    + "from" : ""), "add name=\"...\"; elements refer to " + id + "s by name");
        }
    }

    private void builtinTexture(MjcfNode t) {
        String builtin = t.attrs.getOrDefault("builtin", "none");
        if (builtin.equals("none")) {
            boolean files = t.attrs.keySet().stream().anyMatch(a -> a.startsWith("file"));
            if (!files) {
                out.error(MjcfValidator.BAD_VALUE, t, t.describe() + " has no data: no builtin= and no "
                        + "file", "set builtin=\"checker\" (or gradient, flat) with width/height, or file=\"...png\"");
            }
            return;
        }
        if (!(number(t.attrs.getOrDefault("width", "0")) > 0)) {
            out.error(MjcfValidator.BAD_VALUE, t, "Invalid width of builtin texture: " + t.describe() + " with builtin=\""
                    + builtin + "\" needs width > 0", "add width=\"512\" (and height for 2d textures)");
        } else if (t.attrs.getOrDefault("type", "cube").equals("2d")
                && !(number(t.attrs.getOrDefault("height", "0")) > 0)) {
            out.error(MjcfValidator.BAD_VALUE, t, "Invalid height of builtin texture: " + t.describe() + " is a 2d "
                    + "builtin texture and needs height > 0", "add height=\"512\"");
        }
    }

    // ------------------------------------------------------------------ keyframes

    private void keyframes() {
        if (ix.generative) {
            return;
        }
        int nq = 0;
        int nv = 0;
        int nu = 0;
        int nmocap = 0;
        for (MjcfNode n : ix.nodes) {
            if (ModelIndex.inDefaults(n)) {
                continue;
            }
            String id = n.def.id();
            if ((id.equals("joint") || id.equals("freejoint")) && ModelIndex.enclosingBody(n) != null) {
                String type = id.equals("freejoint") ? "free" : ix.effectiveValue(n, "type", "hinge");
                switch (type) {
                    case "free" -> { nq += 7; nv += 6; }
                    case "ball" -> { nq += 4; nv += 3; }
                    default -> { nq += 1; nv += 1; }
                }
            } else if (ModelIndex.isActuator(n)) {
                nu++;
            } else if (id.equals("body") && n.attrs.getOrDefault("mocap", "false").equals("true")) {
                nmocap++;
            }
        }
        Map<String, Integer> sizes = Map.of("qpos", nq, "qvel", nv, "ctrl", nu, "mpos", 3 * nmocap,
                "mquat", 4 * nmocap);
        for (MjcfNode k : ix.nodes) {
            if (!k.def.id().equals("key")) {
                continue;
            }
            for (String attr : List.of("qpos", "qvel", "ctrl", "mpos", "mquat")) {
                String v = k.attrs.get(attr);
                if (v == null || MjcfValues.tokens(v).length == 0) {
                    continue;
                }
                int got = MjcfValues.tokens(v).length;
                int want = sizes.get(attr);
                if (got > want) {
                    out.error(MjcfValidator.KEYFRAME, k, "keyframe " + (k.has("name") ? "'" + k.attrs.get("name") + "'"
                            : "at line " + k.line) + ": invalid " + attr + " size, expected " + want + ", got " + got,
                            switch (attr) {
                                case "qpos" -> "qpos has one value per hinge/slide joint, 4 per ball, 7 per free joint";
                                case "qvel" -> "qvel has one value per hinge/slide joint, 3 per ball, 6 per free joint";
                                case "ctrl" -> "ctrl has one value per actuator";
                                default -> attr + " has " + (attr.equals("mpos") ? 3 : 4) + " values per mocap body";
                            } + "; a shorter vector is completed from the model's defaults");
                }
            }
        }
    }

    private static String via(MjcfNode n, Resolved r) {
        return r != null && r.fromDefault(n) ? " (from the default class at " + r.source().location() + ")" : "";
    }

    private static double number(String v) {
        double[] d = MjcfValues.reals(v);
        return d != null && d.length == 1 ? d[0] : Double.NaN;
    }
}
