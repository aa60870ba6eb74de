package dev.scenarist.packs.mechanisms.internal.sim.ode;

import java.util.Arrays;

/**
 * MuJoCo's soft-constraint parameters ({@code solref}, {@code solimp}) and their ODE equivalents.
 *
 * <p>MuJoCo drives a constraint's violation {@code r} with the reference acceleration {@code a_ref = -b·v - k·r},
 * {@code k = 1/(dmax²·timeconst²·dampratio²)}, {@code b = 2/(dmax·timeconst)} (or {@code k = -solref[0]/dmax²},
 * {@code b = -solref[1]/dmax} in the direct format), blended with the unconstrained motion by the impedance
 * {@code d(r)} of {@code solimp}: the constrained acceleration is {@code (1-d)·a0 + d·a_ref}.
 *
 * <p><b>Contacts</b> reproduce that equation row for row. An ODE contact row solves
 * {@code J·a = J·a0 + A·λ} with {@code λ = ((c - J·v)/h - J·a0) / (A + CFM/h)}, where {@code A} is the inverse
 * effective mass along the normal and {@code c} the target separation velocity {@code ERP·depth/h + motionN}.
 * With {@code CFM = h·(1-d)/(d·m)} the blend factor {@code A/(A + CFM/h)} is {@code d}; with {@code ERP = h²·k} and
 * {@code motionN = (1 - h·b)·v_sep} the target {@code (c - J·v)/h} is {@code k·depth - b·v_sep}, i.e. MuJoCo's
 * {@code a_ref}. Both settle a resting load at MuJoCo's depth and push overlaps apart at MuJoCo's rate. {@code m} is
 * what MuJoCo uses too — inverse weights at qpos0, through the joints — while the true effective mass enters through
 * ODE's solve as it does through MuJoCo's; but the friction pyramid is ODE's and MuJoCo's pyramid rows are not
 * exactly a normal row, so this is close rather than exact.
 *
 * <p><b>Joints</b> (limits, connect and weld constraints) have no velocity term in ODE: there {@code ERP =
 * h·k/(h·k+b)} keeps the speed at which a violation closes ({@code k·r/b}) and {@code CFM = (1-d)/d / (m·(h·k+b))}
 * the depth a steady load reaches; the transient is faster than MuJoCo's (a joint stop is hit harder).
 *
 * @param solref timeconst and dampratio, or (negative) stiffness and damping
 * @param solimp dmin, dmax, width, midpoint, power
 */
record Soft(double[] solref, double[] solimp) {
    static final double[] DEFAULT_SOLREF = {0.02, 1};
    static final double[] DEFAULT_SOLIMP = {0.9, 0.95, 0.001, 0.5, 2};
    static final Soft DEFAULT = new Soft(DEFAULT_SOLREF, DEFAULT_SOLIMP);
    /** MuJoCo's mjMINIMP and mjMAXIMP. */
    private static final double MIN_IMP = 0.0001;
    private static final double MAX_IMP = 0.9999;

    Soft {
        solref = pad(solref, DEFAULT_SOLREF);
        solimp = pad(solimp, DEFAULT_SOLIMP);
    }

    private static double[] pad(double[] v, double[] fallback) {
        double[] out = fallback.clone();
        if (v != null) {
            System.arraycopy(v, 0, out, 0, Math.min(v.length, out.length));
        }
        return out;
    }

    /** Weighted mix of two geoms' parameters, as MuJoCo mixes them for a contact ({@code mix} = weight of this). */
    Soft mix(Soft o, double mix) {
        double[] ref = new double[2];
        boolean standard = solref[0] > 0 && o.solref[0] > 0;
        for (int i = 0; i < 2; i++) {
            ref[i] = standard ? mix * solref[i] + (1 - mix) * o.solref[i] : Math.min(solref[i], o.solref[i]);
        }
        double[] imp = new double[5];
        for (int i = 0; i < 5; i++) {
            imp[i] = mix * solimp[i] + (1 - mix) * o.solimp[i];
        }
        return new Soft(ref, imp);
    }

    private double dmax() {
        return clampImp(solimp[1]);
    }

    /** MuJoCo's stiffness {@code k} per unit effective mass, at timestep {@code h} (with its refsafe floor). */
    double stiffness(double h) {
        double dmax = dmax();
        if (solref[0] > 0) {
            double tc = Math.max(solref[0], 2 * h);
            return 1 / Math.max(1e-15, dmax * dmax * tc * tc * solref[1] * solref[1]);
        }
        return -solref[0] / Math.max(1e-15, dmax * dmax);
    }

    /** MuJoCo's damping {@code b} per unit effective mass. */
    double damping(double h) {
        double dmax = dmax();
        if (solref[1] > 0) {
            double tc = Math.max(solref[0], 2 * h);
            return 2 / Math.max(1e-15, dmax * tc);
        }
        return -solref[1] / Math.max(1e-15, dmax);
    }

    /** The impedance {@code d} at violation {@code depth} (≥ 0), MuJoCo's {@code getimpedance} with no margin. */
    double impedance(double depth) {
        double d0 = clampImp(solimp[0]);
        double d1 = clampImp(solimp[1]);
        double width = Math.max(0, solimp[2]);
        double mid = clampImp(solimp[3]);
        double power = Math.max(1, solimp[4]);
        if (d0 == d1 || width <= 1e-15) {
            return 0.5 * (d0 + d1);
        }
        double x = Math.abs(depth) / width;
        if (x >= 1) {
            return d1;
        }
        if (x <= 0) {
            return d0;
        }
        double y;
        if (power == 1) {
            y = x;
        } else if (x <= mid) {
            y = Math.pow(x, power) / Math.pow(mid, power - 1);
        } else {
            y = 1 - Math.pow(1 - x, power) / Math.pow(1 - mid, power - 1);
        }
        return d0 + y * (d1 - d0);
    }

    /** A contact's ERP at timestep {@code h}: {@code h²·k} (see the class comment). */
    double contactErp(double h) {
        return h * h * stiffness(h);
    }

    /** A contact's CFM at timestep {@code h}, for its depth and the effective mass along its normal. */
    double contactCfm(double h, double depth, double effectiveMass) {
        double d = impedance(depth);
        return h * (1 - d) / (d * Math.max(effectiveMass, 1e-12));
    }

    /** A contact's target normal velocity beyond {@code ERP·depth/h}: {@code (1 - h·b)·v_sep}. */
    double contactMotion(double h, double separationVelocity) {
        return (1 - h * damping(h)) * separationVelocity;
    }

    /** ODE's error reduction parameter for a joint-type constraint at timestep {@code h}. */
    double erp(double h) {
        double k = stiffness(h);
        double b = damping(h);
        return h * k / (h * k + b);
    }

    /**
     * ODE's constraint force mixing for a joint-type constraint at timestep {@code h}, for a violation {@code depth}
     * and an effective mass (or inertia) {@code effectiveMass} along the constraint.
     */
    double cfm(double h, double depth, double effectiveMass) {
        double d = impedance(depth);
        double k = stiffness(h);
        double b = damping(h);
        return (1 - d) / d / (Math.max(effectiveMass, 1e-12) * (h * k + b));
    }

    private static double clampImp(double v) {
        return Math.min(MAX_IMP, Math.max(MIN_IMP, v));
    }

    @Override
    public double[] solref() {
        return solref.clone();
    }

    @Override
    public double[] solimp() {
        return solimp.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Soft s && Arrays.equals(s.solref, solref) && Arrays.equals(s.solimp, solimp);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(solref) * 31 + Arrays.hashCode(solimp);
    }

    @Override
    public String toString() {
        return "Soft[solref=" + Arrays.toString(solref) + ", solimp=" + Arrays.toString(solimp) + "]";
    }
}
