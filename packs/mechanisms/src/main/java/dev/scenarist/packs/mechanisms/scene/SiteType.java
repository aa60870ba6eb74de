package dev.scenarist.packs.mechanisms.scene;

import java.util.Locale;

/** Shapes a site can be drawn as. */
public enum SiteType {
    SPHERE, BOX, CAPSULE, CYLINDER, ELLIPSOID;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
