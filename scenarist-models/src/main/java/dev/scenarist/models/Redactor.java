package dev.scenarist.models;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is logged, stored or shown: every registered key verbatim, and anything
 * shaped like a provider key or a bearer token. Everything an author reports (errors, replies stored in
 * trajectories) passes through one instance owned by the application wiring.
 */
public final class Redactor {
    private static final Pattern KEY_SHAPES = Pattern.compile(
            "(sk-ant-[A-Za-z0-9_-]{8,}|sk-[A-Za-z0-9_-]{16,}|(?i:bearer)\\s+[A-Za-z0-9._~+/=-]{12,}|x-api-key:\\s*\\S+)");
    private final List<String> known = new CopyOnWriteArrayList<>();

    public void register(Secret secret) {
        if (secret.value().length() >= 6 && !known.contains(secret.value())) known.add(secret.value());
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String k : known) out = out.replace(k, "[redacted]");
        return KEY_SHAPES.matcher(out).replaceAll("[redacted]");
    }
}
