package dev.scenarist.packs.mechanisms.internal.mesh;

import dev.scenarist.core.model.Finding;
import dev.scenarist.core.model.Severity;

/**
 * How MuJoCo treats a mesh with a defect it tolerates, for the {@code mujoco} rules: the mesh check's error becomes a
 * warning that says what MuJoCo will do with the mesh. MuJoCo collides with a mesh's convex hull, never its surface,
 * so holes, stray edges and crossing faces do not change contacts; it does compute the mesh's volume, centre of mass
 * and inertia from the surface, which only a closed, consistently oriented surface gives correctly. What MuJoCo
 * refuses outright (a mesh too small in volume for its inertia, an unreadable file) its own load reports.
 */
public final class MujocoMeshTreatment {
    private MujocoMeshTreatment() {}

    private static final String HULL = "MuJoCo collides with the mesh's convex hull, so contacts are not affected";
    private static final String SET_INERTIA = "if the body's mass comes from this mesh, give the body an <inertial> (or the mesh "
            + "inertia=\"shell\"/\"convex\") rather than trusting the mesh volume";

    /** The finding as MuJoCo's treatment of the mesh, a warning; anything not about the mesh's shape is returned as it is. */
    public static Finding asWarning(Finding f) {
        String how = switch (f.code()) {
            case MeshChecker.NOT_WATERTIGHT, MeshChecker.NON_MANIFOLD_EDGES, MeshChecker.NON_MANIFOLD_VERTICES ->
                    HULL + "; but the volume, centre of mass and inertia MuJoCo computes from an open or non-manifold surface are unreliable";
            case MeshChecker.INCONSISTENT_ORIENTATION, MeshChecker.NEGATIVE_VOLUME ->
                    HULL + "; but with faces oriented inconsistently the volume and inertia MuJoCo computes from the surface may be wrong";
            case MeshChecker.SELF_INTERSECTION ->
                    HULL + "; the volume and inertia MuJoCo computes count the overlapping parts twice";
            case MeshChecker.DEGENERATE_TRIANGLES -> "MuJoCo ignores zero-area faces; they change nothing";
            case MeshChecker.ZERO_VOLUME -> HULL + "; MuJoCo cannot compute inertia from a surface without volume";
            default -> null;
        };
        if (how == null) return f;
        String hint = f.code().equals(MeshChecker.DEGENERATE_TRIANGLES) ? "nothing to do for MuJoCo; --rules benchmark requires clean meshes"
                : SET_INERTIA + "; --rules benchmark requires closed, outward-oriented meshes";
        return new Finding(f.code(), Severity.WARNING, f.message() + " — " + how, f.location(), hint);
    }
}
