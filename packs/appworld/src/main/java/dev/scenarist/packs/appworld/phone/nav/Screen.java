package dev.scenarist.packs.appworld.phone.nav;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One screen of one app, e.g. {@code EmailClientApp / email_detail {email_id=e1}}: PARE's navigation state.
 *
 * @param params what the screen shows (an id, a folder); sorted, so screens compare and print deterministically
 */
public record Screen(String app, String name, Map<String, String> params) {
    /** The phone's home screen, where only system tools are offered. */
    public static final Screen HOME = new Screen("SystemApp", "home", Map.of());

    public Screen {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(name, "name");
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public static Screen of(String app, String name) {
        return new Screen(app, name, Map.of());
    }

    public static Screen of(String app, String name, String key, String value) {
        return new Screen(app, name, Map.of(key, value));
    }

    /** A parameter the screen was opened with; screens are built by their app, so absence is a bug. */
    public String param(String key) {
        String v = params.get(key);
        if (v == null) throw new IllegalStateException("screen " + this + " has no parameter " + key);
        return v;
    }

    @Override
    public String toString() {
        return app + "/" + name + (params.isEmpty() ? "" : params.toString());
    }
}
