package dev.scenarist.packs.mechanisms.scene;

import java.util.Locale;

/** MuJoCo geom types this API writes. */
public enum GeomType {
    PLANE, BOX, SPHERE, CAPSULE, CYLINDER, ELLIPSOID, MESH;

    /** The MJCF keyword, e.g. {@code box}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
