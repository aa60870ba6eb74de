package dev.scenarist.packs.mechanisms.scene;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses duplicate names within each of MuJoCo's namespaces (bodies, geoms, joints, ...), at the moment the
 * duplicate is added, so the error points at the template line that caused it. MuJoCo itself allows a geom and a
 * body to share a name, and so does this registry.
 */
final class NameRegistry {
    enum Kind {
        BODY, GEOM, JOINT, SITE, MESH, MATERIAL, ACTUATOR;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<Kind, Map<String, String>> owners = new EnumMap<>(Kind.class);

    /** Throws if {@code name} is taken in {@code kind}'s namespace; otherwise does nothing. */
    void requireFree(Kind kind, String name) {
        String owner = owners.getOrDefault(kind, Map.of()).get(name);
        if (owner != null) {
            throw new IllegalArgumentException("duplicate " + kind.label() + " name '" + name + "': already used by "
                    + owner + "; every " + kind.label() + " needs its own name");
        }
    }

    /** Records {@code name} as taken; {@code owner} says where, for the duplicate message. */
    void claim(Kind kind, String name, String owner) {
        requireFree(kind, name);
        owners.computeIfAbsent(kind, k -> new HashMap<>()).put(name, owner);
    }

    boolean contains(Kind kind, String name) {
        return owners.getOrDefault(kind, Map.of()).containsKey(name);
    }
}
