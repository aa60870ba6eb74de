package dev.scenarist.packs.mechanisms.internal.mjcf;

import dev.scenarist.packs.mechanisms.internal.mjcf.ModelIndex.Resolved;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@link PhysicsCheck}'s rules about moving bodies: every body with joints has mass and inertia — its own plus that of
 * the jointless bodies welded below it, from {@code <inertial>} or its geoms as {@code inertiafromgeom} says (within
 * {@code inertiagrouprange}, at their density or mass) — unless {@code boundmass}/{@code boundinertia} supply them;
 * and no plane moves. A contribution that cannot be computed (an unknown class, an unreadable number) makes the
 * check say nothing rather than guess.
 */
final class MassCheck {
    private final ModelIndex ix;
    private final Findings out;
    private final MassRule rule;

    MassCheck(ModelIndex ix, Findings out) {
        this.ix = ix;
        this.out = out;
        this.rule = ix.massRule();
    }

    /** Accumulated mass of a group of bodies; NaN when some contribution could not be computed. */
    private static final class Mass {
        double mass;
        boolean inertia;
        int sources;

        void add(double m, boolean withInertia) {
            mass += m;
            if (m > 0) {
                sources++;
                inertia |= withInertia;
            }
        }
    }

    /** Checks the tree below every world body. */
    void run() {
        for (MjcfNode n : ix.nodes) {
            if (ModelIndex.isWorld(n)) {
                mass(n, false);
            }
        }
    }

    /** Walks the tree; every body with joints needs mass in itself plus the jointless bodies welded below it. */
    private void mass(MjcfNode body, boolean parentMoves) {
        for (MjcfNode child : ModelIndex.childBodies(body)) {
            boolean hasJoints = ModelIndex.owned(child).stream()
                    .anyMatch(c -> c.def.id().equals("joint") || c.def.id().equals("freejoint"));
            if (hasJoints) {
                checkMoving(child);
            }
            planes(child, parentMoves || hasJoints);
            mass(child, parentMoves || hasJoints);
        }
    }

    private void planes(MjcfNode body, boolean moves) {
        if (!moves) {
            return;
        }
        for (MjcfNode c : ModelIndex.owned(body)) {
            if (c.def.id().equals("geom") && ix.effectiveValue(c, "type", "sphere").equals("plane")) {
                out.error(MjcfValidator.STATIC_PLANE, c, "plane only allowed in static bodies: " + c.describe()
                        + " is in " + body.describe() + " (line " + body.line + "), which moves",
                        "put planes in <worldbody> or in bodies with no joints above them; for a moving flat part "
                                + "use a thin box");
            }
        }
    }

    private void checkMoving(MjcfNode body) {
        Mass m = new Mass();
        if (!weldedMass(body, m, true)) {
            return;
        }
        double boundMass = rule.boundMass();
        double boundInertia = rule.boundInertia();
        String what = "mass and inertia of moving bodies must be larger than mjMINVAL";
        String hint = "give " + body.describe() + " (or a jointless body inside it) a geom with positive size and "
                + "density, or an <inertial pos=\"0 0 0\" mass=\"1\" diaginertia=\"0.01 0.01 0.01\"/>";
        if (m.mass < PhysicsCheck.MINVAL && !(boundMass > 0)) {
            out.error(MjcfValidator.ZERO_MASS, body, what + ": " + body.describe() + " has joints but neither it nor "
                    + "the bodies welded to it have mass", hint);
        } else if (m.mass >= PhysicsCheck.MINVAL && !m.inertia && m.sources == 1 && !(boundInertia > 0)) {
            out.error(MjcfValidator.ZERO_MASS, body, what + ": " + body.describe() + " has mass but zero inertia "
                    + "(an <inertial> without diaginertia or fullinertia)", "add diaginertia=\"...\" with three "
                    + "positive values to the <inertial>");
        }
    }

    /** Adds the mass of {@code body} and of its jointless descendants; false when some part is not computable. */
    private boolean weldedMass(MjcfNode body, Mass m, boolean first) {
        List<MjcfNode> owned = ModelIndex.owned(body);
        if (!first && owned.stream().anyMatch(c -> c.def.id().equals("joint") || c.def.id().equals("freejoint"))) {
            return true; // a body with its own joints is checked on its own
        }
        if (!ownMass(owned, m)) {
            return false;
        }
        for (MjcfNode c : owned) {
            if (c.def.id().equals("body") && !weldedMass(c, m, false)) {
                return false;
            }
        }
        return true;
    }

    private boolean ownMass(List<MjcfNode> owned, Mass m) {
        MjcfNode inertial = owned.stream().filter(c -> c.def.id().equals("inertial")).findFirst().orElse(null);
        if (inertial != null && rule.inertialCounts()) {
            double mass = number(inertial.attrs.get("mass"));
            if (Double.isNaN(mass)) {
                return false;
            }
            double[] diag = MjcfValues.reals(inertial.attrs.get("diaginertia"));
            double[] full = MjcfValues.reals(inertial.attrs.get("fullinertia"));
            boolean inertia = (diag != null && diag.length == 3 && diag[0] > 0 && diag[1] > 0 && diag[2] > 0)
                    || (full != null && full.length == 6 && full[0] > 0 && full[1] > 0 && full[2] > 0);
            m.add(Math.max(0, mass), inertia);
            return true;
        }
        if (!rule.geomsCount(inertial != null)) {
            return true;
        }
        for (MjcfNode g : owned) {
            if (g.def.id().equals("geom")) {
                double gm = geomMass(g);
                if (Double.isNaN(gm)) {
                    return false;
                }
                m.add(gm, true);
            }
        }
        return true;
    }

    private double geomMass(MjcfNode g) {
        if (ix.classUnknown(g)) {
            return Double.NaN;
        }
        double group = number(ix.effectiveValue(g, "group", "0"));
        if (!rule.inGroupRange(group)) {
            return 0;
        }
        Resolved mass = ix.effective(g, "mass");
        OptionalDouble own = mass == null ? OptionalDouble.empty() : OptionalDouble.of(number(mass.value()));
        double density = number(ix.effectiveValue(g, "density", "1000"));
        // the volume only where it weighs: an unreadable size of a geom with its own mass does not matter
        boolean byVolume = own.isEmpty() && density > 0;
        return MassRule.geomMass(own, density, byVolume ? volume(g) : 0);
    }

    /** Volume of a primitive; 1 (assumed positive) for mesh-based geoms, whose volume the mesh checks verify. */
    private double volume(MjcfNode g) {
        String type = ix.effectiveValue(g, "type", "sphere");
        Resolved mesh = ix.effective(g, "mesh");
        if (mesh != null && !mesh.value().isEmpty()) {
            return 1;
        }
        double[] s = ix.merged(g, "size", PhysicsCheck.GEOM_SIZE0);
        Resolved ftR = PhysicsCheck.nonBlank(ix.effective(g, "fromto"));
        double[] ft = ftR == null ? null : MjcfValues.reals(ftR.value());
        if (s == null || (ftR != null && (ft == null || ft.length != 6))) {
            return Double.NaN;
        }
        double v = GeomShape.of(type, s, ft).map(GeomShape::volume).orElse(0.0);
        return Math.max(0, v);
    }

    private static double number(String v) {
        double[] d = MjcfValues.reals(v);
        return d != null && d.length == 1 ? d[0] : Double.NaN;
    }
}
