package dev.scenarist.packs.mechanisms.scene;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code <compiler>} options a template may choose. Angle units ({@code radian}), the mesh directory
 * ({@code meshes}) and {@code autolimits} are fixed by the writer, because the rest of this API assumes them.
 *
 * @param inertiaFromGeom whether body inertia comes from geoms (MuJoCo's default {@code auto}: unless given)
 * @param boundMass       lower bound on every body's mass, or 0 for none
 * @param boundInertia    lower bound on every body's inertia, or 0 for none
 */
public record CompilerSettings(InertiaFromGeom inertiaFromGeom, double boundMass, double boundInertia) {
    public static final CompilerSettings DEFAULT = new CompilerSettings(InertiaFromGeom.AUTO, 0, 0);

    public CompilerSettings {
        Objects.requireNonNull(inertiaFromGeom, "inertiaFromGeom");
        Preconditions.nonNegative("compiler boundmass", boundMass);
        Preconditions.nonNegative("compiler boundinertia", boundInertia);
    }

    public enum InertiaFromGeom {
        FALSE, TRUE, AUTO;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
