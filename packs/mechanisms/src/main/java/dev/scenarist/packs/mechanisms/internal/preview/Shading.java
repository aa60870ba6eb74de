package dev.scenarist.packs.mechanisms.internal.preview;

import dev.scenarist.packs.mechanisms.scene.Vec3;

/**
 * Lambert shading from one fixed light plus ambient light. The light comes from above, over the viewer's left
 * shoulder, so the three faces of a box the camera sees get three different brightnesses (top brightest, right
 * darkest). Two-sided: a surface seen from its back is lit as if it faced the viewer, because meshes may wind
 * either way and planes have no back.
 */
final class Shading {
    static final Vec3 TOWARD_LIGHT = new Vec3(0.3, -0.5, 1.0).normalized();
    static final double AMBIENT = 0.38;
    static final double DIFFUSE = 0.62;

    private Shading() {}

    /** The light on a surface with unit normal {@code (nx, ny, nz)} seen along {@code view}: 0..1. */
    static double light(double nx, double ny, double nz, Vec3 view) {
        double facing = nx * view.x() + ny * view.y() + nz * view.z();
        double sign = facing > 0 ? -1 : 1; // turn a back face towards the viewer
        double lambert = sign * (nx * TOWARD_LIGHT.x() + ny * TOWARD_LIGHT.y() + nz * TOWARD_LIGHT.z());
        return AMBIENT + DIFFUSE * Math.max(0, lambert);
    }
}
